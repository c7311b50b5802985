#pragma once
/// Poses a tracker would send for a needle on a planned path (tests of the tracked drive).

#include <hipguide/core/Geometry.h>

#include <algorithm>
#include <array>

namespace hipguide::test {

/// A needle frame with its tip at `tipMm` and +z along the insertion `direction`: −z, PLUS's
/// StylusTip shaft axis, then runs back from the tip toward the hub.
inline core::Transform3 needlePoseAt(const core::Vec3& tipMm, const core::Vec3& direction) {
  const core::Vec3 z = direction.normalized();
  const core::Vec3 x = z.unitOrthogonal();
  core::Transform3 pose = core::Transform3::Identity();
  pose.linear().col(0) = x;
  pose.linear().col(1) = z.cross(x);
  pose.linear().col(2) = z;
  pose.translation() = tipMm;
  return pose;
}

/// The pose as 16 numbers, row by row (for IgtlTestPeer's packMatrix).
inline void rowMajorOf(const core::Transform3& pose, double (&rowMajor)[16]) {
  const std::array<double, 16> values = core::transformToRowMajor(pose);
  std::copy(values.begin(), values.end(), rowMajor);
}

}  // namespace hipguide::test
