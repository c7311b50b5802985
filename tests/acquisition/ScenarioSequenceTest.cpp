/// acquisition::ScenarioSequence: frames numbered and timestamped as the truth CSV expects, and
/// the probe or depth replaced before rendering.

#include <hipguide/acquisition/ScenarioSequence.h>

#include <gtest/gtest.h>

#include <stdexcept>

namespace hipguide::acquisition {
namespace {

TEST(ScenarioSequence, NumbersFramesFromOneAndTimesThemAtItsRate) {
  ScenarioSequence sequence("steep", 1, 40.0);
  EXPECT_GT(sequence.frameCount(), 100u);
  const SimulatedFrame third = sequence.render(2);
  EXPECT_EQ(third.frame.frameId, 3u);
  EXPECT_EQ(third.frame.deviceTimestampNs, 50'000'000) << "frame index 2 at 40 fps";
  EXPECT_EQ(third.truth.frameId, third.frame.frameId);
  EXPECT_EQ(third.truth.timestampNs, third.frame.deviceTimestampNs);
  EXPECT_EQ(third.frame.width, 640);
  EXPECT_EQ(third.frame.height, 480);
}

TEST(ScenarioSequence, ImagesWithAnotherProbeOrDepthWhenAsked) {
  ScenarioSequence curvilinear("anterior-hip", 1), linear("anterior-hip", 1);
  linear.setProbe(ProbeModel::linear());
  linear.setDepthMm(50.0);
  const core::Vec2 curvilinearSpacing = curvilinear.render(0).frame.spacingMm;
  const core::Vec2 linearSpacing = linear.render(0).frame.spacingMm;
  EXPECT_LT(linearSpacing.y(), 0.75 * curvilinearSpacing.y()) << "50 mm over 480 rows is finer";
  EXPECT_NEAR(linearSpacing.y() * 479.0, 50.0, 1.0);
}

TEST(ScenarioSequence, RefusesAnUnknownScenario) {
  EXPECT_THROW(ScenarioSequence("nope", 1), std::invalid_argument);
}

}  // namespace
}  // namespace hipguide::acquisition
