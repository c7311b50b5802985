#include <hipguide/session/PlusSequenceReader.h>

#include "TestData.h"

#include <gtest/gtest.h>

#include <cmath>

namespace hipguide::session {
namespace {

struct Expected {
  const char* file;
  int width;
  int height;
  std::int64_t frameCount;
  double firstTimestampSec;
  double lastTimestampSec;
  std::vector<std::string> transforms;
  bool seekable;
};

const NamedTransform* findTransform(const RecordedFrame& frame, const std::string& name) {
  for (const NamedTransform& transform : frame.transforms)
    if (transform.name == name) return &transform;
  return nullptr;
}

class EveryPlusFile : public ::testing::TestWithParam<Expected> {};

TEST_P(EveryPlusFile, OpensWithHeaderFacts) {
  const Expected& expected = GetParam();
  HIPGUIDE_REQUIRE_SHARED_FILE(path, std::string("plus/") + expected.file);
  PlusSequenceReader reader(path);
  const RecordingInfo& info = reader.info();
  EXPECT_EQ(info.width, expected.width);
  EXPECT_EQ(info.height, expected.height);
  EXPECT_EQ(info.frameCount, expected.frameCount);
  EXPECT_DOUBLE_EQ(info.spacingMm.x(), 1.0);
  EXPECT_DOUBLE_EQ(info.spacingMm.y(), 1.0);
  EXPECT_EQ(info.seekable, expected.seekable);
  EXPECT_EQ(info.transformNames, expected.transforms);
  EXPECT_NEAR(reader.timestampNs(0) / 1e9, expected.firstTimestampSec, 1e-9);
  EXPECT_NEAR(reader.timestampNs(expected.frameCount - 1) / 1e9, expected.lastTimestampSec, 1e-9);
}

TEST_P(EveryPlusFile, EveryFrameReadsInOrderAndBackwards) {
  const Expected& expected = GetParam();
  HIPGUIDE_REQUIRE_SHARED_FILE(path, std::string("plus/") + expected.file);
  PlusSequenceReader reader(path);
  std::vector<std::vector<std::uint8_t>> forward;
  for (std::int64_t i = 0; i < reader.frameCount(); ++i) {
    const RecordedFrame recorded = reader.readFrame(i);
    EXPECT_EQ(recorded.frame.width, expected.width);
    EXPECT_EQ(recorded.frame.height, expected.height);
    ASSERT_EQ(recorded.frame.grey.size(), static_cast<std::size_t>(expected.width) * expected.height);
    EXPECT_EQ(recorded.frame.deviceTimestampNs, reader.timestampNs(i));
    EXPECT_EQ(recorded.transforms.size(), expected.transforms.size()) << "frame " << i;
    forward.push_back(recorded.frame.grey);
  }
  for (std::int64_t i = reader.frameCount() - 1; i >= 0; i -= 3)
    EXPECT_EQ(reader.readFrame(i).frame.grey, forward[static_cast<std::size_t>(i)]) << "frame " << i;
  EXPECT_THROW(reader.readFrame(reader.frameCount()), std::out_of_range);
}

INSTANTIATE_TEST_SUITE_P(
    PlusData, EveryPlusFile,
    ::testing::Values(
        Expected{"BoneUltrasound_L14.igs.mha",
                 820,
                 616,
                 21,
                 232.542071,
                 234.261100,
                 {"ProbeToTrackerTransform", "ReferenceToTrackerTransform", "StylusToTrackerTransform"},
                 false},
        Expected{"NrrdSample.igs.nrrd", 256, 256, 1, 0.0, 0.0, {}, false},
        Expected{"NwirePhantomFreehand.igs.mha",
                 820,
                 616,
                 97,
                 345.627957,
                 355.783014,
                 {"ProbeToTrackerTransform", "ReferenceToTrackerTransform", "StylusToTrackerTransform"},
                 false},
        Expected{"NwirePhantomFreehand.igs.nrrd",
                 820,
                 616,
                 97,
                 345.627957,
                 355.783014,
                 {"ProbeToTrackerTransform", "ReferenceToTrackerTransform", "StylusToTrackerTransform"},
                 false},
        Expected{"NwirePhantomFreehandCropped.igs.mha",
                 200,
                 150,
                 20,
                 345.627957,
                 347.658686,
                 {"ImageToCroppedImageTransform", "ProbeToTrackerTransform", "ReferenceToTrackerTransform",
                  "StylusToTrackerTransform"},
                 false},
        Expected{"SpinePhantomFreehand.igs.mha",
                 820,
                 616,
                 21,
                 215.102186,
                 216.947186,
                 {"ProbeToTrackerTransform", "ReferenceToTrackerTransform", "StylusToTrackerTransform"},
                 false},
        Expected{"SyntheticTrackerBuffer20.igs.mha", 1, 1, 20, 1.0, 10.5, {"ToolToTrackerTransform"}, true},
        Expected{"UltrasonixLinearScanConvertedData.igs.mha", 260, 400, 1, 116.045605, 116.045605, {}, true}),
    [](const auto& info) {
      std::string name = info.param.file;
      for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return name;
    });

TEST(PlusSequenceReader, MetaImageAndNrrdOfTheSameRecordingAgree) {
  HIPGUIDE_REQUIRE_SHARED_FILE(mhaPath, "plus/NwirePhantomFreehand.igs.mha");
  HIPGUIDE_REQUIRE_SHARED_FILE(nrrdPath, "plus/NwirePhantomFreehand.igs.nrrd");
  PlusSequenceReader mha(mhaPath);
  PlusSequenceReader nrrd(nrrdPath);
  ASSERT_EQ(mha.frameCount(), nrrd.frameCount());
  for (std::int64_t i = 0; i < mha.frameCount(); i += 7) {
    const RecordedFrame a = mha.readFrame(i);
    const RecordedFrame b = nrrd.readFrame(i);
    EXPECT_EQ(a.frame.grey, b.frame.grey) << "frame " << i;
    EXPECT_EQ(a.frame.imageValid, b.frame.imageValid);
    ASSERT_EQ(a.transforms.size(), b.transforms.size());
    for (std::size_t t = 0; t < a.transforms.size(); ++t) {
      EXPECT_EQ(a.transforms[t].name, b.transforms[t].name);
      EXPECT_EQ(a.transforms[t].value.valid, b.transforms[t].value.valid);
      EXPECT_TRUE(a.transforms[t].value.transform.isApprox(b.transforms[t].value.transform, 1e-9));
    }
  }
}

TEST(PlusSequenceReader, TransformValuesAndStatusesMatchTheHeader) {
  HIPGUIDE_REQUIRE_SHARED_FILE(path, "plus/NwirePhantomFreehand.igs.mha");
  PlusSequenceReader reader(path);
  const RecordedFrame first = reader.readFrame(0);
  const NamedTransform* probe = findTransform(first, "ProbeToTrackerTransform");
  ASSERT_NE(probe, nullptr);
  EXPECT_TRUE(probe->value.valid);
  EXPECT_DOUBLE_EQ(probe->value.transform.matrix()(0, 3), -190.886);
  EXPECT_DOUBLE_EQ(probe->value.transform.matrix()(2, 1), 0.0635588);
  const NamedTransform* stylus = findTransform(first, "StylusToTrackerTransform");
  ASSERT_NE(stylus, nullptr);
  EXPECT_FALSE(stylus->value.valid);
  // ProbeToReference is derived as ReferenceToTracker^-1 * ProbeToTracker.
  const NamedTransform* reference = findTransform(first, "ReferenceToTrackerTransform");
  ASSERT_TRUE(first.frame.probeToReference.valid);
  const Eigen::Matrix4d recomposed =
      reference->value.transform.matrix() * first.frame.probeToReference.transform.matrix();
  EXPECT_TRUE(recomposed.isApprox(probe->value.transform.matrix(), 1e-9));
}

TEST(PlusSequenceReader, OlderHeaderStyleTrackerOnlyFile) {
  HIPGUIDE_REQUIRE_SHARED_FILE(path, "plus/SyntheticTrackerBuffer20.igs.mha");
  PlusSequenceReader reader(path);
  EXPECT_TRUE(reader.info().trackerOnly);
  const RecordedFrame third = reader.readFrame(3);
  EXPECT_EQ(third.frame.frameId, 4u);  // FrameNumber
  const NamedTransform* tool = findTransform(third, "ToolToTrackerTransform");
  ASSERT_NE(tool, nullptr);
  EXPECT_TRUE(tool->value.valid);  // status line came before the transform line
  EXPECT_DOUBLE_EQ(tool->value.transform.matrix()(0, 2), -0.8);
  EXPECT_DOUBLE_EQ(tool->value.transform.matrix()(2, 3), 33.0);
  ASSERT_FALSE(third.fields.empty());
  EXPECT_EQ(third.fields.front().first, "UnfilteredTimestamp");
}

TEST(PlusSequenceReader, SixteenBitNrrdIsClampedToGrey) {
  HIPGUIDE_REQUIRE_SHARED_FILE(path, "plus/NrrdSample.igs.nrrd");
  PlusSequenceReader reader(path);
  const RecordedFrame frame = reader.readFrame(0);
  EXPECT_EQ(reader.header().pixelType, PixelType::Int16);
  int brightest = 0;
  for (std::uint8_t value : frame.frame.grey) brightest = std::max<int>(brightest, value);
  EXPECT_GT(brightest, 100);  // values 0..183 stay as they are
}

TEST(PlusSequenceReader, FrameIndexAtTime) {
  HIPGUIDE_REQUIRE_SHARED_FILE(path, "plus/SyntheticTrackerBuffer20.igs.mha");
  PlusSequenceReader reader(path);
  EXPECT_EQ(reader.frameIndexAtTime(0), 0);
  EXPECT_EQ(reader.frameIndexAtTime(1'499'999'999), 0);
  EXPECT_EQ(reader.frameIndexAtTime(1'500'000'000), 1);
  EXPECT_EQ(reader.frameIndexAtTime(100'000'000'000), 19);
}

}  // namespace
}  // namespace hipguide::session
