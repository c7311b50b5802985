#include <hipguide/guidance/PlaneContourCache.h>

namespace hipguide::guidance {

const std::vector<anatomy::StructureContours>& PlaneContourCache::contours(const anatomy::Anatomy& anatomy,
                                                                           const anatomy::PlaneGrid& plane) {
  if (!m_valid || !samePlane(plane)) {
    m_contours = anatomy.planeContours(plane);
    m_plane = plane;
    m_valid = true;
    ++m_cuts;
  }
  return m_contours;
}

bool PlaneContourCache::samePlane(const anatomy::PlaneGrid& plane) const {
  if (plane.width != m_plane.width || plane.height != m_plane.height || plane.spacingMm != m_plane.spacingMm)
    return false;
  const double shiftMm =
      (plane.imageToReference.translation() - m_plane.imageToReference.translation()).norm();
  const double turn =
      (plane.imageToReference.linear() - m_plane.imageToReference.linear()).cwiseAbs().maxCoeff();
  return shiftMm <= kToleranceMm && turn <= kToleranceRad;
}

}  // namespace hipguide::guidance
