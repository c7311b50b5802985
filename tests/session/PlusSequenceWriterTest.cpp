#include <hipguide/session/PlusSequenceReader.h>
#include <hipguide/session/PlusSequenceWriter.h>

#include "TestData.h"

#include <gtest/gtest.h>

namespace hipguide::session {
namespace {

core::Frame syntheticFrame(std::uint64_t id) {
  core::Frame frame;
  frame.width = 64;
  frame.height = 48;
  frame.spacingMm = {0.2, 0.25};
  frame.grey.resize(64 * 48);
  for (std::size_t i = 0; i < frame.grey.size(); ++i)
    frame.grey[i] = static_cast<std::uint8_t>(i * 7 + id * 13);
  frame.frameId = id;
  frame.deviceTimestampNs = 1'000'000'000 + static_cast<std::int64_t>(id) * 16'666'000;
  frame.imageValid = id % 5 != 0;
  frame.probeToReference.valid = id % 3 != 0;
  frame.probeToReference.transform = core::Transform3::Identity();
  frame.probeToReference.transform.translate(core::Vec3(1.5 * id, -2.0, 30.25));
  frame.imageToProbe.valid = true;
  frame.imageToProbe.transform.linear() = core::rotationDeg({0, 0, 1}, 10.0);
  return frame;
}

class WriterRoundTrip : public ::testing::TestWithParam<std::tuple<std::string, bool>> {};

TEST_P(WriterRoundTrip, LiveFramesComeBackPixelForPixel) {
  const auto& [extension, compress] = GetParam();
  const auto path = test::freshTempDir() / ("out" + extension);
  {
    PlusSequenceWriter writer(path, {.compress = compress});
    for (std::uint64_t id = 1; id <= 12; ++id) writer.append(syntheticFrame(id));
    writer.close();
  }
  EXPECT_FALSE(std::filesystem::exists(path.string() + ".pixels.part"));
  PlusSequenceReader reader(path);
  ASSERT_EQ(reader.frameCount(), 12);
  EXPECT_DOUBLE_EQ(reader.info().spacingMm.x(), 0.2);
  EXPECT_DOUBLE_EQ(reader.info().spacingMm.y(), 0.25);
  EXPECT_EQ(reader.info().seekable, !compress);
  for (std::uint64_t id = 1; id <= 12; ++id) {
    const core::Frame expected = syntheticFrame(id);
    const RecordedFrame got = reader.readFrame(static_cast<std::int64_t>(id - 1));
    EXPECT_EQ(got.frame.grey, expected.grey);
    EXPECT_EQ(got.frame.frameId, id);
    EXPECT_NEAR(static_cast<double>(got.frame.deviceTimestampNs),
                static_cast<double>(expected.deviceTimestampNs), 1e3);
    EXPECT_EQ(got.frame.imageValid, expected.imageValid);
    EXPECT_EQ(got.frame.probeToReference.valid, expected.probeToReference.valid);
    EXPECT_TRUE(got.frame.probeToReference.transform.isApprox(expected.probeToReference.transform, 1e-9));
    EXPECT_TRUE(got.frame.imageToProbe.transform.isApprox(expected.imageToProbe.transform, 1e-9));
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, WriterRoundTrip,
                         ::testing::Combine(::testing::Values(".igs.mha", ".igs.nrrd"), ::testing::Bool()),
                         [](const auto& info) {
                           return std::string(std::get<0>(info.param) == ".igs.mha" ? "mha" : "nrrd") +
                                  (std::get<1>(info.param) ? "_compressed" : "_raw");
                         });

TEST(PlusSequenceWriter, RealFileSurvivesMhaToNrrdToMha) {
  HIPGUIDE_REQUIRE_SHARED_FILE(source, "plus/NwirePhantomFreehandCropped.igs.mha");
  const auto dir = test::freshTempDir();
  PlusSequenceReader original(source);
  {
    PlusSequenceWriter nrrd(dir / "a.igs.nrrd", {.compress = true});
    for (std::int64_t i = 0; i < original.frameCount(); ++i) nrrd.append(original.readFrame(i));
    nrrd.close();
  }
  PlusSequenceReader middle(dir / "a.igs.nrrd");
  {
    PlusSequenceWriter mha(dir / "b.igs.mha");
    for (std::int64_t i = 0; i < middle.frameCount(); ++i) mha.append(middle.readFrame(i));
    mha.close();
  }
  PlusSequenceReader back(dir / "b.igs.mha");
  ASSERT_EQ(back.frameCount(), original.frameCount());
  EXPECT_EQ(back.info().transformNames, original.info().transformNames);
  std::vector<std::string> backFields = back.info().frameFieldNames;
  std::erase(backFields, "FrameNumber");  // the writer numbers every frame
  EXPECT_EQ(backFields, original.info().frameFieldNames);
  for (std::int64_t i = 0; i < original.frameCount(); ++i) {
    const RecordedFrame a = original.readFrame(i);
    const RecordedFrame b = back.readFrame(i);
    EXPECT_EQ(a.frame.grey, b.frame.grey) << "frame " << i;
    EXPECT_EQ(a.frame.deviceTimestampNs, b.frame.deviceTimestampNs);
    ASSERT_EQ(a.transforms.size(), b.transforms.size());
    for (std::size_t t = 0; t < a.transforms.size(); ++t) {
      EXPECT_EQ(a.transforms[t].value.valid, b.transforms[t].value.valid);
      EXPECT_TRUE(a.transforms[t].value.transform.isApprox(b.transforms[t].value.transform, 1e-9));
    }
  }
}

TEST(PlusSequenceWriter, RefusesMixedSizesUnknownExtensionAndEmptySequences) {
  const auto dir = test::freshTempDir();
  EXPECT_THROW(PlusSequenceWriter(dir / "x.png"), std::invalid_argument);
  PlusSequenceWriter writer(dir / "x.igs.mha");
  writer.append(syntheticFrame(1));
  core::Frame other = syntheticFrame(2);
  other.width = 32;
  other.grey.resize(32 * 48);
  EXPECT_THROW(writer.append(other), std::invalid_argument);
  PlusSequenceWriter empty(dir / "empty.igs.mha");
  EXPECT_THROW(empty.close(), std::runtime_error);
  EXPECT_FALSE(std::filesystem::exists(dir / "empty.igs.mha"));
}

}  // namespace
}  // namespace hipguide::session
