/// The simulated probe as a driver: lifecycle, rate, live settings, truth per frame, freeze.

#include "SimTestAnatomy.h"

#include <hipguide/acquisition/SimulatedProbeDriver.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

namespace hipguide::acquisition {
namespace {

using namespace std::chrono_literals;

/// A small synthetic "phantom": the layered test volume with landmarks the driver uses.
std::shared_ptr<const anatomy::Phantom> testPhantom() {
  auto phantom = std::make_shared<anatomy::Phantom>();
  phantom->volume = *test::layeredVolume();
  std::vector<anatomy::LabelInfo> labels;
  const AcousticMap acoustics = test::testAcoustics();
  for (std::uint8_t value :
       {test::kSkin, test::kFat, test::kMuscle, test::kBone, test::kVessel, test::kCapsule}) {
    anatomy::LabelInfo info;
    info.value = value;
    info.name = "label" + std::to_string(value);
    info.acoustic = acoustics[value].properties;
    labels.push_back(info);
  }
  phantom->table = anatomy::LabelTable(labels);
  phantom->landmarks.anteriorSkinAboveRecessMm = {0, 0, 0};
  phantom->landmarks.anteriorRecessTargetMm = {0, 28, 0};
  phantom->landmarks.neckAxis = {1, 0, 0};
  return phantom;
}

/// Collects published frames and the truth looked up for each.
struct Collector {
  std::mutex mutex;
  std::vector<core::FramePtr> frames;
  std::vector<std::optional<FrameTruth>> truths;
  std::atomic<int> count{0};
  void attach(SimulatedProbeDriver& driver) {
    driver.subscribe([this, &driver](const core::FramePtr& frame) {
      std::lock_guard lock(mutex);
      frames.push_back(frame);
      truths.push_back(driver.truthFor(frame->frameId));
      ++count;
    });
  }
  bool waitFor(int frames, std::chrono::milliseconds limit = 20s) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (count.load() < frames && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(5ms);
    return count.load() >= frames;
  }
};

TEST(SimulatedProbeDriver, StreamsFramesWithTruthAndStops) {
  SimulatedProbeDriver driver(testPhantom(), 1, 0.0);
  Collector collector;
  collector.attach(driver);
  EXPECT_EQ(driver.state(), DriverState::Disconnected);
  driver.start();
  ASSERT_TRUE(collector.waitFor(5));
  EXPECT_EQ(driver.state(), DriverState::Streaming);
  driver.stop();
  EXPECT_EQ(driver.state(), DriverState::Stopped);
  std::lock_guard lock(collector.mutex);
  for (std::size_t index = 0; index < collector.frames.size(); ++index) {
    const core::FramePtr& frame = collector.frames[index];
    EXPECT_EQ(frame->frameId, index + 1);
    EXPECT_EQ(frame->width, 640);
    EXPECT_TRUE(frame->imageToProbe.valid);
    EXPECT_TRUE(frame->probeToReference.valid);
    ASSERT_TRUE(collector.truths[index].has_value());
    EXPECT_EQ(collector.truths[index]->frameId, frame->frameId);
  }
  EXPECT_EQ(driver.counters().framesPublished, collector.frames.size());
}

TEST(SimulatedProbeDriver, DoesNotRunFasterThanTheSetRate) {
  SimulatedProbeDriver driver(testPhantom(), 1, 20.0);
  Collector collector;
  collector.attach(driver);
  driver.start();
  ASSERT_TRUE(collector.waitFor(2));
  const auto start = std::chrono::steady_clock::now();
  const int before = collector.count.load();
  std::this_thread::sleep_for(1s);
  const int produced = collector.count.load() - before;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  driver.stop();
  // An upper bound only: a loaded machine may render slower than 20 fps (benchmarks measure speed).
  EXPECT_LE(produced / seconds, 22.0);
  EXPECT_GT(produced, 0);
}

TEST(SimulatedProbeDriver, LiveSettingsTakeEffectWhileStreaming) {
  SimulatedProbeDriver driver(testPhantom(), 1, 0.0);
  Collector collector;
  collector.attach(driver);
  driver.start();
  ASSERT_TRUE(collector.waitFor(2));
  double spacingBefore = 0;
  {
    std::lock_guard lock(collector.mutex);
    spacingBefore = collector.frames.back()->spacingMm.x();
  }
  driver.setDepthMm(50.0);
  driver.setGainDb(6.0);
  EXPECT_EQ(driver.depthMm(), 50.0);
  EXPECT_EQ(driver.gainDb(), 6.0);
  NeedleState needle;
  needle.direction = core::Vec3(std::cos(0.5), std::sin(0.5), 0.0);
  needle.insertionDepthMm = 40.0;
  needle.entryMm = core::Vec3(0, 20, 0) - 40.0 * needle.direction;
  driver.setNeedle(needle);
  const int seen = collector.count.load();
  ASSERT_TRUE(collector.waitFor(seen + 3));
  driver.stop();
  std::lock_guard lock(collector.mutex);
  EXPECT_LT(collector.frames.back()->spacingMm.x(), spacingBefore);
  ASSERT_TRUE(collector.truths.back().has_value());
  EXPECT_TRUE(collector.truths.back()->needleVisible);
  EXPECT_THROW(driver.setDepthMm(1.0), std::invalid_argument);
}

TEST(SimulatedProbeDriver, FreezeRepeatsTheImage) {
  SimulatedProbeDriver driver(testPhantom(), 1, 0.0);
  Collector collector;
  collector.attach(driver);
  driver.setFrozen(true);
  driver.start();
  ASSERT_TRUE(collector.waitFor(3));
  driver.stop();
  std::lock_guard lock(collector.mutex);
  EXPECT_EQ(collector.frames[0]->grey, collector.frames[2]->grey);
  EXPECT_NE(collector.frames[0]->frameId, collector.frames[2]->frameId);
}

TEST(SimulatedProbeDriver, RefusesUnknownScenario) {
  EXPECT_THROW(SimulatedProbeDriver("no-such-scenario", 1), std::invalid_argument);
}

}  // namespace
}  // namespace hipguide::acquisition
