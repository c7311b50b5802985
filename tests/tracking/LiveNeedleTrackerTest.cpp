#include "SyntheticScene.h"

#include <hipguide/tracking/LiveNeedleTracker.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace hipguide::tracking {
namespace {

TEST(LiveNeedleTracker, TracksTheNewestFramesWithoutDelayingThePublisher) {
  test::SyntheticScene scene;
  scene.needles.push_back({{150, 110}, {350, 225}, 8.0});
  const cv::Mat grey = test::renderScene(scene);
  core::LatestSlot<core::FramePtr> frames;
  std::atomic<int> callbacks{0};
  LiveNeedleTracker live(frames, {}, [&](const core::NeedleEstimate&) { ++callbacks; });
  live.start();
  for (int i = 1; i <= 60; ++i) {
    frames.publish(std::make_shared<core::Frame>(test::frameFrom(grey, 0.15, i, i * 1'000'000LL)));
    std::this_thread::sleep_for(std::chrono::microseconds(200));  // faster than the tracker
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (live.estimates().latest().value_or(core::LatestSlot<core::NeedleEstimate>::Entry{}).value.frameId <
             60 &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  live.stop();
  const auto last = live.estimates().latest();
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->value.frameId, 60u) << "the newest frame is always tracked eventually";
  EXPECT_EQ(live.processedFrames() + live.skippedFrames(), 60u);
  EXPECT_EQ(callbacks.load(), static_cast<int>(live.processedFrames()));
  EXPECT_GT(live.skippedFrames(), 0u)
      << "a publisher faster than the tracker is never held back: frames are skipped";
}

TEST(LiveNeedleTracker, StopsWhileWaitingForFrames) {
  core::LatestSlot<core::FramePtr> frames;
  LiveNeedleTracker live(frames);
  live.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  live.stop();
  EXPECT_EQ(live.processedFrames(), 0u);
}

}  // namespace
}  // namespace hipguide::tracking
