/// The simulated needle: angle-dependent brightness, elevation, tip and ground truth.

#include "SimTestAnatomy.h"

#include <hipguide/acquisition/UltrasoundSimulator.h>

#include <gtest/gtest.h>

#include <cmath>

namespace hipguide::acquisition {
namespace {

using test::homogeneousVolume;
using test::meanNear;
using test::probeAbove;
using test::testAcoustics;

/// A needle in the x-y plane entering at the skin, `angleDeg` below +x, `outOfPlaneMm` in z,
/// whose tip ends at (0, tipDepthMm).
NeedleState needleAt(double angleDeg, double tipDepthMm, double outOfPlaneMm = 0.0) {
  NeedleState needle;
  const double angle = core::degToRad(angleDeg);
  needle.direction = {std::cos(angle), std::sin(angle), 0.0};
  needle.insertionDepthMm = tipDepthMm / std::sin(angle);
  needle.entryMm = core::Vec3{0.0, tipDepthMm, outOfPlaneMm} - needle.insertionDepthMm * needle.direction;
  needle.lengthMm = std::max(90.0, needle.insertionDepthMm + 1.0);
  return needle;
}

struct NeedleImage {
  core::Frame frame;
  FrameTruth truth;
};

NeedleImage renderNeedle(UltrasoundSimulator& simulator, const NeedleState& needle, ProbeModel probe) {
  SimulatorInput input;
  input.probe = probe;
  input.imaging.depthMm = 50.0;
  input.probeToReference = probeAbove();
  input.needle = needle;
  const SimulatedFrame result = simulator.render(input);
  return {result.frame, result.truth};
}

/// Mean brightness on the shaft from 3 to 12 mm behind the truth tip minus the tissue beside it.
double shaftContrast(const NeedleImage& image) {
  const double angle = core::degToRad(image.truth.angleDeg);
  const core::Vec2 along{std::cos(angle), std::sin(angle)};
  const core::Vec2 back = along.y() > 0 ? -along : along;  // Toward the skin.
  const core::Vec2 side{-along.y(), along.x()};
  double shaft = 0, tissue = 0;
  for (double distance = 3.0; distance <= 12.0; distance += 1.0) {
    const core::Vec2 onShaft = image.truth.tipImageMm + distance * back;
    shaft += meanNear(image.frame, onShaft, 0.25);
    tissue += 0.5 * (meanNear(image.frame, onShaft + 4.0 * side, 0.8) +
                     meanNear(image.frame, onShaft - 4.0 * side, 0.8));
  }
  return (shaft - tissue) / 10.0;
}

TEST(SimulatorNeedle, ContrastFallsMonotonicallyWithSteeperAngles) {
  UltrasoundSimulator simulator(homogeneousVolume(), testAcoustics(0.5));
  double previous = 1e9;
  for (double angleDeg = 20.0; angleDeg <= 60.0; angleDeg += 10.0) {
    const NeedleImage image = renderNeedle(simulator, needleAt(angleDeg, 30.0), ProbeModel::linear());
    ASSERT_TRUE(image.truth.needleVisible) << angleDeg;
    const double contrast = shaftContrast(image);
    EXPECT_LT(contrast, previous) << "at " << angleDeg << " deg";
    if (angleDeg == 20.0) {
      EXPECT_GT(contrast, 60.0);
    }
    if (angleDeg == 60.0) {
      EXPECT_LT(contrast, 25.0);
    }
    previous = contrast;
  }
}

TEST(SimulatorNeedle, TruthLiesOnTheBrightShaft) {
  UltrasoundSimulator simulator(homogeneousVolume(), testAcoustics(0.5));
  const NeedleImage image = renderNeedle(simulator, needleAt(25.0, 30.0), ProbeModel::curvilinear());
  const FrameTruth& truth = image.truth;
  ASSERT_TRUE(truth.needleVisible);
  EXPECT_NEAR(truth.angleDeg, 25.0, 0.5);
  const core::Vec2 faceCentre = truth.tipImageMm - core::Vec2{0.0, 30.0};
  EXPECT_NEAR(truth.tipImageMm.x() - faceCentre.x(), 0.0, 1e-6);
  EXPECT_GT(shaftContrast(image), 50.0);
  // The tip is bright; 4 mm beyond it there is only tissue.
  const double angle = core::degToRad(truth.angleDeg);
  const core::Vec2 along{std::cos(angle), std::sin(angle)};
  const double tissue = meanNear(image.frame, truth.tipImageMm + core::Vec2{0.0, -8.0}, 2.0);
  EXPECT_GT(meanNear(image.frame, truth.tipImageMm, 0.3), tissue + 50.0);
  EXPECT_LT(meanNear(image.frame, truth.tipImageMm + 4.0 * along, 0.3), tissue + 25.0);
  EXPECT_NEAR(truth.tipReferenceMm.y(), 30.0, 1e-6);
}

TEST(SimulatorNeedle, OutOfPlaneNeedleFadesAndTruthFollows) {
  UltrasoundSimulator simulator(homogeneousVolume(), testAcoustics(0.5));
  const NeedleImage inPlane = renderNeedle(simulator, needleAt(25.0, 30.0, 0.0), ProbeModel::curvilinear());
  const NeedleImage slightly = renderNeedle(simulator, needleAt(25.0, 30.0, 0.8), ProbeModel::curvilinear());
  const NeedleImage away = renderNeedle(simulator, needleAt(25.0, 30.0, 4.0), ProbeModel::curvilinear());
  EXPECT_TRUE(inPlane.truth.needleVisible);
  EXPECT_TRUE(slightly.truth.needleVisible);
  EXPECT_FALSE(away.truth.needleVisible);
  EXPECT_NEAR(away.truth.tipOutOfPlaneMm, 4.0, 1e-6);  // Probe z = x × y = reference z here.
  // The tip's echo from the elevation beam: full in the plane, down by −6 dB at half the slice's
  // thickness (where the truth's slice ends), far down 4 mm away.
  EXPECT_NEAR(inPlane.truth.tipElevationEchoDb, 0.0, 1e-9);
  EXPECT_LT(slightly.truth.tipElevationEchoDb, -0.5);
  EXPECT_GT(slightly.truth.tipElevationEchoDb, -6.0);
  EXPECT_LT(away.truth.tipElevationEchoDb, -20.0);
  for (const NeedleImage* image : {&inPlane, &slightly, &away})
    EXPECT_EQ(image->truth.tipInImage, image->truth.tipElevationEchoDb >= FrameTruth::kSliceEdgeDb);
  EXPECT_GT(shaftContrast(inPlane), shaftContrast(slightly));
  EXPECT_LT(shaftContrast(away), 10.0);
}

TEST(SimulatorNeedle, NeedleCrossingThePlaneShowsOnlyInPart) {
  UltrasoundSimulator simulator(homogeneousVolume(), testAcoustics(0.5));
  NeedleState needle = needleAt(25.0, 30.0);
  // Rotate the direction 8° out of plane about the tip's vertical: the shaft crosses the plane.
  const Eigen::Matrix3d yaw = core::rotationDeg({0, 1, 0}, 8.0);
  needle.direction = yaw * needle.direction;
  needle.entryMm = core::Vec3{0.0, 30.0, 0.0} - needle.insertionDepthMm * needle.direction;
  const NeedleImage image = renderNeedle(simulator, needle, ProbeModel::curvilinear());
  const NeedleImage straight = renderNeedle(simulator, needleAt(25.0, 30.0), ProbeModel::curvilinear());
  EXPECT_GT(image.truth.visibleLengthMm, 5.0);
  EXPECT_LT(image.truth.visibleLengthMm, 0.5 * straight.truth.visibleLengthMm);
}

TEST(SimulatorNeedle, NoNeedleNoTruth) {
  UltrasoundSimulator simulator(homogeneousVolume(), testAcoustics(0.5));
  SimulatorInput input;
  input.probeToReference = probeAbove();
  const FrameTruth truth = simulator.render(input).truth;
  EXPECT_FALSE(truth.needleInserted);
  EXPECT_FALSE(truth.needleVisible);
  EXPECT_EQ(truth.visibleLengthMm, 0.0);
}

}  // namespace
}  // namespace hipguide::acquisition
