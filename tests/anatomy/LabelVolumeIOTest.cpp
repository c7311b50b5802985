// Label-map files: round trips with LPS geometry, NIfTI's RAS header, and every read error.
#include <hipguide/anatomy/LabelVolumeIO.h>

#include "TestData.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <array>
#include <cstring>
#include <fstream>

namespace hipguide::anatomy {
namespace {

LabelVolume smallVolume() {
  LabelVolume volume;
  volume.size = {7, 5, 4};
  volume.spacingMm = core::Vec3(0.5, 0.75, 1.25);
  volume.originMm = core::Vec3(-12.0, 30.5, 7.0);
  volume.direction = core::rotationDeg(core::Vec3(0.2, -0.3, 1.0), 35.0);
  volume.labels.resize(volume.voxelCount());
  for (std::size_t i = 0; i < volume.labels.size(); ++i)
    volume.labels[i] = static_cast<std::uint8_t>((i * 37) % 60);
  return volume;
}

std::string readError(const std::filesystem::path& file) {
  try {
    readLabelVolume(file);
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "no error";
}

/// A tiny ASCII NRRD with the given type, sizes and values.
std::filesystem::path writeNrrd(const std::filesystem::path& file, const std::string& type,
                                const std::string& sizes, int dimension, const std::string& values) {
  std::ofstream out(file);
  out << "NRRD0004\ntype: " << type << "\ndimension: " << dimension << "\nsizes: " << sizes
      << "\nencoding: ascii\n\n"
      << values << "\n";
  return file;
}

TEST(LabelVolumeIO, RoundTripsKeepLabelsAndLpsGeometryInEveryFormat) {
  const auto dir = test::freshTempDir();
  const LabelVolume volume = smallVolume();
  for (const char* name : {"labels.nii.gz", "labels.nii", "labels.nrrd", "labels.mha"}) {
    writeLabelVolume(volume, dir / name);
    const LabelVolume back = readLabelVolume(dir / name);
    EXPECT_EQ(back.size, volume.size) << name;
    EXPECT_EQ(back.labels, volume.labels) << name;
    EXPECT_LT((back.spacingMm - volume.spacingMm).norm(), 1e-5) << name;
    EXPECT_LT((back.originMm - volume.originMm).norm(), 1e-4) << name;
    EXPECT_LT((back.direction - volume.direction).norm(), 1e-4) << name;
  }
}

TEST(LabelVolumeIO, NiftiHeaderHoldsTheRasGeometryThatSlicerReads) {
  const auto file = test::freshTempDir() / "labels.nii.gz";
  LabelVolume volume = smallVolume();
  volume.direction.setIdentity();
  writeLabelVolume(volume, file);
  // sform rows (srow_x, srow_y, srow_z) start at byte 280 of the 348-byte header.
  gzFile gz = gzopen(file.string().c_str(), "rb");
  ASSERT_NE(gz, nullptr);
  std::array<char, 348> header{};
  ASSERT_EQ(gzread(gz, header.data(), header.size()), 348);
  gzclose(gz);
  std::array<float, 12> srow{};
  std::memcpy(srow.data(), header.data() + 280, sizeof(srow));
  // LPS → RAS flips x and y: spacing and origin change sign on those two axes.
  EXPECT_FLOAT_EQ(srow[0], -0.5f);
  EXPECT_FLOAT_EQ(srow[3], 12.0f);
  EXPECT_FLOAT_EQ(srow[5], -0.75f);
  EXPECT_FLOAT_EQ(srow[7], -30.5f);
  EXPECT_FLOAT_EQ(srow[10], 1.25f);
  EXPECT_FLOAT_EQ(srow[11], 7.0f);
}

TEST(LabelVolumeIO, FloatFilesWithWholeNumbersAreAccepted) {
  const auto dir = test::freshTempDir();
  const LabelVolume volume = readLabelVolume(writeNrrd(dir / "f.nrrd", "float", "2 1 2", 3, "0 3 0 7"));
  EXPECT_EQ(volume.labels, (std::vector<std::uint8_t>{0, 3, 0, 7}));
  const RawLabelImage raw = readRawLabelImage(writeNrrd(dir / "big.nrrd", "int", "2 1 1", 3, "0 300"));
  EXPECT_EQ(raw.labels[1], 300);
}

TEST(LabelVolumeIO, ErrorsNameTheFileAndTheProblem) {
  const auto dir = test::freshTempDir();
  auto expectError = [](const std::filesystem::path& file, const std::string& problem) {
    const std::string error = readError(file);
    EXPECT_NE(error.find(file.filename().string()), std::string::npos) << error;
    EXPECT_NE(error.find(problem), std::string::npos) << error;
  };
  expectError(dir / "absent.nii.gz", "not found");
  std::ofstream(dir / "labels.png") << "not an image";
  expectError(dir / "labels.png", "unsupported format");
  std::ofstream(dir / "garbage.nii.gz") << "garbage";
  expectError(dir / "garbage.nii.gz", "not a readable image");
  expectError(writeNrrd(dir / "fraction.nrrd", "float", "2 1 1", 3, "0 0.5"), "non-integer");
  expectError(writeNrrd(dir / "empty.nrrd", "uchar", "2 2 1", 3, "0 0 0 0"), "empty");
  expectError(writeNrrd(dir / "flat.nrrd", "uchar", "2 2", 2, "0 1 1 0"), "3D");
  expectError(writeNrrd(dir / "negative.nrrd", "short", "2 1 1", 3, "0 -4"), "outside");
  expectError(writeNrrd(dir / "wide.nrrd", "int", "2 1 1", 3, "0 300"), "above 255");
}

}  // namespace
}  // namespace hipguide::anatomy
