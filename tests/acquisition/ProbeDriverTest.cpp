#include <hipguide/acquisition/ProbeDriver.h>
#include <hipguide/acquisition/SourceSpec.h>
#include <hipguide/acquisition/TestPatternDriver.h>
#include <hipguide/core/LatestSlot.h>

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

using namespace hipguide::acquisition;
using hipguide::core::FramePtr;

namespace {

/// A driver whose loop fails, to check the error state and its reason.
class FailingDriver final : public ProbeDriver {
 public:
  ~FailingDriver() override { stop(); }
  std::string description() const override { return "failing driver"; }

 protected:
  void run(std::stop_token) override { throw std::runtime_error("cable unplugged"); }
};

}  // namespace

TEST(ProbeDriver, TestPatternStreamsFramesWithIncreasingIdsOnItsOwnThread) {
  TestPatternDriver driver(0.0);
  std::atomic<int> count{0};
  std::atomic<std::uint64_t> lastId{0};
  std::atomic<bool> orderBroken{false};
  const auto callerThread = std::this_thread::get_id();
  std::atomic<bool> onCallerThread{false};
  driver.subscribe([&](const FramePtr& frame) {
    if (frame->frameId <= lastId) orderBroken = true;
    lastId = frame->frameId;
    if (std::this_thread::get_id() == callerThread) onCallerThread = true;
    ++count;
  });
  EXPECT_EQ(driver.state(), DriverState::Disconnected);
  driver.start();
  while (count < 5) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  EXPECT_EQ(driver.state(), DriverState::Streaming);
  driver.stop();
  EXPECT_EQ(driver.state(), DriverState::Stopped);
  EXPECT_FALSE(orderBroken);
  EXPECT_FALSE(onCallerThread);
  EXPECT_GE(driver.counters().framesPublished, 5u);
}

TEST(ProbeDriver, FramesCarrySizeSpacingAndReceiptTime) {
  TestPatternDriver driver(0.0);
  hipguide::core::LatestSlot<FramePtr> slot;
  driver.subscribe([&](const FramePtr& frame) { slot.publish(frame); });
  driver.start();
  std::stop_source stop;
  const auto entry = slot.waitNewer(0, stop.get_token());
  driver.stop();
  ASSERT_TRUE(entry);
  const FramePtr& frame = entry->value;
  EXPECT_EQ(frame->width, 640);
  EXPECT_EQ(frame->height, 480);
  EXPECT_EQ(frame->grey.size(), 640u * 480u);
  EXPECT_GT(frame->hostReceiveNs, 0);
  EXPECT_GT(frame->spacingMm.x(), 0.0);
}

TEST(ProbeDriver, ExceptionInTheLoopBecomesErrorStateWithReason) {
  FailingDriver driver;
  driver.start();
  for (int i = 0; i < 500 && driver.state() != DriverState::Error; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  EXPECT_EQ(driver.state(), DriverState::Error);
  EXPECT_EQ(driver.lastError(), "cable unplugged");
  driver.stop();
  EXPECT_EQ(driver.state(), DriverState::Error);
}

TEST(ProbeDriver, StopTwiceAndUnsubscribeAreSafe) {
  TestPatternDriver driver(100.0);
  const int handle = driver.subscribe([](const FramePtr&) {});
  driver.start();
  driver.unsubscribe(handle);
  driver.stop();
  driver.stop();
  EXPECT_EQ(driver.state(), DriverState::Stopped);
}

TEST(SourceSpec, ParsesEveryForm) {
  EXPECT_EQ(parseSourceSpec("sim").kind, SourceSpec::Kind::Simulator);
  EXPECT_EQ(parseSourceSpec("sim:steep").scenario, "steep");
  EXPECT_EQ(parseSourceSpec("test-pattern").kind, SourceSpec::Kind::TestPattern);
  const SourceSpec igtl = parseSourceSpec("igtl://localhost:18945");
  EXPECT_EQ(igtl.kind, SourceSpec::Kind::OpenIGTLink);
  EXPECT_EQ(igtl.host, "localhost");
  EXPECT_EQ(igtl.port, 18945);
  EXPECT_EQ(parseSourceSpec("igtl://scanner").port, 18944);
  EXPECT_EQ(parseSourceSpec("video:/dev/video2").path, "/dev/video2");
  EXPECT_EQ(parseSourceSpec("case.igs.mha").kind, SourceSpec::Kind::Recording);
}

TEST(SourceSpec, RefusesMalformedSpecsWithTheAcceptedForms) {
  for (const char* bad : {"", "sim:", "igtl://host:99999", "igtl://:1", "video:", "http://x"}) {
    try {
      parseSourceSpec(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const std::invalid_argument& error) {
      EXPECT_NE(std::string(error.what()).find("accepted:"), std::string::npos) << error.what();
    }
  }
}
