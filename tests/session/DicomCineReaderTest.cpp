/// DICOM cine loops as scanners export them: pixel formats, compression, pixel size, timing.

#include "DicomCineFile.h"
#include "TestData.h"

#include <hipguide/session/DicomCineReader.h>
#include <hipguide/session/RecordingReader.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

using namespace hipguide;
using test::DicomCineOptions;
using test::writeDicomCine;

namespace {

constexpr int kWidth = 64;
constexpr int kHeight = 48;

/// A grey frame whose pixels differ from frame to frame and from one another.
std::vector<std::uint8_t> greyFrame(int index) {
  std::vector<std::uint8_t> pixels(std::size_t(kWidth) * kHeight);
  for (int y = 0; y < kHeight; ++y)
    for (int x = 0; x < kWidth; ++x)
      pixels[std::size_t(y) * kWidth + x] = std::uint8_t((x * 3 + y * 5 + index * 40) % 256);
  return pixels;
}

std::vector<std::vector<std::uint8_t>> greyFrames(int count) {
  std::vector<std::vector<std::uint8_t>> frames;
  for (int i = 0; i < count; ++i) frames.push_back(greyFrame(i));
  return frames;
}

/// Smooth colour (JPEG keeps it well): red along x, green along y, blue per frame.
std::vector<std::uint8_t> rgbFrame(int index) {
  std::vector<std::uint8_t> pixels;
  for (int y = 0; y < kHeight; ++y)
    for (int x = 0; x < kWidth; ++x)
      pixels.insert(pixels.end(), {std::uint8_t(x * 4), std::uint8_t(y * 5), std::uint8_t(60 + index * 50)});
  return pixels;
}

double meanAbsoluteDifference(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
  double sum = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += std::abs(int(a[i]) - int(b[i]));
  return sum / double(a.size());
}

/// Opening `file` and reading its last frame fails with a message that contains `expected`.
void expectRefused(const std::filesystem::path& file, const std::string& expected) {
  try {
    const auto reader = session::openRecording(file);
    reader->readFrame(reader->frameCount() - 1);
    ADD_FAILURE() << "read " << file;
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(expected), std::string::npos) << error.what();
  }
}

/// Runs a DCMTK command-line tool; false when it is not installed.
bool runTool(const std::string& command) { return std::system((command + " > /dev/null 2>&1").c_str()) == 0; }

}  // namespace

TEST(DicomCineReader, ReadsAnUncompressedCineWithItsRegionsPixelSizeAndFrameTime) {
  const auto file = test::freshTempDir() / "cine.dcm";
  DicomCineOptions options;
  options.regionDeltaCm = 0.02;
  options.frameTimeMs = 50.0;
  writeDicomCine(file, kWidth, kHeight, greyFrames(3), options);
  const auto reader = session::openRecording(file);
  ASSERT_NE(dynamic_cast<session::DicomCineReader*>(reader.get()), nullptr);
  const session::RecordingInfo& info = reader->info();
  EXPECT_EQ(info.width, kWidth);
  EXPECT_EQ(info.height, kHeight);
  EXPECT_EQ(info.frameCount, 3);
  EXPECT_NE(info.formatName.find("DICOM cine"), std::string::npos) << info.formatName;
  EXPECT_NEAR(info.spacingMm.x(), 0.2, 1e-9);
  EXPECT_NEAR(info.spacingMm.y(), 0.2, 1e-9);
  EXPECT_NEAR(info.framesPerSecond, 20.0, 1e-9);
  for (int i : {2, 0, 1}) {  // in any order
    const session::RecordedFrame recorded = reader->readFrame(i);
    EXPECT_EQ(recorded.frame.grey, greyFrame(i)) << "frame " << i;
    EXPECT_TRUE(recorded.frame.rgb.empty());
    EXPECT_EQ(recorded.frame.deviceTimestampNs, i * 50'000'000LL);
    EXPECT_EQ(recorded.frame.frameId, std::uint64_t(i + 1));
    EXPECT_TRUE(recorded.frame.spacingCalibrated());
  }
  EXPECT_THROW(reader->readFrame(3), std::out_of_range);
}

