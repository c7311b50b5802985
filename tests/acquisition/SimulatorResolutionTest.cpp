/// Resolution-scale physics of the B-mode simulator: the speckle grain follows the point-spread
/// function, and a tilted bone surface echoes as a straight, even line (no voxel staircase).

#include "SimTestAnatomy.h"

#include <hipguide/acquisition/UltrasoundSimulator.h>

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace hipguide::acquisition {
namespace {

using test::homogeneousVolume;
using test::makeVolume;
using test::probeAbove;
using test::testAcoustics;

constexpr double kFwhmPerSigma = 2.3548;

/// Correlation length of envelope intensity at lag 1 (lines or samples), as the FWHM in those
/// units of the Gaussian it implies: for a Gaussian PSF the intensity autocovariance has the
/// PSF's own FWHM.
struct SpeckleSize {
  double axialSamples = 0;
  double lateralLines = 0;
};

SpeckleSize speckleSize(const std::vector<float>& envelope, const ScanGeometry& geometry, int firstSample,
                        int lastSample) {
  const int samples = geometry.samples();
  const int firstLine = geometry.lines() / 4, lastLine = 3 * geometry.lines() / 4;
  const auto intensity = [&](int line, int s) {
    const double value = envelope[static_cast<std::size_t>(line) * samples + s];
    return value * value;
  };
  double sum = 0;
  int count = 0;
  for (int line = firstLine; line <= lastLine + 1; ++line)
    for (int s = firstSample; s <= lastSample + 1; ++s) {
      sum += intensity(line, s);
      ++count;
    }
  const double mean = sum / count;
  double variance = 0, axial = 0, lateral = 0;
  for (int line = firstLine; line <= lastLine; ++line)
    for (int s = firstSample; s <= lastSample; ++s) {
      const double here = intensity(line, s) - mean;
      variance += here * here;
      axial += here * (intensity(line, s + 1) - mean);
      lateral += here * (intensity(line + 1, s) - mean);
    }
  const auto fwhm = [variance](double covariance) {
    return kFwhmPerSigma * std::sqrt(-0.5 / std::log(covariance / variance));
  };
  return {fwhm(axial), fwhm(lateral)};
}

TEST(SimulatorResolution, SpeckleGrainMatchesThePointSpreadAtAndBeyondTheFocus) {
  UltrasoundSimulator simulator(homogeneousVolume(), testAcoustics(0.0));
  SimulatorInput input;
  input.probeToReference = probeAbove();
  simulator.render(input);
  const ScanGeometry& geometry = simulator.lastGeometry();
  const ProbeModel& probe = input.probe;
  const double dr = geometry.sampleSpacingMm();
  const double expectedAxialMm = 0.5 * probe.pulseCycles * probe.wavelengthMm();
  for (const double depthMm : {probe.focusDepthMm, probe.focusDepthMm + 25.0}) {
    const int centre = static_cast<int>(depthMm / dr);
    const int halfWindow = static_cast<int>(4.0 / dr);
    const SpeckleSize size =
        speckleSize(simulator.lastEnvelope(), geometry, centre - halfWindow, centre + halfWindow);
    const double away = (depthMm - probe.focusDepthMm) / probe.depthOfFieldMm;
    const double expectedLateralMm = probe.wavelengthMm() * probe.fNumber * std::sqrt(1.0 + away * away);
    const double axialMm = size.axialSamples * dr;
    const double lateralMm = size.lateralLines * geometry.lineSpacingMm(centre);
    EXPECT_NEAR(axialMm, expectedAxialMm, 0.15 * expectedAxialMm) << "at " << depthMm << " mm";
    EXPECT_NEAR(lateralMm, expectedLateralMm, 0.15 * expectedLateralMm) << "at " << depthMm << " mm";
    // Speckle cells are wider than deep, as with a real probe.
    EXPECT_GT(lateralMm, 1.5 * axialMm);
  }
}

/// Least-squares residuals (RMS) of y against a straight line in x.
double lineFitResidual(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  const double meanX = std::accumulate(x.begin(), x.end(), 0.0) / n;
  const double meanY = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxy = 0, sxx = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - meanX) * (y[i] - meanY);
    sxx += (x[i] - meanX) * (x[i] - meanX);
  }
  const double slope = sxy / sxx;
  double squares = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double residual = y[i] - meanY - slope * (x[i] - meanX);
    squares += residual * residual;
  }
  return std::sqrt(squares / n);
}

TEST(SimulatorResolution, TiltedBoneSurfaceEchoesAsAStraightEvenLine) {
  // Bone below a plane tilted 7° along the array: on the 0.5 mm voxel grid a staircase with
  // a step every 4 mm. Plain, non-attenuating tissue above, so only the surface matters.
  const double slope = std::tan(7.0 * 3.14159265358979 / 180.0);
  const auto volume = makeVolume({60.0, 40.0, 20.0}, 0.5, [slope](const core::Vec3& p) -> std::uint8_t {
    return p.y() > 20.0 + slope * p.x() ? test::kBone : test::kMuscle;
  });
  UltrasoundSimulator simulator(volume, testAcoustics(0.0));
  SimulatorInput input;
  input.probe = ProbeModel::linear();
  input.imaging.depthMm = 30.0;
  input.probeToReference = probeAbove();
  simulator.render(input);
  const ScanGeometry& geometry = simulator.lastGeometry();
  const std::vector<float>& envelope = simulator.lastEnvelope();
  const double dr = geometry.sampleSpacingMm();
  std::vector<double> lateralMm, depthMm, peak;
  for (int line = geometry.lines() / 8; line < 7 * geometry.lines() / 8; ++line) {
    const double x = geometry.lineOrigin(line).x();
    const double expected = 20.0 + slope * x;
    int best = 0;
    for (int s = static_cast<int>((expected - 1.5) / dr); s <= static_cast<int>((expected + 1.5) / dr); ++s)
      if (envelope[static_cast<std::size_t>(line) * geometry.samples() + s] >
          envelope[static_cast<std::size_t>(line) * geometry.samples() + best])
        best = s;
    lateralMm.push_back(x);
    depthMm.push_back(best * dr);
    peak.push_back(envelope[static_cast<std::size_t>(line) * geometry.samples() + best]);
  }
  // Straight to within a fraction of the sample spacing (a staircase would leave ±0.25 mm).
  EXPECT_LT(lineFitResidual(lateralMm, depthMm), 0.06);
  // Even brightness: the echo does not pulse with the voxel steps.
  const double mean = std::accumulate(peak.begin(), peak.end(), 0.0) / peak.size();
  double squares = 0;
  for (double value : peak) squares += (value - mean) * (value - mean);
  EXPECT_LT(std::sqrt(squares / peak.size()) / mean, 0.1) << "mean peak " << mean;
}

}  // namespace
}  // namespace hipguide::acquisition
