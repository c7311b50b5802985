#include <hipguide/acquisition/TestPatternDriver.h>
#include <hipguide/core/SteadyClock.h>
#include <hipguide/session/Recorder.h>
#include <hipguide/session/ReplayDriver.h>

#include "TestData.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <thread>

namespace hipguide::session {
namespace {

TEST(Recorder, RecordsADriverAndItsEventsWithoutDrops) {
  const auto folder = test::freshTempDir() / "rec.hgrec";
  acquisition::TestPatternDriver driver(100.0, 160, 120);
  {
    Recorder recorder(folder, {.writer = {.metadata = {{"settings", {{"depth_mm", 60}}}}}});
    recorder.attach(driver);
    driver.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    recorder.recordEvent({core::steadyNowNs(), 3, event_kind::kBookmark, {{"label", "needle in view"}}});
    driver.stop();
    recorder.stop();
    EXPECT_EQ(recorder.stats().dropped, 0u);
    EXPECT_EQ(recorder.stats().framesWritten, driver.counters().framesPublished);
    EXPECT_EQ(recorder.stats().eventsWritten, 1u);
  }
  NativeRecordingReader reader(folder);
  EXPECT_EQ(static_cast<std::uint64_t>(reader.frameCount()), driver.counters().framesPublished);
  EXPECT_TRUE(reader.manifest().at("closed").get<bool>());
  EXPECT_EQ(reader.manifest().at("metadata").at("settings").at("depth_mm"), 60);
  ASSERT_EQ(reader.events().size(), 1u);
  EXPECT_EQ(reader.events().front().payload.at("label"), "needle in view");
  for (std::int64_t i = 1; i < reader.frameCount(); ++i)
    EXPECT_EQ(reader.readFrame(i).frame.frameId, reader.readFrame(i - 1).frame.frameId + 1);
}

TEST(Recorder, AFullQueueDropsAndCountsInsteadOfBlocking) {
  const auto folder = test::freshTempDir() / "drops.hgrec";
  RecorderOptions options;
  options.queueCapacity = 1;
  Recorder recorder(folder, options);
  auto frame = std::make_shared<core::Frame>();
  frame->width = 640;
  frame->height = 480;
  frame->grey.assign(640 * 480, 7);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 2000; ++i) recorder.recordFrame(frame);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));  // never waited on disk
  recorder.stop();
  const RecorderStats stats = recorder.stats();
  EXPECT_EQ(stats.framesWritten + stats.dropped, 2000u);
  EXPECT_GT(stats.dropped, 0u);
}

/// The crash case: a child records a live source and is killed with SIGKILL; what it wrote
/// opens and replays, and at most the last second is missing.
TEST(Recorder, SurvivesSigkillOfTheRecordingProcess) {
  const auto folder = test::freshTempDir() / "killed.hgrec";
  constexpr double kFps = 60.0;
  auto* published = static_cast<std::atomic<std::uint64_t>*>(mmap(nullptr, sizeof(std::atomic<std::uint64_t>),
                                                                  PROT_READ | PROT_WRITE,
                                                                  MAP_SHARED | MAP_ANONYMOUS, -1, 0));
  ASSERT_NE(published, MAP_FAILED);
  new (published) std::atomic<std::uint64_t>(0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    acquisition::TestPatternDriver driver(kFps, 320, 240);
    Recorder recorder(folder);
    recorder.attach(driver);
    driver.subscribe([published](const core::FramePtr&) { published->fetch_add(1); });
    driver.start();
    for (;;) pause();
  }
  while (published->load() < 90) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  kill(child, SIGKILL);
  const std::uint64_t publishedAtKill = published->load();
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  munmap(published, sizeof(std::atomic<std::uint64_t>));

  NativeRecordingReader reader(folder);
  EXPECT_FALSE(reader.manifest().at("closed").get<bool>());
  EXPECT_GE(static_cast<double>(reader.frameCount()), static_cast<double>(publishedAtKill) - kFps);
  EXPECT_LE(static_cast<std::uint64_t>(reader.frameCount()), publishedAtKill);
  ReplayDriver replay(folder, {.speed = 4.0});
  std::atomic<int> replayed{0};
  replay.subscribe([&](const core::FramePtr& frame) {
    if (frame->width == 320) ++replayed;
  });
  replay.start();
  for (int i = 0; i < 300 && replayed < 10; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  replay.stop();
  EXPECT_GE(replayed.load(), 10);
}

}  // namespace
}  // namespace hipguide::session
