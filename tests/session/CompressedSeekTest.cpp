// Random access into one-stream compressed PLUS sequences through the inflate seek index.

#include <hipguide/session/PlusSequenceReader.h>
#include <hipguide/session/PlusSequenceWriter.h>
#include <hipguide/session/ReplayDriver.h>

#include "TestData.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <mutex>
#include <random>
#include <thread>

namespace hipguide::session {
namespace {

constexpr int kWidth = 96;
constexpr int kHeight = 80;
constexpr std::int64_t kFrames = 120;  // 921,600 decoded bytes
/// Small enough that the test stream holds a dozen checkpoints, most inside a frame.
constexpr std::int64_t kSpacingBytes = 64 * 1024;

/// Noisy frames (deflate keeps them near 1.4:1, so the stream has many blocks), each different.
core::Frame noisyFrame(std::int64_t index) {
  core::Frame frame;
  frame.width = kWidth;
  frame.height = kHeight;
  frame.grey.resize(static_cast<std::size_t>(kWidth) * kHeight);
  std::mt19937 random(static_cast<std::uint32_t>(index) + 1);
  for (std::size_t i = 0; i < frame.grey.size(); ++i)
    frame.grey[i] = static_cast<std::uint8_t>((i % kWidth) + random() % 64);
  frame.frameId = static_cast<std::uint64_t>(index) + 1;
  frame.deviceTimestampNs = 1'000'000'000 + index * 40'000'000;
  return frame;
}

/// Writes a compressed `.igs.mha` or `.igs.nrrd`; for ".mhd" splits the `.mha` into a header
/// and a `.zraw` data file (ElementDataFile names it), as PLUS writes them.
std::filesystem::path writeCompressed(const std::string& extension) {
  const auto folder = test::freshTempDir();
  const auto written = folder / (extension == ".nrrd" ? "seek.igs.nrrd" : "seek.igs.mha");
  {
    PlusSequenceWriter writer(written, {.compress = true});
    for (std::int64_t i = 0; i < kFrames; ++i) writer.append(noisyFrame(i));
    writer.close();
  }
  if (extension != ".mhd") return written;
  const SequenceHeader header = readSequenceHeader(written);
  std::ifstream in(written, std::ios::binary);
  std::string text(static_cast<std::size_t>(header.headerBytes), '\0');
  in.read(text.data(), header.headerBytes);
  text.replace(text.rfind("LOCAL"), 5, "seek.zraw");
  std::ofstream(folder / "seek.igs.mhd", std::ios::binary) << text;
  std::ofstream(folder / "seek.zraw", std::ios::binary) << in.rdbuf();
  return folder / "seek.igs.mhd";
}

/// Every frame's pixels, read front to back (no seeking).
std::vector<std::vector<std::uint8_t>> readSequentially(const std::filesystem::path& path) {
  PlusSequenceReader reader(path);
  std::vector<std::vector<std::uint8_t>> frames;
  for (std::int64_t i = 0; i < reader.frameCount(); ++i) frames.push_back(reader.readFrame(i).frame.grey);
  return frames;
}

class CompressedSeek : public ::testing::TestWithParam<std::string> {};

TEST_P(CompressedSeek, RandomFramesMatchTheSequentialReadAfterTheBackgroundPass) {
  const auto path = writeCompressed(GetParam());
  const auto expected = readSequentially(path);
  ASSERT_EQ(std::ssize(expected), kFrames);
  EXPECT_EQ(expected[7], noisyFrame(7).grey);

  PlusSequenceReader reader(path, {.seekSpacingBytes = kSpacingBytes});
  EXPECT_FALSE(reader.info().seekable);
  reader.prepareForSeeking();
  reader.waitForSeekIndex();
  const SeekIndexStatus status = reader.seekIndexStatus();
  EXPECT_TRUE(status.complete);
  EXPECT_EQ(status.spacingBytes, kSpacingBytes);
  EXPECT_GE(status.checkpoints, kFrames * kWidth * kHeight / kSpacingBytes - 2);
  EXPECT_GE(status.memoryBytes, status.checkpoints * 32 * 1024);

  // Every frame backwards (each resumes from a checkpoint before it, many crossing one), then
  // random jumps both ways.
  for (std::int64_t i = kFrames - 1; i >= 0; --i)
    ASSERT_EQ(reader.readFrame(i).frame.grey, expected[static_cast<std::size_t>(i)]) << "frame " << i;
  std::mt19937 random(6);
  for (int jump = 0; jump < 300; ++jump) {
    const auto i = static_cast<std::int64_t>(random() % kFrames);
    ASSERT_EQ(reader.readFrame(i).frame.grey, expected[static_cast<std::size_t>(i)]) << "frame " << i;
  }
}

TEST_P(CompressedSeek, ReadingForwardBuildsTheIndexLazily) {
  const auto path = writeCompressed(GetParam());
  const auto expected = readSequentially(path);
  PlusSequenceReader reader(path, {.seekSpacingBytes = kSpacingBytes});
  for (std::int64_t i = 0; i < kFrames / 2; ++i) reader.readFrame(i);
  const SeekIndexStatus half = reader.seekIndexStatus();
  EXPECT_FALSE(half.complete);
  EXPECT_GE(half.checkpoints, 4);
  EXPECT_GE(half.indexedBytes, (kFrames / 2) * kWidth * kHeight);
  // Backwards within the indexed half, then past it, then back again.
  for (const std::int64_t i : {50, 3, 59, 119, 0, 60, 118, 61, 33})
    ASSERT_EQ(reader.readFrame(i).frame.grey, expected[static_cast<std::size_t>(i)]) << "frame " << i;
  EXPECT_GT(reader.seekIndexStatus().checkpoints, half.checkpoints);
}

INSTANTIATE_TEST_SUITE_P(Containers, CompressedSeek, ::testing::Values(".mha", ".nrrd", ".mhd"),
                         [](const auto& info) { return info.param.substr(1); });

TEST(CompressedSeek, CorruptDataAfterACheckpointIsAClearErrorAndEarlierFramesStillRead) {
  const auto path = writeCompressed(".mha");
  const auto expected = readSequentially(path);
  const std::int64_t dataStart = readSequenceHeader(path).headerBytes;
  const auto fileBytes = static_cast<std::int64_t>(std::filesystem::file_size(path));
  {
    // 64 KiB of noise 60% into the compressed pixels (spanning several deflate blocks).
    std::fstream file(path, std::ios::binary | std::ios::in | std::ios::out);
    file.seekp(dataStart + (fileBytes - dataStart) * 6 / 10);
    std::mt19937 random(11);
    for (int i = 0; i < 64 * 1024; ++i) file.put(static_cast<char>(random()));
  }
  PlusSequenceReader reader(path, {.seekSpacingBytes = kSpacingBytes});
  reader.prepareForSeeking();
  reader.waitForSeekIndex();  // the pass stops at the damage (a logged warning)
  const SeekIndexStatus status = reader.seekIndexStatus();
  EXPECT_FALSE(status.complete);
  EXPECT_NE(status.failure.find("compressed pixel data is corrupt"), std::string::npos) << status.failure;
  EXPECT_GE(status.checkpoints, 3);
  EXPECT_EQ(reader.readFrame(30).frame.grey, expected[30]);
  try {
    reader.readFrame(kFrames - 1);
    FAIL() << "a frame after the damage was read without an error";
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(path.string()), std::string::npos) << message;
    EXPECT_NE(message.find("compressed pixel data is corrupt"), std::string::npos) << message;
    EXPECT_NE(message.find("frame " + std::to_string(kFrames - 1)), std::string::npos) << message;
  }
  // The reader recovers: a frame before the damage, after the failed one, still decodes.
  EXPECT_EQ(reader.readFrame(40).frame.grey, expected[40]);
  EXPECT_EQ(reader.readFrame(2).frame.grey, expected[2]);
}

TEST(CompressedSeek, ReplayDriverSeeksACompressedSequenceToTheRequestedFrame) {
  const auto path = writeCompressed(".nrrd");
  ReplayDriver driver(path, {.startPaused = true});
  std::mutex mutex;
  std::vector<core::FramePtr> frames;
  driver.subscribe([&](const core::FramePtr& frame) {
    std::lock_guard lock(mutex);
    frames.push_back(frame);
  });
  const auto waitFor = [&](std::size_t count) {
    for (int i = 0; i < 500; ++i) {
      if (std::lock_guard lock(mutex); frames.size() >= count) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  };
  driver.start();
  ASSERT_TRUE(waitFor(1));
  driver.seekToFrame(100);
  ASSERT_TRUE(waitFor(2));
  driver.seekToFrame(17);
  ASSERT_TRUE(waitFor(3));
  driver.stop();
  std::lock_guard lock(mutex);
  EXPECT_EQ(frames[1]->frameId, 101u);
  EXPECT_EQ(frames[1]->grey, noisyFrame(100).grey);
  EXPECT_EQ(frames[2]->frameId, 18u);
  EXPECT_EQ(frames[2]->grey, noisyFrame(17).grey);
}

}  // namespace
}  // namespace hipguide::session
