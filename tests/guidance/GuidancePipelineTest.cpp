// The live pipeline's hand-over: whoever its callback wakes finds that very result.
#include <hipguide/guidance/GuidancePipeline.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace hipguide::guidance {
namespace {

core::FramePtr blankFrame(std::uint64_t frameId) {
  core::Frame frame;
  frame.width = 64;
  frame.height = 48;
  frame.grey.assign(static_cast<std::size_t>(frame.width) * frame.height, 20);
  frame.spacingMm = core::Vec2(0.3, 0.3);
  frame.frameId = frameId;
  return std::make_shared<const core::Frame>(std::move(frame));
}

TEST(GuidancePipeline, TheCallbacksResultIsAlreadyTheLatestResult) {
  core::LatestSlot<core::FramePtr> frames;
  std::atomic<int> calls{0};
  std::atomic<int> stale{0};
  std::unique_ptr<GuidancePipeline> pipeline;
  pipeline = std::make_unique<GuidancePipeline>(frames, tracking::TrackerConfig{},
                                                GuidanceEngine(std::nullopt, GuidanceTarget{}),
                                                [&](const GuidedFrame& result) {
                                                  // A consumer woken now reads results(): it must see this
                                                  // frame, not the one before.
                                                  const auto latest = pipeline->results().latest();
                                                  if (!latest || latest->value.frame != result.frame) ++stale;
                                                  ++calls;
                                                });
  pipeline->start();
  constexpr int kFrames = 30;
  for (int i = 1; i <= kFrames; ++i) {
    frames.publish(blankFrame(i));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (calls.load() < i && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  pipeline->stop();
  EXPECT_EQ(calls.load(), kFrames);
  EXPECT_EQ(stale.load(), 0);
  EXPECT_EQ(pipeline->processedFrames(), static_cast<std::uint64_t>(kFrames));
}

}  // namespace
}  // namespace hipguide::guidance
