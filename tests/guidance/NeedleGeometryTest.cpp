#include <hipguide/guidance/NeedleGeometry.h>

#include <gtest/gtest.h>

using namespace hipguide::guidance;
using namespace hipguide::core;

namespace {

NeedleEstimate detectedNeedle(Vec2 entry, Vec2 tip) {
  NeedleEstimate estimate;
  estimate.detected = true;
  estimate.entryMm = entry;
  estimate.tipMm = tip;
  return estimate;
}

}  // namespace

TEST(NeedleGeometry, MapsTheShaftIntoReferenceCoordinates) {
  Transform3 imageToReference = Transform3::Identity();
  imageToReference.linear() = rotationDeg(Vec3(0, 0, 1), 90.0);
  imageToReference.translation() = Vec3(100, 0, 0);
  const auto pose = needlePose(detectedNeedle({0, 0}, {10, 0}), imageToReference);
  ASSERT_TRUE(pose);
  EXPECT_TRUE(pose->tipMm.isApprox(Vec3(100, 10, 0)));
  EXPECT_TRUE(pose->directionMm.isApprox(Vec3(0, 1, 0)));
  EXPECT_TRUE(pose->directionImage.isApprox(Vec2(1, 0)));
}

TEST(NeedleGeometry, NoPoseWithoutADetectedNonDegenerateShaft) {
  EXPECT_FALSE(needlePose(NeedleEstimate{}, Transform3::Identity()));
  EXPECT_FALSE(needlePose(detectedNeedle({5, 5}, {5, 5}), Transform3::Identity()));
}

TEST(NeedleGeometry, PathStopsAtTheClosestApproachToATargetAhead) {
  const auto pose =
      needlePose(detectedNeedle({0, 0}, {30, 40}), Transform3::Identity());  // direction (0.6, 0.8)
  ASSERT_TRUE(pose);
  const PredictedPath toTarget =
      predictPath(*pose, Vec3(30 + 6 + 4, 40 + 8 - 3, 0), Transform3::Identity(), 80.0);
  EXPECT_NEAR(toTarget.lengthMm, 10.0 * 0.6 * 0.6 / 0.6 + 0.0, 10.0);  // sanity: ahead and short
  EXPECT_NEAR(toTarget.lengthMm, (Vec3(10, 5, 0)).dot(Vec3(0.6, 0.8, 0)), 1e-9);
  EXPECT_TRUE(toTarget.startMm.isApprox(pose->tipMm));

  const PredictedPath behind = predictPath(*pose, Vec3(0, 0, 0), Transform3::Identity(), 50.0);
  EXPECT_DOUBLE_EQ(behind.lengthMm, 50.0);
  EXPECT_TRUE(behind.endImageMm.isApprox(Vec2(30 + 30, 40 + 40)));

  const PredictedPath capped = predictPath(*pose, Vec3(600, 800, 0), Transform3::Identity(), 20.0);
  EXPECT_DOUBLE_EQ(capped.lengthMm, 20.0);
}
