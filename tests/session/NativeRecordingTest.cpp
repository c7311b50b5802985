#include <hipguide/session/NativeRecording.h>
#include <hipguide/session/PlusSequenceReader.h>

#include "TestData.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

namespace hipguide::session {
namespace {

core::Frame frameNumber(std::uint64_t id, int width = 320, int height = 240) {
  core::Frame frame;
  frame.width = width;
  frame.height = height;
  frame.spacingMm = {0.1, 0.12};
  frame.grey.resize(static_cast<std::size_t>(width) * height);
  for (std::size_t i = 0; i < frame.grey.size(); ++i)
    frame.grey[i] = static_cast<std::uint8_t>((i / 7 + id * 3) & 0xff);
  frame.frameId = id;
  frame.deviceTimestampNs = 5'000'000'000 + static_cast<std::int64_t>(id) * 16'666'667;
  frame.hostReceiveNs = frame.deviceTimestampNs + 1000;
  frame.probeToReference.valid = true;
  frame.probeToReference.transform.translation() = core::Vec3(id * 0.5, 1, 2);
  return frame;
}

class NativeRoundTrip : public ::testing::TestWithParam<bool> {};

TEST_P(NativeRoundTrip, FramesEventsAndManifestComeBack) {
  const auto folder = test::freshTempDir() / "a.hgrec";
  {
    NativeRecordingWriter writer(folder,
                                 {.compressPixels = GetParam(), .metadata = {{"source", "unit test"}}});
    for (std::uint64_t id = 1; id <= 30; ++id) writer.append(frameNumber(id));
    core::NeedleEstimate estimate;
    estimate.frameId = 7;
    estimate.detected = true;
    estimate.tipMm = {12.5, 30.0};
    estimate.angleDeg = 33.0;
    estimate.stageTimes = {{"ridge", 1.5}};
    writer.appendEvent(needleEstimateEvent(estimate));
    writer.close({{"dropped", 0}});
  }
  NativeRecordingReader reader(folder);
  EXPECT_TRUE(reader.manifest().at("closed").get<bool>());
  EXPECT_EQ(reader.manifest().at("metadata").at("source"), "unit test");
  ASSERT_EQ(reader.frameCount(), 30);
  EXPECT_EQ(reader.info().width, 320);
  EXPECT_NEAR(reader.info().framesPerSecond, 60.0, 0.01);
  for (std::int64_t i = 29; i >= 0; --i) {
    const core::Frame expected = frameNumber(static_cast<std::uint64_t>(i + 1));
    const RecordedFrame got = reader.readFrame(i);
    EXPECT_EQ(got.frame.grey, expected.grey);
    EXPECT_EQ(got.frame.frameId, expected.frameId);
    EXPECT_EQ(got.frame.deviceTimestampNs, expected.deviceTimestampNs);
    EXPECT_EQ(got.frame.hostReceiveNs, expected.hostReceiveNs);
    EXPECT_DOUBLE_EQ(got.frame.spacingMm.y(), 0.12);
    EXPECT_TRUE(got.frame.probeToReference.valid);
    EXPECT_TRUE(got.frame.probeToReference.transform.isApprox(expected.probeToReference.transform));
  }
  ASSERT_EQ(reader.events().size(), 1u);
  const auto estimate = needleEstimateFrom(reader.events().front());
  ASSERT_TRUE(estimate);
  EXPECT_EQ(estimate->frameId, 7u);
  EXPECT_DOUBLE_EQ(estimate->tipMm.x(), 12.5);
  EXPECT_DOUBLE_EQ(estimate->stageTimes.at(0).ms, 1.5);
}

INSTANTIATE_TEST_SUITE_P(Compression, NativeRoundTrip, ::testing::Bool());

TEST(NativeRecording, TornTailAndLostIndexStillOpen) {
  const auto folder = test::freshTempDir() / "torn.hgrec";
  {
    NativeRecordingWriter writer(folder);
    for (std::uint64_t id = 1; id <= 10; ++id) writer.append(frameNumber(id));
    writer.sync();
    // Simulate a kill: the destructor would close; leave the manifest "not closed".
  }
  const auto framesSize = std::filesystem::file_size(folder / "frames.bin");
  std::filesystem::resize_file(folder / "frames.bin", framesSize - 100);  // torn last record
  std::filesystem::resize_file(folder / "index.bin", 4 * 32 + 5);         // index lags behind
  NativeRecordingReader reader(folder);
  ASSERT_EQ(reader.frameCount(), 9);  // 4 indexed + 5 recovered by scanning
  EXPECT_EQ(reader.readFrame(8).frame.grey, frameNumber(9).grey);
}

TEST(NativeRecording, CorruptRecordFailsItsCrc) {
  const auto folder = test::freshTempDir() / "crc.hgrec";
  {
    NativeRecordingWriter writer(folder, {.compressPixels = false});
    writer.append(frameNumber(1));
    writer.append(frameNumber(2));
  }
  {
    std::fstream file(folder / "frames.bin", std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(1000);
    file.put('\x55');
  }
  NativeRecordingReader reader(folder);
  ASSERT_EQ(reader.frameCount(), 2);
  EXPECT_THROW(reader.readFrame(0), std::runtime_error);
  EXPECT_NO_THROW(reader.readFrame(1));
}

TEST(NativeRecording, SeekingAnyFrameOfATwentyMinuteRecordingIsFast) {
  // 20 minutes at 30 fps = 36000 frames; small frames keep the test's disk use low, and the
  // seek cost (one pread + decode) is dominated by the index lookup being checked here.
  const auto folder = test::freshTempDir() / "long.hgrec";
  constexpr std::uint64_t kFrames = 36000;
  {
    NativeRecordingWriter writer(folder);
    for (std::uint64_t id = 1; id <= kFrames; ++id) writer.append(frameNumber(id, 64, 48));
  }
  NativeRecordingReader reader(folder);
  ASSERT_EQ(reader.frameCount(), static_cast<std::int64_t>(kFrames));
  double worstMs = 0;
  for (std::int64_t index : {35999LL, 0LL, 18000LL, 1LL, 35000LL, 12345LL}) {
    const auto start = std::chrono::steady_clock::now();
    const RecordedFrame frame = reader.readFrame(reader.frameIndexAtTime(reader.timestampNs(index)));
    worstMs = std::max(
        worstMs, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    EXPECT_EQ(frame.frame.frameId, static_cast<std::uint64_t>(index + 1));
  }
  EXPECT_LT(worstMs, 50.0);
}

}  // namespace
}  // namespace hipguide::session
