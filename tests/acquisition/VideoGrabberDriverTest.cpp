/// The frame-grabber driver on video files the test writes with OpenCV (MJPG in AVI).

#include "IgtlTestSupport.h"
#include "TestData.h"

#include <hipguide/acquisition/VideoGrabberCalibration.h>
#include <hipguide/acquisition/VideoGrabberDriver.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <gtest/gtest.h>

using namespace hipguide;
using namespace hipguide::acquisition;
using hipguide::test::FrameCollector;
using hipguide::test::waitUntil;

namespace {

constexpr int kScreenWidth = 320;
constexpr int kScreenHeight = 240;
const CropRect kUltrasoundArea{40, 20, 200, 180};

/// A "scanner screen": grey UI border, the ultrasound area with a bright bar whose row depends
/// on the frame, and depth ticks. Frames from `frozenFrom` on repeat the previous picture.
cv::Mat screen(int index) {
  cv::Mat frame(kScreenHeight, kScreenWidth, CV_8UC3, cv::Scalar(90, 90, 90));
  cv::Mat area =
      frame(cv::Rect(kUltrasoundArea.x, kUltrasoundArea.y, kUltrasoundArea.width, kUltrasoundArea.height));
  area.setTo(cv::Scalar(10, 10, 10));
  cv::rectangle(area, cv::Rect(20, 10 + 4 * index, 160, 8), cv::Scalar(230, 230, 230), cv::FILLED);
  return frame;
}

/// Writes `moving` changing frames, then `frozen` copies of the last one.
std::filesystem::path writeVideo(const std::filesystem::path& dir, int moving, int frozen) {
  const std::filesystem::path file = dir / "scanner.avi";
  cv::VideoWriter writer(file.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 30.0,
                         cv::Size(kScreenWidth, kScreenHeight));
  if (!writer.isOpened()) return {};
  for (int index = 0; index < moving; ++index) writer.write(screen(index));
  for (int index = 0; index < frozen; ++index) writer.write(screen(moving - 1));
  return file;
}

VideoGrabberSettings fileSettings(const std::filesystem::path& file) {
  VideoGrabberSettings settings;
  settings.device = file.string();
  settings.framesPerSecond = 300;  // play fast
  settings.loopFile = false;
  settings.frozenAfterFrames = 10;
  settings.frozenMeanDifference = 1.0;  // MJPG decoding of the same picture is identical or nearly
  return settings;
}

}  // namespace

TEST(VideoGrabberDriver, CropsCalibratesAndReadsEveryFrameOfAFile) {
  const auto file = writeVideo(test::freshTempDir(), 40, 0);
  ASSERT_FALSE(file.empty()) << "OpenCV could not write an MJPG AVI";
  VideoGrabberSettings settings = fileSettings(file);
  settings.crop = kUltrasoundArea;
  settings.mmPerPixel = mmPerPixelFromDepthTicks({30.0, 20.0}, {30.0, 220.0}, 50.0);  // 5 cm over 200 px
  VideoGrabberDriver driver(settings);
  FrameCollector frames(driver);
  driver.start();
  ASSERT_TRUE(waitUntil([&] { return driver.state() == DriverState::Stopped; }));
  EXPECT_NE(driver.lastError().find("end of video file"), std::string::npos);
  const auto received = frames.frames();
  ASSERT_EQ(received.size(), 40u);
  for (std::size_t index = 0; index < received.size(); ++index) {
    const core::Frame& frame = *received[index];
    ASSERT_EQ(frame.width, 200);
    ASSERT_EQ(frame.height, 180);
    EXPECT_NEAR(frame.spacingMm.x(), 0.25, 1e-12);
    EXPECT_NEAR(frame.spacingMm.y(), 0.25, 1e-12);
    const int barRow = 10 + 4 * static_cast<int>(index) + 4;  // middle of the bar, crop coordinates
    EXPECT_GT(frame.at(100, barRow), 180) << "frame " << index;
    EXPECT_LT(frame.at(100, barRow - 8), 60) << "frame " << index;
  }
  EXPECT_EQ(driver.stats().frozenEpisodes, 0u);
  EXPECT_EQ(driver.stats().capturedWidth, kScreenWidth);
}

TEST(VideoGrabberDriver, ReportsFrozenVideoAsStalledAndRecovers) {
  const auto file = writeVideo(test::freshTempDir(), 20, 30);
  ASSERT_FALSE(file.empty());
  VideoGrabberSettings settings = fileSettings(file);
  settings.framesPerSecond = 100;
  settings.loopFile = true;  // after the frozen part the picture moves again
  VideoGrabberDriver driver(settings);
  std::atomic<bool> sawStalled{false};
  driver.subscribe([&](const core::FramePtr&) {
    if (driver.state() == DriverState::Stalled) sawStalled = true;
  });
  driver.start();
  ASSERT_TRUE(waitUntil([&] { return driver.state() == DriverState::Stalled; }));
  EXPECT_NE(driver.lastError().find("video frozen"), std::string::npos) << driver.lastError();
  ASSERT_TRUE(waitUntil([&] { return driver.state() == DriverState::Streaming; }));
  EXPECT_EQ(driver.stats().frozenEpisodes, 1u);
  EXPECT_TRUE(sawStalled);
}

TEST(VideoGrabberDriver, ACropOutsideTheFrameIsAnErrorNamingIt) {
  const auto file = writeVideo(test::freshTempDir(), 5, 0);
  ASSERT_FALSE(file.empty());
  VideoGrabberSettings settings = fileSettings(file);
  settings.crop = {300, 0, 100, 100};
  VideoGrabberDriver driver(settings);
  driver.start();
  ASSERT_TRUE(waitUntil([&] { return driver.state() == DriverState::Error; }));
  EXPECT_NE(driver.lastError().find("does not fit in the 320x240"), std::string::npos) << driver.lastError();
}

TEST(VideoGrabberDriver, AMissingFileIsAnErrorNamingIt) {
  VideoGrabberSettings settings;
  settings.device = (test::freshTempDir() / "absent.avi").string();
  VideoGrabberDriver driver(settings);
  driver.start();
  ASSERT_TRUE(waitUntil([&] { return driver.state() == DriverState::Error; }));
  EXPECT_NE(driver.lastError().find("absent.avi"), std::string::npos) << driver.lastError();
}
