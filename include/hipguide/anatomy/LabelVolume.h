#pragma once
/// A 3D label map on a regular grid, in reference (patient) millimetres, LPS like ITK and DICOM.

#include <hipguide/core/Geometry.h>

#include <array>
#include <cstdint>
#include <vector>

namespace hipguide::anatomy {

/// Voxel labels (0 = background) with the grid's geometry. Physical point of voxel index
/// (i, j, k): origin + direction · diag(spacing) · (i, j, k). Reference axes are LPS: +x toward
/// the patient's left, +y posterior, +z superior. Immutable once built; thread-safe to read.
struct LabelVolume {
  std::array<int, 3> size{0, 0, 0};
  core::Vec3 spacingMm{1.0, 1.0, 1.0};
  core::Vec3 originMm{0.0, 0.0, 0.0};
  Eigen::Matrix3d direction = Eigen::Matrix3d::Identity();
  std::vector<std::uint8_t> labels;  ///< size[0] × size[1] × size[2], x fastest.

  std::size_t voxelCount() const { return static_cast<std::size_t>(size[0]) * size[1] * size[2]; }
  std::size_t index(int i, int j, int k) const {
    return (static_cast<std::size_t>(k) * size[1] + j) * size[0] + i;
  }
  bool contains(int i, int j, int k) const {
    return i >= 0 && j >= 0 && k >= 0 && i < size[0] && j < size[1] && k < size[2];
  }
  /// Continuous voxel index of a physical point.
  core::Vec3 physicalToIndex(const core::Vec3& pointMm) const;
  core::Vec3 indexToPhysical(const core::Vec3& index) const;
  /// Nearest-voxel label at a physical point; 0 outside the grid.
  std::uint8_t labelAt(const core::Vec3& pointMm) const;
};

}  // namespace hipguide::anatomy
