#pragma once
/// Sub-voxel position and orientation of a tissue boundary met by a scanline.

#include <hipguide/anatomy/LabelVolume.h>

#include <cstdint>

namespace hipguide::acquisition::sim {

/// Where a ray crosses into `label` and how squarely it meets the surface.
struct BoundaryHit {
  double sample = 0;          ///< Continuous sample index of the crossing.
  double cosIncidence = 1.0;  ///< |cos| of the angle between the ray and the surface normal.
};

/// Refines a crossing found between samples `sample - 1` and `sample` of a ray that starts at
/// voxel index `startIndex` and advances `stepIndex` voxels per sample, along the unit
/// reference direction `rayDirection`. Uses the trilinearly interpolated indicator of `label`,
/// so staircase voxels give a smooth surface.
BoundaryHit refineBoundary(const anatomy::LabelVolume& volume, std::uint8_t label,
                           const core::Vec3& startIndex, const core::Vec3& stepIndex, int sample,
                           const core::Vec3& rayDirection);

}  // namespace hipguide::acquisition::sim
