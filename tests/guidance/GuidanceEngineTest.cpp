// Target distances are reported only for a target that is known.
#include <hipguide/guidance/GuidanceEngine.h>

#include <gtest/gtest.h>

namespace hipguide::guidance {
namespace {

/// A needle seen in the image from (0, 0) to its tip at (3, 4) mm.
core::NeedleEstimate trackedNeedle() {
  core::NeedleEstimate estimate;
  estimate.frameId = 1;
  estimate.detected = true;
  estimate.entryMm = core::Vec2(0.0, 0.0);
  estimate.tipMm = core::Vec2(3.0, 4.0);
  estimate.visibleLengthMm = 5.0;
  estimate.confidence = 0.9;
  return estimate;
}

TEST(GuidanceEngine, WithoutATargetReportsNoTargetDistance) {
  // While the anatomy loads, the pose is known but no target is: no distance to a made-up point.
  GuidanceEngine engine(std::nullopt, std::nullopt);
  const GuidanceState state = engine.update(trackedNeedle(), core::Transform3::Identity(), 0);
  EXPECT_TRUE(state.poseKnown);
  ASSERT_TRUE(state.needle);
  EXPECT_FALSE(state.tipToTargetMm);
  EXPECT_FALSE(state.targetMm);
  EXPECT_FALSE(state.targetImageMm);
  ASSERT_TRUE(state.path) << "the path is still predicted";
}

TEST(GuidanceEngine, ReportsTheDistanceToAKnownTarget) {
  GuidanceTarget target;
  target.pointMm = core::Vec3(3.0, 4.0, 12.0);
  GuidanceEngine engine(std::nullopt, target);
  const GuidanceState state = engine.update(trackedNeedle(), core::Transform3::Identity(), 0);
  ASSERT_TRUE(state.tipToTargetMm);
  EXPECT_NEAR(*state.tipToTargetMm, 12.0, 1e-9);
  ASSERT_TRUE(state.targetImageMm);
  EXPECT_NEAR(state.targetImageMm->x(), 3.0, 1e-9);
  EXPECT_NEAR(state.targetOffPlaneMm, 12.0, 1e-9);
}

TEST(GuidanceEngine, WithoutAPoseReportsNoTargetDistance) {
  GuidanceTarget target;
  target.pointMm = core::Vec3(3.0, 4.0, 12.0);
  GuidanceEngine engine(std::nullopt, target);
  const GuidanceState state = engine.update(trackedNeedle(), std::nullopt, 0);
  EXPECT_FALSE(state.poseKnown);
  EXPECT_FALSE(state.tipToTargetMm);
}

}  // namespace
}  // namespace hipguide::guidance
