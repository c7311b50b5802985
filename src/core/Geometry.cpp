#include <hipguide/core/Geometry.h>

#include <algorithm>
#include <cmath>

namespace hipguide::core {

Transform3 transformFromRowMajor(const std::array<double, 16>& values) {
  Transform3 transform = Transform3::Identity();
  for (int row = 0; row < 3; ++row)
    for (int column = 0; column < 4; ++column) transform.matrix()(row, column) = values[row * 4 + column];
  return transform;
}

std::array<double, 16> transformToRowMajor(const Transform3& transform) {
  std::array<double, 16> values{};
  for (int row = 0; row < 4; ++row)
    for (int column = 0; column < 4; ++column) values[row * 4 + column] = transform.matrix()(row, column);
  return values;
}

double lineOrientationDeg(const Vec2& direction) {
  double angle = radToDeg(std::atan2(direction.y(), direction.x()));
  angle = std::fmod(angle + 360.0, 180.0);
  return angle >= 180.0 ? angle - 180.0 : angle;
}

double orientationDifferenceDeg(double aDeg, double bDeg) {
  const double difference = std::fmod(std::abs(aDeg - bDeg), 180.0);
  return std::min(difference, 180.0 - difference);
}

double pointSegmentDistanceMm(const Vec3& point, const Vec3& a, const Vec3& b) {
  const Vec3 ab = b - a;
  const double lengthSquared = ab.squaredNorm();
  if (lengthSquared == 0.0) return (point - a).norm();
  const double t = std::clamp((point - a).dot(ab) / lengthSquared, 0.0, 1.0);
  return (point - (a + t * ab)).norm();
}

Eigen::Matrix3d rotationDeg(const Vec3& axis, double angleDeg) {
  return Eigen::AngleAxisd(degToRad(angleDeg), axis.normalized()).toRotationMatrix();
}

}  // namespace hipguide::core
