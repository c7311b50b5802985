#include "Shapes.h"

#include <algorithm>
#include <stdexcept>

namespace hipguide::anatomy::shapes {

namespace {

/// One straight piece of a strap with its cross-section frame.
struct Segment {
  core::Vec3 startMm;
  core::Vec3 axis;      ///< Unit, start → end.
  core::Vec3 widthDir;  ///< Unit, perpendicular to axis.
  core::Vec3 thickDir;  ///< Unit, perpendicular to both.
  double lengthMm;
  double widthStartMm, widthEndMm, thickStartMm, thickEndMm;

  bool contains(const core::Vec3& p) const {
    const core::Vec3 d = p - startMm;
    const double along = d.dot(axis);
    const double clamped = std::clamp(along, 0.0, lengthMm);
    const double f = lengthMm > 0 ? clamped / lengthMm : 0.0;
    const double width = widthStartMm + f * (widthEndMm - widthStartMm);
    const double thick = thickStartMm + f * (thickEndMm - thickStartMm);
    const double w = d.dot(widthDir) / width;
    const double t = d.dot(thickDir) / thick;
    const double beyond = (along - clamped) / std::min(width, thick);
    return w * w + t * t + beyond * beyond <= 1.0;
  }
};

core::Vec3 perpendicularTo(const core::Vec3& axis, const core::Vec3& hint) {
  core::Vec3 result = hint - hint.dot(axis) * axis;
  if (result.norm() < 1e-6) result = axis.unitOrthogonal();
  return result.normalized();
}

}  // namespace

Shape ellipsoid(const core::Vec3& centreMm, const core::Vec3& radiiMm, const Eigen::Matrix3d& axes) {
  // Bound: the half-extent along world axis i is the norm of row i of axes·diag(radii).
  const Eigen::Matrix3d scaled = axes * radiiMm.asDiagonal();
  core::Vec3 half;
  for (int i = 0; i < 3; ++i) half[i] = scaled.row(i).norm();
  const Eigen::Matrix3d toUnit = radiiMm.cwiseInverse().asDiagonal() * axes.transpose();
  return {centreMm - half, centreMm + half,
          [centreMm, toUnit](const core::Vec3& p) { return (toUnit * (p - centreMm)).squaredNorm() <= 1.0; }};
}

Shape sphere(const core::Vec3& centreMm, double radiusMm) {
  const core::Vec3 half = core::Vec3::Constant(radiusMm);
  const double radiusSquared = radiusMm * radiusMm;
  return {centreMm - half, centreMm + half, [centreMm, radiusSquared](const core::Vec3& p) {
            return (p - centreMm).squaredNorm() <= radiusSquared;
          }};
}

Shape strap(const std::vector<Knot>& knots, const core::Vec3& thicknessHint) {
  if (knots.size() < 2) throw std::invalid_argument("a strap needs at least two knots");
  std::vector<Segment> segments;
  core::Vec3 low = core::Vec3::Constant(1e30), high = core::Vec3::Constant(-1e30);
  for (std::size_t i = 0; i + 1 < knots.size(); ++i) {
    const Knot& a = knots[i];
    const Knot& b = knots[i + 1];
    Segment segment;
    segment.startMm = a.pointMm;
    segment.lengthMm = (b.pointMm - a.pointMm).norm();
    segment.axis =
        segment.lengthMm > 0 ? core::Vec3((b.pointMm - a.pointMm) / segment.lengthMm) : core::Vec3::UnitZ();
    segment.thickDir = perpendicularTo(segment.axis, thicknessHint);
    segment.widthDir = segment.axis.cross(segment.thickDir);
    segment.widthStartMm = a.widthMm;
    segment.widthEndMm = b.widthMm;
    segment.thickStartMm = a.thicknessMm;
    segment.thickEndMm = b.thicknessMm;
    segments.push_back(segment);
  }
  for (const Knot& knot : knots) {
    const double reach = std::max(knot.widthMm, knot.thicknessMm);
    low = low.cwiseMin(knot.pointMm - core::Vec3::Constant(reach));
    high = high.cwiseMax(knot.pointMm + core::Vec3::Constant(reach));
  }
  return {low, high, [segments = std::move(segments)](const core::Vec3& p) {
            return std::any_of(segments.begin(), segments.end(),
                               [&p](const Segment& s) { return s.contains(p); });
          }};
}

Shape tube(const std::vector<Knot>& knots) {
  std::vector<Knot> round = knots;
  for (Knot& knot : round) knot.thicknessMm = knot.widthMm;
  return strap(round, core::Vec3::UnitY());
}

Shape custom(const core::Vec3& lowMm, const core::Vec3& highMm,
             std::function<bool(const core::Vec3&)> inside) {
  return {lowMm, highMm, std::move(inside)};
}

}  // namespace hipguide::anatomy::shapes
