#pragma once
/// Solid primitives of the parametric phantom: an axis-aligned bound and an inside test, in mm.

#include <hipguide/core/Geometry.h>

#include <functional>
#include <vector>

namespace hipguide::anatomy::shapes {

/// A solid: the box that holds it and a test of whether a point (mm) is inside.
struct Shape {
  core::Vec3 lowMm;
  core::Vec3 highMm;
  std::function<bool(const core::Vec3&)> inside;
};

/// An ellipsoid with semi-axes `radiiMm` along the columns of `axes` (orthonormal).
Shape ellipsoid(const core::Vec3& centreMm, const core::Vec3& radiiMm,
                const Eigen::Matrix3d& axes = Eigen::Matrix3d::Identity());
Shape sphere(const core::Vec3& centreMm, double radiusMm);

/// One knot of a tube or strap: position and the two cross-section semi-axes.
struct Knot {
  core::Vec3 pointMm;
  double widthMm;      ///< Semi-axis along the strap's width (for a tube: the radius).
  double thicknessMm;  ///< Semi-axis along its thickness direction (for a tube: the radius).
};

/// A swept elliptical cross-section along a polyline (a muscle belly, a vessel, a nerve).
/// `thicknessHint` picks the thickness direction of each segment (made perpendicular to it);
/// radii vary linearly between knots; the ends are rounded.
Shape strap(const std::vector<Knot>& knots, const core::Vec3& thicknessHint);
/// A round tube of radius varying along the polyline (knots' widthMm is the radius).
Shape tube(const std::vector<Knot>& knots);

/// A shape from any inside test over a given box.
Shape custom(const core::Vec3& lowMm, const core::Vec3& highMm,
             std::function<bool(const core::Vec3&)> inside);

}  // namespace hipguide::anatomy::shapes
