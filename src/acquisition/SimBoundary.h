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
/// reference direction `rayDirection`. With `fitSurface` (for strong reflectors, whose outline
/// shows) the surface is a quadratic height field fitted to where the voxel columns around the
/// crossing enter `label`, so even shallow voxel staircases give a straight, evenly bright
/// echo; otherwise (and where that fit fails: steep or ragged surfaces) the 0.5 level of the
/// trilinear indicator of `label`, with the normal from its gradient.
BoundaryHit refineBoundary(const anatomy::LabelVolume& volume, std::uint8_t label,
                           const core::Vec3& startIndex, const core::Vec3& stepIndex, int sample,
                           const core::Vec3& rayDirection, bool fitSurface);

}  // namespace hipguide::acquisition::sim
