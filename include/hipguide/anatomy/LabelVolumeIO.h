#pragma once
/// Reading and writing label maps: NIfTI (.nii, .nii.gz), NRRD (.nrrd, .nhdr), MetaImage (.mha, .mhd).

#include <hipguide/anatomy/LabelVolume.h>

#include <cstdint>
#include <filesystem>
#include <vector>

namespace hipguide::anatomy {

/// A label map as read from a file, before its values are mapped to our label table: any
/// non-negative integer labels, with the grid's LPS geometry.
struct RawLabelImage {
  std::array<int, 3> size{0, 0, 0};
  core::Vec3 spacingMm{1.0, 1.0, 1.0};
  core::Vec3 originMm{0.0, 0.0, 0.0};
  Eigen::Matrix3d direction = Eigen::Matrix3d::Identity();
  std::vector<std::int32_t> labels;  ///< x fastest.
};

/// Reads a 3D single-component integer label map (float files are accepted when every value is
/// a whole number). Geometry comes back in LPS as ITK gives it, whatever the file's convention.
/// Throws std::runtime_error naming the file and the problem: missing, unsupported format,
/// not 3D, several components, non-integer or negative values, or no label at all.
RawLabelImage readRawLabelImage(const std::filesystem::path& file);

/// Reads a label map whose values are 0-255 (as written by writeLabelVolume); same errors, plus
/// values above 255.
LabelVolume readLabelVolume(const std::filesystem::path& file);

/// Writes an 8-bit label map; the format follows the extension (.nii.gz is compressed NIfTI
/// whose qform/sform carry the LPS geometry converted to RAS, so 3D Slicer places it right).
void writeLabelVolume(const LabelVolume& volume, const std::filesystem::path& file);

}  // namespace hipguide::anatomy
