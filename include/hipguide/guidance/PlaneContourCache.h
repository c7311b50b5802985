#pragma once
/// The anatomy's outlines on the image plane, recomputed only when the plane moves.

#include <hipguide/anatomy/Anatomy.h>
#include <hipguide/anatomy/PlaneCut.h>

#include <vector>

namespace hipguide::guidance {

/// Cuts the anatomy with a frame's plane and keeps the result while the plane stays put: a
/// still probe cuts the same outlines every frame, and cutting costs milliseconds per frame.
/// Planes within `kToleranceMm` (translation) and `kToleranceRad` (rotation) of the cached one
/// reuse it, far below the label map's half-millimetre voxels. One thread; not shared.
class PlaneContourCache {
 public:
  static constexpr double kToleranceMm = 0.02;
  static constexpr double kToleranceRad = 2e-4;

  /// The contours of `anatomy` on `plane`, from the cache when the plane has not moved.
  const std::vector<anatomy::StructureContours>& contours(const anatomy::Anatomy& anatomy,
                                                          const anatomy::PlaneGrid& plane);
  /// Forgets the cached cut (a new anatomy was loaded).
  void clear() { m_valid = false; }
  /// How many cuts were computed (the rest came from the cache).
  std::uint64_t cuts() const { return m_cuts; }

 private:
  bool samePlane(const anatomy::PlaneGrid& plane) const;

  bool m_valid = false;
  anatomy::PlaneGrid m_plane;
  std::vector<anatomy::StructureContours> m_contours;
  std::uint64_t m_cuts = 0;
};

}  // namespace hipguide::guidance
