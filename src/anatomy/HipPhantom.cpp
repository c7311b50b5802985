#include <hipguide/anatomy/HipPhantom.h>

#include "LabelPainter.h"
#include "PhantomGeometry.h"

#include <algorithm>
#include <stdexcept>

namespace hipguide::anatomy {

namespace {

/// Distance of the right hip's head centre from the midline (x = 0), mm.
constexpr double kHeadFromMidlineMm = 90.0;

/// The point of a polyline at height z (first crossing), by linear interpolation.
core::Vec3 atHeight(const std::vector<shapes::Knot>& knots, double zMm) {
  for (std::size_t i = 0; i + 1 < knots.size(); ++i) {
    const core::Vec3 &a = knots[i].pointMm, &b = knots[i + 1].pointMm;
    if ((a.z() - zMm) * (b.z() - zMm) <= 0.0 && a.z() != b.z())
      return a + (zMm - a.z()) / (b.z() - a.z()) * (b - a);
  }
  throw std::logic_error("phantom polyline does not cross the head's level");
}

/// Measures the landmarks on the painted label map (local frame).
PhantomLandmarks measureLandmarks(const LabelPainter& painter, const HipGeometry& g, const LabelTable& t) {
  const std::uint8_t femur = t.valueOf("femur"), recess = t.valueOf("anterior_recess"),
                     capsule = t.valueOf("joint_capsule");
  PhantomLandmarks l;
  l.femoralHeadCentreMm = core::Vec3::Zero();
  l.femoralHeadRadiusMm = g.headRadiusMm;
  l.neckShaftAngleDeg = g.neckShaftAngleDeg;
  l.anteversionDeg = g.anteversionDeg;
  l.neckAxis = g.neckAxis;
  // Along the anterior normal of the neck at the junction: bone, recess, capsule.
  const core::Vec3 inBone = -g.junctionAlongMm * g.neckAxis;
  const core::Vec3& out = g.anteriorPerp;
  const double boneMm = walk(painter, inBone, out, [femur](std::uint8_t v) { return v == femur; });
  l.headNeckJunctionMm = inBone + boneMm * out;
  const double recessMm =
      walk(painter, l.headNeckJunctionMm, out, [recess](std::uint8_t v) { return v == recess; });
  const double sleeveMm = walk(painter, l.headNeckJunctionMm, out,
                               [recess, capsule](std::uint8_t v) { return v == recess || v == capsule; });
  l.recessToBoneMm = sleeveMm;
  l.anteriorRecessTargetMm = l.headNeckJunctionMm + 0.5 * (recessMm > 0 ? recessMm : sleeveMm) * out;
  // Straight anterior (−y) from the target: capsule's outer surface, then the skin's.
  const core::Vec3 anterior = -core::Vec3::UnitY();
  const double capsuleMm = walk(painter, l.anteriorRecessTargetMm, anterior,
                                [recess, capsule](std::uint8_t v) { return v == recess || v == capsule; });
  const double skinMm = walk(
      painter, l.anteriorRecessTargetMm, anterior, [](std::uint8_t v) { return v != 0; }, 250.0);
  l.anteriorSkinAboveRecessMm = l.anteriorRecessTargetMm + skinMm * anterior;
  l.skinToCapsuleMm = skinMm - capsuleMm;
  const core::Vec3 lateral = -core::Vec3::UnitX();
  const double gtMm =
      walk(painter, g.greaterTrochanterCentreMm, lateral, [femur](std::uint8_t v) { return v == femur; });
  l.greaterTrochanterMm = g.greaterTrochanterCentreMm + gtMm * lateral;
  l.trochantericBursaMm = g.trochantericBursaMm;
  l.iliopsoasBursaMm = g.iliopsoasBursaMm;
  l.femoralArteryMm = atHeight(g.artery, 0.0);
  l.femoralVeinMm = atHeight(g.vein, 0.0);
  l.femoralNerveMm = atHeight(g.nerve, 0.0);
  return l;
}

/// Local frame → LPS: shift the right hip off the midline; mirror x for a left hip.
struct Placement {
  bool mirror;
  core::Vec3 point(const core::Vec3& local) const {
    const core::Vec3 right = local - core::Vec3(kHeadFromMidlineMm, 0, 0);
    return mirror ? core::Vec3(-right.x(), right.y(), right.z()) : right;
  }
  core::Vec3 vector(const core::Vec3& local) const {
    return mirror ? core::Vec3(-local.x(), local.y(), local.z()) : local;
  }
};

void place(LabelVolume& volume, PhantomLandmarks& l, const Placement& p) {
  if (p.mirror) {
    for (int k = 0; k < volume.size[2]; ++k)
      for (int j = 0; j < volume.size[1]; ++j) {
        auto row = volume.labels.begin() + static_cast<std::ptrdiff_t>(volume.index(0, j, k));
        std::reverse(row, row + volume.size[0]);
      }
    volume.originMm =
        p.point(volume.originMm + core::Vec3((volume.size[0] - 1) * volume.spacingMm.x(), 0, 0));
  } else {
    volume.originMm = p.point(volume.originMm);
  }
  for (core::Vec3* point : {&l.femoralHeadCentreMm, &l.headNeckJunctionMm, &l.anteriorRecessTargetMm,
                            &l.anteriorSkinAboveRecessMm, &l.greaterTrochanterMm, &l.trochantericBursaMm,
                            &l.iliopsoasBursaMm, &l.femoralArteryMm, &l.femoralVeinMm, &l.femoralNerveMm})
    *point = p.point(*point);
  l.neckAxis = p.vector(l.neckAxis);
}

}  // namespace

Phantom makeHipPhantom(const PhantomOptions& options) {
  if (!(options.voxelMm >= 0.2 && options.voxelMm <= 2.0))
    throw std::invalid_argument("phantom voxel size " + std::to_string(options.voxelMm) +
                                " mm is outside 0.2-2 mm");
  Phantom phantom;
  phantom.table = LabelTable::hipDefault();
  HipGeometry g = makeHipGeometry(options);
  LabelPainter painter(g.lowMm, g.highMm, options.voxelMm);
  paintBody(painter, g, phantom.table);
  paintMuscles(painter, g, phantom.table);
  paintPelvis(painter, g, phantom.table);
  paintFemur(painter, g, phantom.table);
  paintJoint(painter, g, phantom.table);
  paintBursae(painter, g, phantom.table);
  paintNeurovascular(painter, g, phantom.table);
  phantom.landmarks = measureLandmarks(painter, g, phantom.table);
  phantom.volume = std::move(painter.volume());
  place(phantom.volume, phantom.landmarks, Placement{options.side == Side::Left});
  return phantom;
}

}  // namespace hipguide::anatomy
