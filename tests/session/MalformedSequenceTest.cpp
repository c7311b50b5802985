#include <hipguide/session/PlusSequenceReader.h>

#include "TestData.h"

#include <gtest/gtest.h>

#include <fstream>

namespace hipguide::session {
namespace {

/// A malformed file: header text, bytes after it, and the field the message must name.
struct Malformed {
  const char* name;
  std::string header;
  std::string data;
  const char* field;
  bool failsOnRead = false;  ///< Header is fine; reading a frame must fail.
};

std::string mha(const std::string& middle, const std::string& dims = "DimSize = 4 2 3\n") {
  return "ObjectType = Image\nNDims = 3\nBinaryData = True\nElementType = MET_UCHAR\n" + dims + middle +
         "Seq_Frame0000_Timestamp = 1.0\nElementDataFile = LOCAL\n";
}

std::string nrrd(const std::string& fields) { return "NRRD0004\n" + fields + "\n"; }

const std::string k24Bytes(24, '\x7f');

class MalformedFile : public ::testing::TestWithParam<Malformed> {};

TEST_P(MalformedFile, IsRefusedWithFileAndFieldInTheMessage) {
  const Malformed& item = GetParam();
  const auto path = test::freshTempDir() /
                    (std::string(item.name) + (item.header.rfind("NRRD", 0) == 0 ? ".nrrd" : ".mha"));
  std::ofstream(path, std::ios::binary) << item.header << item.data;
  try {
    PlusSequenceReader reader(path);
    ASSERT_TRUE(item.failsOnRead) << "opened a malformed file";
    for (std::int64_t i = 0; i < reader.frameCount(); ++i) reader.readFrame(i);
    FAIL() << "read every frame of a malformed file";
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(path.string()), std::string::npos) << message;
    EXPECT_NE(message.find(item.field), std::string::npos) << message;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, MalformedFile,
    ::testing::Values(
        Malformed{"empty", "", "", "ElementDataFile"},
        Malformed{"garbage", std::string("\x89PNG\r\n\x1a\n\0\0", 10), "xxxx", "ElementDataFile"},
        Malformed{"truncated_pixels", mha(""), std::string(10, 'x'), "truncated"},
        Malformed{"absurd_dimensions", mha("", "DimSize = 100000 100000 5\n"), k24Bytes, "DimSize"},
        Malformed{"huge_frame_count", mha("", "DimSize = 640 480 90000000\n"), k24Bytes, "truncated"},
        Malformed{"negative_size", mha("", "DimSize = -4 2 3\n"), k24Bytes, "DimSize"},
        Malformed{"too_few_sizes", mha("", "DimSize = 4 2\n"), k24Bytes, "DimSize"},
        Malformed{"missing_dimsize", mha("", ""), k24Bytes, "DimSize"},
        Malformed{"bad_ndims",
                  "ObjectType = Image\nNDims = 7\nElementType = MET_UCHAR\nDimSize = 1 1 1\n"
                  "ElementDataFile = LOCAL\n",
                  "x", "NDims"},
        Malformed{"missing_type", "NDims = 3\nDimSize = 4 2 3\nElementDataFile = LOCAL\n", k24Bytes,
                  "ElementType"},
        Malformed{"unknown_type", mha("", "DimSize = 4 2 3\nElementType = MET_BANANA\n"), k24Bytes,
                  "ElementType"},
        Malformed{"bad_timestamp", mha("Seq_Frame0001_Timestamp = 1.5e\n"), k24Bytes, "Seq_Frame1_Timestamp"},
        Malformed{"nan_timestamp", mha("Seq_Frame0001_Timestamp = nan\n"), k24Bytes, "Seq_Frame1_Timestamp"},
        Malformed{"short_transform",
                  mha("Seq_Frame0002_ProbeToTrackerTransform = 1 0 0 0 0 1 0 0 0 0 1 0 0 0 0\n"), k24Bytes,
                  "Seq_Frame2_ProbeToTrackerTransform"},
        Malformed{"frame_past_end", mha("Seq_Frame0007_Timestamp = 3\n"), k24Bytes, "Seq_Frame7_Timestamp"},
        Malformed{"bad_frame_index", mha("Seq_FrameXY_Timestamp = 3\n"), k24Bytes, "Seq_FrameXY_Timestamp"},
        Malformed{"line_without_equals", mha("this is not a field\n"), k24Bytes, "line 6"},
        Malformed{"zero_spacing", mha("ElementSpacing = 0 1 1\n"), k24Bytes, "spacing"},
        Malformed{"compressed_size_past_end", mha("CompressedData = True\nCompressedDataSize = 5000\n"),
                  k24Bytes, "CompressedDataSize"},
        Malformed{"corrupt_zlib", mha("CompressedData = True\n"), k24Bytes, "compressed pixel data", true},
        Malformed{"missing_data_file",
                  "NDims = 3\nDimSize = 4 2 3\nElementType = MET_UCHAR\n"
                  "ElementDataFile = nowhere.raw\n",
                  "", "ElementDataFile"},
        Malformed{"nrrd_unknown_encoding", nrrd("type: uint8\ndimension: 3\nsizes: 4 2 3\nencoding: bzip2\n"),
                  k24Bytes, "encoding"},
        Malformed{"nrrd_missing_sizes", nrrd("type: uint8\ndimension: 3\nencoding: raw\n"), k24Bytes,
                  "sizes"},
        Malformed{"nrrd_bad_direction",
                  nrrd("type: uint8\ndimension: 3\nsizes: 4 2 3\nencoding: raw\nspace directions: (1,x) "
                       "(0,1) none\n"),
                  k24Bytes, "space directions"},
        Malformed{"nrrd_truncated_gzip", nrrd("type: uint8\ndimension: 3\nsizes: 4 2 3\nencoding: gz\n"),
                  "\x1f\x8b\x08", "compressed", true},
        Malformed{"nrrd_no_blank_line", "NRRD0004\ntype: uint8\ndimension: 3\n", "", "never ends"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace hipguide::session
