/// Image folders and video files: how other groups often share needle recordings.

#include "TestData.h"

#include <hipguide/session/ImageFolderReader.h>
#include <hipguide/session/RecordingReader.h>
#include <hipguide/session/VideoFileReader.h>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <fstream>

using namespace hipguide;

namespace {

/// A frame whose mean grey says which it is (survives lossy video codecs): 20 + 10 × index.
cv::Mat numberedFrame(int index, bool colour = false) {
  cv::Mat grey(120, 160, CV_8U, cv::Scalar(20 + 10 * index));
  cv::rectangle(grey, {40, 30, 80, 60}, cv::Scalar(200), cv::FILLED);  // structure for the codec
  if (!colour) return grey;
  cv::Mat bgr;
  cv::merge(std::vector<cv::Mat>{grey, grey, grey}, bgr);
  return bgr;
}

/// Which numbered frame `frame` is, from its mean grey outside the rectangle.
int frameNumber(const core::Frame& frame) {
  return static_cast<int>(std::lround((frame.grey[0] - 20) / 10.0));
}

}  // namespace

TEST(ImageFolderReader, ReadsImagesInNaturalNameOrder) {
  const auto dir = test::freshTempDir();
  for (int i : {1, 2, 10})
    cv::imwrite((dir / ("frame" + std::to_string(i) + ".png")).string(), numberedFrame(i));
  std::ofstream(dir / "notes.txt") << "not a frame";
  const auto reader = session::openRecording(dir);
  ASSERT_NE(dynamic_cast<session::ImageFolderReader*>(reader.get()), nullptr);
  EXPECT_EQ(reader->frameCount(), 3);
  EXPECT_EQ(frameNumber(reader->readFrame(1).frame), 2) << "frame2 before frame10";
  EXPECT_EQ(frameNumber(reader->readFrame(2).frame), 10);
  const core::Frame first = reader->readFrame(0).frame;
  EXPECT_EQ(first.width, 160);
  EXPECT_EQ(first.height, 120);
  EXPECT_FALSE(first.spacingCalibrated()) << "images carry no calibration";
  EXPECT_EQ(reader->timestampNs(2), 100'000'000) << "20 fps assumed";
  EXPECT_NE(reader->info().formatName.find("20 fps assumed"), std::string::npos);
}

TEST(ImageFolderReader, KeepsColourAndRefusesAFrameOfAnotherSize) {
  const auto dir = test::freshTempDir();
  cv::Mat colour(40, 60, CV_8UC3, cv::Scalar(10, 20, 200));  // BGR: mostly red
  cv::imwrite((dir / "a.png").string(), colour);
  cv::imwrite((dir / "b.png").string(), cv::Mat(30, 60, CV_8UC3, cv::Scalar(0, 0, 0)));
  const auto reader = session::openRecording(dir);
  const core::Frame frame = reader->readFrame(0).frame;
  ASSERT_EQ(frame.rgb.size(), 40u * 60u * 3u);
  EXPECT_EQ(frame.rgb[0], 200) << "RGB order";
  EXPECT_EQ(frame.grey[0], std::uint8_t(std::lround(0.299 * 200 + 0.587 * 20 + 0.114 * 10)));
  try {
    reader->readFrame(1);
    FAIL() << "read a frame of another size";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("b.png"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("one size"), std::string::npos) << error.what();
  }
}

TEST(ImageFolderReader, AFolderWithoutImagesIsNoRecording) {
  const auto dir = test::freshTempDir();
  std::ofstream(dir / "notes.txt") << "nothing";
  try {
    session::openRecording(dir);
    FAIL() << "opened a folder without images";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("neither recording.json nor images"), std::string::npos)
        << error.what();
  }
}

TEST(VideoFileReader, CountsItsFramesAndReadsThemInAnyOrder) {
  const auto file = test::freshTempDir() / "clip.avi";
  {
    cv::VideoWriter writer(file.string(), cv::CAP_FFMPEG, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25.0,
                           {160, 120}, true);
    ASSERT_TRUE(writer.isOpened()) << "OpenCV cannot write MJPG here";
    for (int i = 0; i < 20; ++i) writer.write(numberedFrame(i, true));
  }
  const auto reader = session::openRecording(file);
  ASSERT_NE(dynamic_cast<session::VideoFileReader*>(reader.get()), nullptr);
  EXPECT_EQ(reader->frameCount(), 20);
  EXPECT_NEAR(reader->info().framesPerSecond, 25.0, 1e-6);
  EXPECT_EQ(reader->timestampNs(5), 200'000'000);
  for (int i : {0, 1, 2, 7, 19, 3, 0, 12}) {  // on, ahead, far ahead, back
    const core::Frame frame = reader->readFrame(i).frame;
    EXPECT_EQ(frameNumber(frame), i) << "asked for frame " << i;
    EXPECT_EQ(frame.frameId, std::uint64_t(i + 1));
  }
  EXPECT_THROW(reader->readFrame(20), std::out_of_range);
}

TEST(VideoFileReader, SaysWhenAFileIsNoVideo) {
  const auto file = test::freshTempDir() / "clip.mp4";
  std::ofstream(file) << "not a video";
  try {
    session::openRecording(file);
    FAIL() << "opened a text file as a video";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("clip.mp4"), std::string::npos) << error.what();
  }
}
