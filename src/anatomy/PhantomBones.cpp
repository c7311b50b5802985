// Pelvis, femur, articular cartilage, labrum, joint capsule and anterior recess of the phantom.
#include "LabelPainter.h"
#include "PhantomGeometry.h"

#include <hipguide/anatomy/LabelTable.h>

#include <cmath>

namespace hipguide::anatomy {

namespace {

using shapes::Knot;

/// Fat and muscles: what bone and joint structures may replace.
LabelMask softMask(const LabelTable& t) {
  LabelMask mask;
  for (const LabelInfo& label : t.labels())
    if (label.role == TissueRole::Soft && label.name != "articular_cartilage" &&
        label.name != "acetabular_labrum" && label.name != "joint_capsule")
      mask.set(label.value);
  return mask;
}

/// Position of a point relative to the neck axis: distance along −neckAxis from the head
/// centre, radius from the axis, and angle from anteriorPerp toward superiorPerp.
struct NeckCoordinates {
  double alongMm, radiusMm, aroundRad;
};

NeckCoordinates neckCoordinates(const HipGeometry& g, const core::Vec3& p) {
  const double along = -p.dot(g.neckAxis);
  const core::Vec3 radial = p + along * g.neckAxis;
  return {along, radial.norm(), std::atan2(radial.dot(g.superiorPerp), radial.dot(g.anteriorPerp))};
}

/// A box around the neck from `fromMm` to `toMm` along −neckAxis, `reachMm` around it.
std::pair<core::Vec3, core::Vec3> neckBox(const HipGeometry& g, double fromMm, double toMm, double reachMm) {
  const core::Vec3 a = -fromMm * g.neckAxis, b = -toMm * g.neckAxis;
  return {a.cwiseMin(b) - core::Vec3::Constant(reachMm), a.cwiseMax(b) + core::Vec3::Constant(reachMm)};
}

}  // namespace

void paintPelvis(LabelPainter& painter, const HipGeometry& g, const LabelTable& t) {
  const std::uint8_t pelvis = t.valueOf("pelvis");
  const LabelMask mask = softMask(t);
  const double inner = g.headRadiusMm + 2.0 * g.cartilageMm, outer = g.headRadiusMm + 15.0;
  // Every pelvic part stays outside the joint: the head and the cartilage-lined socket.
  auto outsideJoint = [inner](shapes::Shape shape) {
    shape.inside = [inside = std::move(shape.inside), inner](const core::Vec3& p) {
      return p.squaredNorm() >= inner * inner && inside(p);
    };
    return shape;
  };
  const core::Vec3 axis = g.acetabularAxis;
  // Acetabulum: a thick hemispherical socket opening laterally, inferiorly and anteriorly.
  painter.paint(shapes::custom(core::Vec3::Constant(-outer), core::Vec3::Constant(outer),
                               [inner, outer, axis](const core::Vec3& p) {
                                 const double r = p.norm();
                                 return r >= inner && r <= outer && p.dot(axis) <= 0.05 * r;
                               }),
                pelvis, mask);
  // Iliac body and wing, anterior superior and anterior inferior iliac spines.
  painter.paint(outsideJoint(shapes::ellipsoid({-8, 6, 30}, {20, 26, 18})), pelvis, mask);
  Eigen::Matrix3d wing;
  wing.col(0) = core::Vec3(-1.0, 0.35, 0.0).normalized();
  wing.col(1) = core::Vec3(0.35, 1.0, 0.0).normalized();
  wing.col(2) = core::Vec3::UnitZ();
  painter.paint(outsideJoint(shapes::ellipsoid({-12, 10, 62}, {7, 48, 32}, wing)), pelvis, mask);
  painter.paint(outsideJoint(shapes::tube({{{-15, -10, 58}, 6, 6}, {{-30, -38, 58}, 7, 7}})), pelvis, mask);
  painter.paint(outsideJoint(shapes::tube({{{-10, -12, 30}, 6, 6}, {{-20, -27, 33}, 6, 6}})), pelvis, mask);
  // Pubic rami, pubic body and ischium around the obturator foramen.
  painter.paint(
      outsideJoint(shapes::tube({{{10, -8, 8}, 11, 11}, {{50, -20, -2}, 9, 9}, {{85, -25, -12}, 8, 8}})),
      pelvis, mask);
  painter.paint(outsideJoint(shapes::ellipsoid({82, -18, -22}, {10, 12, 22})), pelvis, mask);
  painter.paint(
      outsideJoint(shapes::tube({{{10, 26, -14}, 14, 14}, {{14, 34, -45}, 14, 14}, {{15, 30, -62}, 16, 16}})),
      pelvis, mask);
  painter.paint(
      outsideJoint(shapes::tube({{{15, 30, -60}, 8, 8}, {{55, 10, -55}, 7, 7}, {{85, -15, -35}, 8, 8}})),
      pelvis, mask);
}

void paintFemur(LabelPainter& painter, const HipGeometry& g, const LabelTable& t) {
  const std::uint8_t femur = t.valueOf("femur");
  const LabelMask mask = softMask(t);
  painter.paint(shapes::sphere(core::Vec3::Zero(), g.headRadiusMm), femur, mask);
  // Neck: an elliptical, widening cylinder from the head to the neck base.
  const auto [low, high] = neckBox(g, 0.0, g.neckLengthMm, g.headRadiusMm);
  painter.paint(shapes::custom(low, high,
                               [&g](const core::Vec3& p) {
                                 const NeckCoordinates c = neckCoordinates(g, p);
                                 return c.alongMm >= 0.0 && c.alongMm <= g.neckLengthMm &&
                                        c.radiusMm <= g.neckRadiusMm(c.alongMm, c.aroundRad);
                               }),
                femur, mask);
  // Intertrochanteric metaphysis, greater and lesser trochanters, shaft.
  Eigen::Matrix3d shaftFrame;
  shaftFrame.col(2) = -g.shaftDistal;
  shaftFrame.col(1) = core::Vec3::UnitY();
  shaftFrame.col(0) = shaftFrame.col(1).cross(shaftFrame.col(2));
  painter.paint(shapes::ellipsoid(g.neckBaseMm + 6.0 * g.shaftDistal, {21, 17, 30}, shaftFrame), femur, mask);
  painter.paint(shapes::ellipsoid(g.greaterTrochanterCentreMm, g.greaterTrochanterRadiiMm), femur, mask);
  painter.paint(shapes::ellipsoid(g.lesserTrochanterCentreMm, {8, 8, 11}), femur, mask);
  const core::Vec3 shaftTop = g.neckBaseMm + 10.0 * g.shaftDistal;
  const double toBottom = (shaftTop.z() - g.lowMm.z() + 10.0) / -g.shaftDistal.z();
  painter.paint(shapes::tube({{shaftTop, g.shaftRadiusMm + 3.0, 0},
                              {shaftTop + 45.0 * g.shaftDistal, g.shaftRadiusMm, 0},
                              {shaftTop + toBottom * g.shaftDistal, g.shaftRadiusMm, 0}}),
                femur, mask);
}

void paintJoint(LabelPainter& painter, const HipGeometry& g, const LabelTable& t) {
  const LabelMask mask = softMask(t);
  const double r = g.headRadiusMm, c = g.cartilageMm;
  const core::Vec3 axis = g.acetabularAxis;
  const double headEnd = g.junctionAlongMm - 3.0;
  // Cartilage on the head (up to the head-neck junction) and lining the acetabulum.
  painter.paint(shapes::custom(core::Vec3::Constant(-r - 2 * c), core::Vec3::Constant(r + 2 * c),
                               [&g, r, c, axis, headEnd](const core::Vec3& p) {
                                 const double d = p.norm();
                                 const bool head = d <= r + c && -p.dot(g.neckAxis) < headEnd;
                                 const bool socket = d > r + c && d <= r + 2 * c && p.dot(axis) <= 0.05 * d;
                                 return head || socket;
                               }),
                t.valueOf("articular_cartilage"), mask);
  // Labrum: a ring of fibrocartilage on the acetabular rim.
  const double ring = r + 2.5 * c, tubeMm = 3.2;
  const core::Vec3 rimCentre = (0.05 * ring + 1.0) * axis;
  painter.paint(shapes::custom(rimCentre - core::Vec3::Constant(ring + tubeMm),
                               rimCentre + core::Vec3::Constant(ring + tubeMm),
                               [rimCentre, axis, ring, tubeMm](const core::Vec3& p) {
                                 const core::Vec3 q = p - rimCentre;
                                 const double h = q.dot(axis);
                                 const double radial = (q - h * axis).norm() - ring;
                                 return radial * radial + h * h <= tubeMm * tubeMm;
                               }),
                t.valueOf("acetabular_labrum"), mask);
  // Capsule: a fibrous sleeve from the acetabular rim to the intertrochanteric line, lifted off
  // the neck over the head-neck junction by the anterior recess.
  const double reach = g.headRadiusMm + 2 * c + g.recessGapMm + g.capsuleThicknessMm + 1.0;
  const auto [low, high] = neckBox(g, -8.0, 50.0, reach);
  auto sleeve = [&g](const core::Vec3& p, bool wantRecess) {
    const NeckCoordinates n = neckCoordinates(g, p);
    if (n.alongMm < -8.0 || n.alongMm > 42.0 + 6.0 * std::cos(n.aroundRad)) return false;
    const double bone = g.boneRadiusMm(n.alongMm, n.aroundRad);
    const double gap = g.recessGapAt(n.alongMm, n.aroundRad);
    if (wantRecess) return gap >= 0.5 && n.radiusMm > bone && n.radiusMm < bone + gap;
    const double inner = gap >= 0.5 ? bone + gap : bone;
    return n.radiusMm >= inner && n.radiusMm <= bone + gap + g.capsuleThicknessMm;
  };
  painter.paint(shapes::custom(low, high, [sleeve](const core::Vec3& p) { return sleeve(p, false); }),
                t.valueOf("joint_capsule"), mask);
  painter.paint(shapes::custom(low, high, [sleeve](const core::Vec3& p) { return sleeve(p, true); }),
                t.valueOf("anterior_recess"), mask);
}

}  // namespace hipguide::anatomy
