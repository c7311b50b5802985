#pragma once
/// Eigen-based geometry with units in the names. All lengths are millimetres, angles are
/// degrees unless a name says radians.

#include <Eigen/Geometry>

#include <array>

namespace hipguide::core {

using Vec2 = Eigen::Vector2d;
using Vec3 = Eigen::Vector3d;
using Transform3 = Eigen::Isometry3d;

constexpr double kPi = 3.14159265358979323846;

constexpr double degToRad(double angleDeg) { return angleDeg * kPi / 180.0; }
constexpr double radToDeg(double angleRad) { return angleRad * 180.0 / kPi; }

/// A 4×4 homogeneous matrix from 16 numbers in row-major order (PLUS's convention).
Transform3 transformFromRowMajor(const std::array<double, 16>& values);
/// The 16 numbers of a transform in row-major order.
std::array<double, 16> transformToRowMajor(const Transform3& transform);

/// Orientation of a 2D direction as an undirected line, in [0, 180) degrees from +x toward +y.
double lineOrientationDeg(const Vec2& direction);
/// Smallest difference between two undirected line orientations, in [0, 90] degrees.
double orientationDifferenceDeg(double aDeg, double bDeg);

/// Distance from a point to the segment [a, b] in mm.
double pointSegmentDistanceMm(const Vec3& point, const Vec3& a, const Vec3& b);

/// Rotation about an axis (any length, not zero) by an angle in degrees.
Eigen::Matrix3d rotationDeg(const Vec3& axis, double angleDeg);

}  // namespace hipguide::core
