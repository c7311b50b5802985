#include <hipguide/acquisition/SourceSpec.h>
#include <hipguide/session/NativeRecording.h>
#include <hipguide/session/ReplayDriver.h>
#include <hipguide/session/SourceTable.h>

#include "TestData.h"

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <thread>

namespace hipguide::session {
namespace {

constexpr std::uint64_t kFrames = 30;  // 0.5 s at 60 fps

std::filesystem::path writeRecording() {
  const auto folder = test::freshTempDir() / "replay.hgrec";
  NativeRecordingWriter writer(folder);
  for (std::uint64_t id = 1; id <= kFrames; ++id) {
    core::Frame frame;
    frame.width = 32;
    frame.height = 16;
    frame.grey.assign(32 * 16, static_cast<std::uint8_t>(id));
    frame.frameId = id;
    frame.deviceTimestampNs = 1'000'000'000 + static_cast<std::int64_t>(id - 1) * 16'666'667;
    writer.append(frame);
  }
  core::NeedleEstimate estimate;
  estimate.frameId = 5;
  estimate.detected = true;
  estimate.tipMm = {3.0, 4.0};
  writer.appendEvent(needleEstimateEvent(estimate));
  return folder;
}

/// Collects the frame ids a driver publishes.
class Collector {
 public:
  explicit Collector(acquisition::ProbeDriver& driver) {
    driver.subscribe([this](const core::FramePtr& frame) {
      std::lock_guard lock(m_mutex);
      m_ids.push_back(frame->frameId);
    });
  }
  std::vector<std::uint64_t> ids() const {
    std::lock_guard lock(m_mutex);
    return m_ids;
  }
  /// Waits until `count` frames arrived (or 5 s passed).
  bool waitFor(std::size_t count) const {
    for (int i = 0; i < 500; ++i) {
      if (ids().size() >= count) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }

 private:
  mutable std::mutex m_mutex;
  std::vector<std::uint64_t> m_ids;
};

double playAllSeconds(const std::filesystem::path& folder, double speed) {
  ReplayDriver driver(folder, {.speed = speed});
  Collector collector(driver);
  const auto start = std::chrono::steady_clock::now();
  driver.start();
  EXPECT_TRUE(collector.waitFor(kFrames));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<std::uint64_t> expected(kFrames);
  for (std::uint64_t i = 0; i < kFrames; ++i) expected[i] = i + 1;
  EXPECT_EQ(collector.ids(), expected);
  return seconds;
}

TEST(ReplayDriver, PlaysEveryFrameInOrderWithTheRecordedTimingScaledBySpeed) {
  const auto folder = writeRecording();
  const double normal = playAllSeconds(folder, 1.0);
  const double fast = playAllSeconds(folder, 4.0);
  EXPECT_GT(normal, 0.40);  // 29 intervals of 16.7 ms = 0.48 s
  EXPECT_LT(fast, normal);
}

TEST(ReplayDriver, PauseStepAndSeekPublishExactlyTheRequestedFrames) {
  const auto folder = writeRecording();
  ReplayDriver driver(folder, {.startPaused = true});
  Collector collector(driver);
  driver.start();
  ASSERT_TRUE(collector.waitFor(1));
  driver.step(1);
  ASSERT_TRUE(collector.waitFor(2));
  driver.step(-1);
  ASSERT_TRUE(collector.waitFor(3));
  driver.seekToFrame(20);
  ASSERT_TRUE(collector.waitFor(4));
  driver.seekToTime(101'000'000);  // frame index 6 is at 100.000002 ms
  ASSERT_TRUE(collector.waitFor(5));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(collector.ids(), (std::vector<std::uint64_t>{1, 2, 1, 21, 7}));
  EXPECT_TRUE(driver.paused());
  EXPECT_EQ(driver.currentFrameIndex(), 6);
}

TEST(ReplayDriver, ShowsARecordingWithoutCalibrationAtAMeasuredPixelSize) {
  const auto folder = writeRecording();  // 1 mm per pixel: no calibration
  ReplayDriver driver(folder, {.startPaused = true});
  std::mutex mutex;
  std::vector<std::pair<std::uint64_t, core::Vec2>> shown;
  driver.subscribe([&](const core::FramePtr& frame) {
    std::lock_guard lock(mutex);
    shown.emplace_back(frame->frameId, frame->spacingMm);
  });
  const auto count = [&] {
    std::lock_guard lock(mutex);
    return shown.size();
  };
  const auto waitFor = [&](std::size_t frames) {
    for (int i = 0; i < 500 && count() < frames; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  };
  driver.start();
  waitFor(1);
  driver.seekToFrame(4);
  waitFor(2);
  EXPECT_THROW(driver.setPixelSizeMm(2.0), std::invalid_argument) << "no B-mode pixel is 2 mm";
  driver.setPixelSizeMm(0.25);
  waitFor(3);
  driver.step(1);
  waitFor(4);
  driver.stop();
  std::lock_guard lock(mutex);
  ASSERT_EQ(shown.size(), 4u);
  EXPECT_EQ(shown[1], std::make_pair(std::uint64_t{5}, core::Vec2(1.0, 1.0)));
  EXPECT_EQ(shown[2], std::make_pair(std::uint64_t{5}, core::Vec2(0.25, 0.25)))
      << "the same frame again, measured";
  EXPECT_EQ(shown[3], std::make_pair(std::uint64_t{6}, core::Vec2(0.25, 0.25))) << "and every frame after it";
  EXPECT_EQ(driver.pixelSizeMm(), 0.25);
}

TEST(ReplayDriver, LoopsAndRefusesSpeedsOutsideTheRange) {
  const auto folder = writeRecording();
  ReplayDriver driver(folder, {.speed = 4.0, .loop = true});
  EXPECT_THROW(driver.setSpeed(8.0), std::invalid_argument);
  EXPECT_THROW(driver.setSpeed(0.1), std::invalid_argument);
  Collector collector(driver);
  driver.start();
  ASSERT_TRUE(collector.waitFor(kFrames + 3));
  driver.stop();
  EXPECT_EQ(collector.ids()[kFrames], 1u);
}

TEST(ReplayDriver, ExposesRecordedEstimatesAndOpensThroughTheSourceTable) {
  const auto folder = writeRecording();
  const auto driver = openSource(acquisition::parseSourceSpec(folder.string()));
  auto* replay = dynamic_cast<ReplayDriver*>(driver.get());
  ASSERT_NE(replay, nullptr);
  const auto estimate = replay->recordedEstimate(5);
  ASSERT_TRUE(estimate);
  EXPECT_DOUBLE_EQ(estimate->tipMm.y(), 4.0);
  EXPECT_FALSE(replay->recordedEstimate(6));
  EXPECT_EQ(replay->frameCount(), static_cast<std::int64_t>(kFrames));
}

TEST(ReplayDriver, RefusesTrackerOnlyRecordings) {
  HIPGUIDE_REQUIRE_SHARED_FILE(path, "plus/SyntheticTrackerBuffer20.igs.mha");
  EXPECT_THROW(ReplayDriver{path}, std::runtime_error);
}

}  // namespace
}  // namespace hipguide::session
