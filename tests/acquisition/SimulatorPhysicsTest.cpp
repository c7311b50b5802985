/// Physics of the B-mode simulator on synthetic label volumes: statistics, attenuation,
/// shadowing, needle visibility and determinism (not pixel-exact images).

#include "SimTestAnatomy.h"

#include <hipguide/acquisition/UltrasoundSimulator.h>

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace hipguide::acquisition {
namespace {

using test::homogeneousVolume;
using test::layeredVolume;
using test::probeAbove;
using test::testAcoustics;

/// Image row of a depth below the face centre along the central line.
int rowAtDepth(const ScanGeometry& geometry, double depthMm) {
  return static_cast<int>(
      std::lround((depthMm + geometry.faceCentreImageMm().y()) / geometry.pixelSpacingMm()));
}

/// Mean of the pixels in a block of rows and columns.
double meanRows(const core::Frame& frame, int firstRow, int lastRow, int firstColumn, int lastColumn) {
  double sum = 0;
  int count = 0;
  for (int row = firstRow; row <= lastRow; ++row)
    for (int column = firstColumn; column <= lastColumn; ++column) {
      sum += frame.at(column, row);
      ++count;
    }
  return sum / count;
}

TEST(SimulatorPhysics, SpeckleEnvelopeIsRayleigh) {
  UltrasoundSimulator simulator(homogeneousVolume(), testAcoustics(0.0));
  SimulatorInput input;
  input.probeToReference = probeAbove();
  simulator.render(input);
  const std::vector<float>& envelope = simulator.lastEnvelope();
  const ScanGeometry& geometry = simulator.lastGeometry();
  double sum = 0, sumSquares = 0;
  int count = 0;
  for (int line = geometry.lines() / 4; line < 3 * geometry.lines() / 4; ++line)
    for (int s = geometry.samples() / 4; s < 3 * geometry.samples() / 4; ++s) {
      const double value = envelope[static_cast<std::size_t>(line) * geometry.samples() + s];
      sum += value;
      sumSquares += value * value;
      ++count;
    }
  const double mean = sum / count;
  const double deviation = std::sqrt(sumSquares / count - mean * mean);
  EXPECT_NEAR(mean / deviation, 1.91, 0.1) << "mean " << mean << " std " << deviation;
}

TEST(SimulatorPhysics, UncompensatedAttenuationMatchesConfiguredSlope) {
  constexpr double kAttenuation = 0.5;  // dB/cm/MHz
  UltrasoundSimulator simulator(homogeneousVolume(), testAcoustics(kAttenuation));
  SimulatorInput input;
  input.probeToReference = probeAbove();
  input.imaging.autoTgc = false;
  input.imaging.dynamicRangeDb = 100.0;
  const core::Frame frame = simulator.render(input).frame;
  // Row means over the central columns, regressed against depth.
  const ScanGeometry& geometry = simulator.lastGeometry();
  const double pixelMm = frame.spacingMm.y();
  const int centre = frame.width / 2;
  std::vector<double> depths, levels;
  for (int row = rowAtDepth(geometry, 5.0); row < rowAtDepth(geometry, 60.0); ++row) {
    depths.push_back(row * pixelMm / 10.0);  // cm
    levels.push_back(meanRows(frame, row, row, centre - 60, centre + 60) * input.imaging.dynamicRangeDb /
                     255.0);
  }
  const double meanDepth = std::accumulate(depths.begin(), depths.end(), 0.0) / depths.size();
  const double meanLevel = std::accumulate(levels.begin(), levels.end(), 0.0) / levels.size();
  double covariance = 0, variance = 0;
  for (std::size_t index = 0; index < depths.size(); ++index) {
    covariance += (depths[index] - meanDepth) * (levels[index] - meanLevel);
    variance += (depths[index] - meanDepth) * (depths[index] - meanDepth);
  }
  const double measuredDbPerCm = -covariance / variance;
  const double expectedDbPerCm = 2.0 * kAttenuation * input.probe.centreFrequencyMHz;  // Round trip.
  EXPECT_NEAR(measuredDbPerCm, expectedDbPerCm, 0.1 * expectedDbPerCm);
  // With the scanner's compensation at the same nominal value the image is flat.
  input.imaging.autoTgc = true;
  input.imaging.autoTgcDbPerCmMHz = kAttenuation;
  const core::Frame compensated = simulator.render(input).frame;
  const int top = rowAtDepth(geometry, 10.0), bottom = rowAtDepth(geometry, 55.0);
  EXPECT_NEAR(meanRows(compensated, top, top + 20, centre - 60, centre + 60),
              meanRows(compensated, bottom - 20, bottom, centre - 60, centre + 60), 6.0);
}

TEST(SimulatorPhysics, BoneCastsShadow) {
  UltrasoundSimulator simulator(layeredVolume(), testAcoustics());
  SimulatorInput input;
  input.probeToReference = probeAbove();
  const core::Frame frame = simulator.render(input).frame;
  const double pixelMm = frame.spacingMm.x();
  const int centre = frame.width / 2;
  const int halfWidth = static_cast<int>(6.0 / pixelMm);
  // Bone top at depth 30 mm under the centre line; compare 20-28 mm with 35-60 mm.
  const ScanGeometry& geometry = simulator.lastGeometry();
  const double above = meanRows(frame, rowAtDepth(geometry, 20), rowAtDepth(geometry, 28), centre - halfWidth,
                                centre + halfWidth);
  const double below = meanRows(frame, rowAtDepth(geometry, 35), rowAtDepth(geometry, 60), centre - halfWidth,
                                centre + halfWidth);
  const int narrow = static_cast<int>(2.0 / pixelMm);
  const double cortex = meanRows(frame, rowAtDepth(geometry, 29.7), rowAtDepth(geometry, 30.5),
                                 centre - narrow, centre + narrow);
  EXPECT_LT(below, 0.25 * above) << "above " << above << " below " << below;
  EXPECT_GT(cortex, above + 60.0) << "cortex " << cortex;
}

TEST(SimulatorPhysics, OutsideTheSectorIsZero) {
  UltrasoundSimulator simulator(layeredVolume(), testAcoustics());
  SimulatorInput input;
  input.probeToReference = probeAbove();
  const core::Frame frame = simulator.render(input).frame;
  const ScanGeometry& geometry = simulator.lastGeometry();
  int outside = 0;
  for (int row = 0; row < frame.height; ++row)
    for (int column = 0; column < frame.width; ++column)
      if (!geometry.insideSector(column, row)) {
        ++outside;
        ASSERT_EQ(frame.at(column, row), 0) << column << "," << row;
      }
  EXPECT_GT(outside, frame.width * frame.height / 10);
  EXPECT_EQ(frame.at(0, 0), 0);
}

TEST(SimulatorPhysics, SameSeedSameFramesOtherSeedOtherSpeckle) {
  const auto volume = layeredVolume();
  SimulatorInput input;
  input.probeToReference = probeAbove();
  input.frameIndex = 7;
  UltrasoundSimulator first(volume, testAcoustics(), {.seed = 3});
  UltrasoundSimulator second(volume, testAcoustics(), {.seed = 3});
  UltrasoundSimulator other(volume, testAcoustics(), {.seed = 4});
  const auto a = first.render(input).frame.grey;
  EXPECT_EQ(a, second.render(input).frame.grey);
  EXPECT_NE(a, other.render(input).frame.grey);
}

/// Pearson correlation of two equally sized pixel sets.
double correlation(const std::vector<double>& a, const std::vector<double>& b) {
  const double meanA = std::accumulate(a.begin(), a.end(), 0.0) / a.size();
  const double meanB = std::accumulate(b.begin(), b.end(), 0.0) / b.size();
  double ab = 0, aa = 0, bb = 0;
  for (std::size_t index = 0; index < a.size(); ++index) {
    ab += (a[index] - meanA) * (b[index] - meanB);
    aa += (a[index] - meanA) * (a[index] - meanA);
    bb += (b[index] - meanB) * (b[index] - meanB);
  }
  return ab / std::sqrt(aa * bb);
}

TEST(SimulatorPhysics, SpeckleMovesWithTheTissue) {
  const auto volume = homogeneousVolume();
  SimulatorInput input;
  input.probe = ProbeModel::linear();
  input.imaging.depthMm = 40.0;
  input.probeToReference = probeAbove(0.0);
  UltrasoundSimulator simulator(volume, testAcoustics(0.3), {.seed = 9});
  const core::Frame reference = simulator.render(input).frame;
  constexpr double kShiftMm = 1.0;
  input.probeToReference = probeAbove(kShiftMm);
  const core::Frame moved = simulator.render(input).frame;
  UltrasoundSimulator otherSeed(volume, testAcoustics(0.3), {.seed = 10});
  const core::Frame unrelated = otherSeed.render(input).frame;
  const int shift = static_cast<int>(std::lround(kShiftMm / reference.spacingMm.x()));
  // Speckle only: each row's mean (the depth trend) is removed.
  std::vector<double> a, b, c;
  for (int row = reference.height / 4; row < 3 * reference.height / 4; ++row) {
    const std::size_t rowStart = a.size();
    for (int column = reference.width / 2 - 100; column < reference.width / 2 + 100; ++column) {
      a.push_back(reference.at(column + shift, row));
      b.push_back(moved.at(column, row));
      c.push_back(unrelated.at(column, row));
    }
    for (std::vector<double>* values : {&a, &b, &c}) {
      const double mean =
          std::accumulate(values->begin() + rowStart, values->end(), 0.0) / (values->size() - rowStart);
      for (std::size_t index = rowStart; index < values->size(); ++index) (*values)[index] -= mean;
    }
  }
  EXPECT_GT(correlation(a, b), 0.6);
  EXPECT_LT(std::abs(correlation(a, c)), 0.15);
}

}  // namespace
}  // namespace hipguide::acquisition