TEST(DicomCineReader, TakesThePixelSizeOfTheLargest2dRegionInCentimetres) {
  const auto dir = test::freshTempDir();
  DicomCineOptions options;
  options.pixelSpacingMm = 0.5;
  writeDicomCine(dir / "spacing.dcm", kWidth, kHeight, greyFrames(1), options);
  EXPECT_NEAR(session::openRecording(dir / "spacing.dcm")->info().spacingMm.x(), 0.5, 1e-9)
      << "Pixel Spacing when there is no region";
  options.regionDeltaCm = 0.015;
  writeDicomCine(dir / "region.dcm", kWidth, kHeight, greyFrames(1), options);
  const auto reader = session::openRecording(dir / "region.dcm");
  EXPECT_NEAR(reader->info().spacingMm.y(), 0.15, 1e-9) << "the region wins over Pixel Spacing";
  bool said = false;
  for (const auto& [name, value] : reader->info().globalFields) said = said || value == "ultrasound region";
  EXPECT_TRUE(said) << "info says where the pixel size came from";
  writeDicomCine(dir / "none.dcm", kWidth, kHeight, greyFrames(1), {});
  EXPECT_FALSE(session::openRecording(dir / "none.dcm")->readFrame(0).frame.spacingCalibrated())
      << "without either, 1 mm per pixel: not calibrated";
}

TEST(DicomCineReader, TimesFramesByTheFrameTimeVectorOrAssumes20Fps) {
  const auto dir = test::freshTempDir();
  DicomCineOptions options;
  options.frameTimeVectorMs = {0.0, 40.0, 60.0};
  writeDicomCine(dir / "vector.dcm", kWidth, kHeight, greyFrames(3), options);
  const auto reader = session::openRecording(dir / "vector.dcm");
  EXPECT_EQ(reader->timestampNs(1), 40'000'000);
  EXPECT_EQ(reader->timestampNs(2), 100'000'000);
  writeDicomCine(dir / "untimed.dcm", kWidth, kHeight, greyFrames(3), {});
  const auto untimed = session::openRecording(dir / "untimed.dcm");
  EXPECT_EQ(untimed->timestampNs(2), 100'000'000);
  bool said = false;
  for (const auto& [name, value] : untimed->info().globalFields)
    said = said || value.find("20 fps assumed") != std::string::npos;
  EXPECT_TRUE(said) << "info says the rate is assumed";
}

TEST(DicomCineReader, TurnsColourAndInvertedGreyIntoGrey) {
  const auto dir = test::freshTempDir();
  DicomCineOptions planar;
  planar.photometric = "RGB";
  planar.planar = true;
  writeDicomCine(dir / "planar.dcm", kWidth, kHeight, {rgbFrame(0), rgbFrame(1)}, planar);
  const core::Frame colour = session::openRecording(dir / "planar.dcm")->readFrame(1).frame;
  EXPECT_EQ(colour.rgb, rgbFrame(1)) << "planes put back pixel by pixel";
  const std::size_t pixel = std::size_t(10) * kWidth + 20;  // R 80, G 50, B 110
  EXPECT_EQ(colour.grey[pixel], std::uint8_t(std::lround(0.299 * 80 + 0.587 * 50 + 0.114 * 110)));

  DicomCineOptions inverted;
  inverted.photometric = "MONOCHROME1";
  writeDicomCine(dir / "inverted.dcm", kWidth, kHeight, greyFrames(1), inverted);
  const core::Frame grey = session::openRecording(dir / "inverted.dcm")->readFrame(0).frame;
  EXPECT_EQ(grey.grey[pixel], 255 - greyFrame(0)[pixel]) << "MONOCHROME1: 0 is white";
}

TEST(DicomCineReader, DecodesRleAndJpegCompressedCines) {
  const auto dir = test::freshTempDir();
  DicomCineOptions rle;
  rle.storage = DicomCineOptions::Storage::Rle;
  writeDicomCine(dir / "rle.dcm", kWidth, kHeight, greyFrames(4), rle);
  const auto reader = session::openRecording(dir / "rle.dcm");
  EXPECT_NE(reader->info().formatName.find("RLE"), std::string::npos) << reader->info().formatName;
  for (int i : {3, 1, 0, 2}) EXPECT_EQ(reader->readFrame(i).frame.grey, greyFrame(i)) << "RLE is lossless";

  DicomCineOptions jpeg;
  jpeg.photometric = "RGB";
  jpeg.storage = DicomCineOptions::Storage::JpegBaseline;
  writeDicomCine(dir / "jpeg.dcm", kWidth, kHeight, {rgbFrame(0), rgbFrame(1), rgbFrame(2)}, jpeg);
  const auto lossy = session::openRecording(dir / "jpeg.dcm");
  for (int i : {2, 0}) {
    const core::Frame frame = lossy->readFrame(i).frame;
    EXPECT_LT(meanAbsoluteDifference(frame.rgb, rgbFrame(i)), 3.0) << "JPEG at quality 90, frame " << i;
  }
}

TEST(DicomCineReader, ReadsWhatDcmtksOwnToolsWrite) {
  const auto dir = test::freshTempDir();
  writeDicomCine(dir / "raw.dcm", kWidth, kHeight, greyFrames(3), {});
  if (!runTool("dcmcjpeg --encode-lossless " + (dir / "raw.dcm").string() + " " +
               (dir / "lossless.dcm").string()) ||
      !runTool("dcmcjpls " + (dir / "raw.dcm").string() + " " + (dir / "jpegls.dcm").string()))
    GTEST_SKIP() << "DCMTK's command-line tools are not installed (apt-get install dcmtk)";
  for (const char* name : {"lossless.dcm", "jpegls.dcm"}) {
    const auto reader = session::openRecording(dir / name);
    for (int i : {2, 0}) EXPECT_EQ(reader->readFrame(i).frame.grey, greyFrame(i)) << name << " frame " << i;
  }
}

TEST(DicomCineReader, SaysWhatIsWrongWithAFileItCannotRead) {
  const auto dir = test::freshTempDir();
  std::ofstream(dir / "notes.dcm") << "not a DICOM file";
  expectRefused(dir / "notes.dcm", "notes.dcm");
  // A copy cut short (an interrupted transfer): refused on opening or on the missing frame, with
  // the file named, never a crash or a frame of garbage.
  writeDicomCine(dir / "whole.dcm", kWidth, kHeight, greyFrames(3), {});
  std::filesystem::copy_file(dir / "whole.dcm", dir / "cut.dcm");
  std::filesystem::resize_file(dir / "cut.dcm", std::filesystem::file_size(dir / "whole.dcm") - 1000);
  expectRefused(dir / "cut.dcm", "cut.dcm");
  DicomCineOptions huge;  // a header that would have the reader allocate 4 GiB a frame
  huge.statedSide = 65535;
  writeDicomCine(dir / "huge.dcm", kWidth, kHeight, greyFrames(1), huge);
  expectRefused(dir / "huge.dcm", "larger than HipGuide reads");
  DicomCineOptions wide;
  wide.bitsAllocated = 16;
  writeDicomCine(dir / "wide.dcm", kWidth, kHeight, greyFrames(1), wide);
  expectRefused(dir / "wide.dcm", "Bits Allocated is 16");
}

TEST(DicomCineReader, IsRecognisedByItsContentWhateverItsName) {
  const auto file = test::freshTempDir() / "IM_0001";  // scanners often write names without an extension
  writeDicomCine(file, kWidth, kHeight, greyFrames(2), {});
  EXPECT_TRUE(session::looksLikeDicomFile(file));
  EXPECT_EQ(session::openRecording(file)->frameCount(), 2);
}
