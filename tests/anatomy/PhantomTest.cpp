// The parametric phantom against published ranges (CLINICAL.md), measured on its voxels.
#include <hipguide/anatomy/HipPhantom.h>

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <tuple>

namespace hipguide::anatomy {
namespace {

using core::Vec3;

const Phantom& phantom(Habitus habitus = Habitus::Average, bool effusion = false, Side side = Side::Right,
                       std::uint32_t seed = 1) {
  static std::map<std::tuple<int, bool, int, std::uint32_t>, Phantom> cache;
  const auto key = std::make_tuple(static_cast<int>(habitus), effusion, static_cast<int>(side), seed);
  auto found = cache.find(key);
  if (found == cache.end()) {
    PhantomOptions options;
    options.habitus = habitus;
    options.effusion = effusion;
    options.side = side;
    options.seed = seed;
    found = cache.emplace(key, makeHipPhantom(options)).first;
  }
  return found->second;
}

std::uint8_t labelOf(const Phantom& p, const char* name) { return p.table.valueOf(name); }

/// Centroid of the voxels of `label` that pass `select`.
template <typename Select>
Vec3 centroid(const Phantom& p, std::uint8_t label, Select select) {
  Vec3 sum = Vec3::Zero();
  int count = 0;
  const LabelVolume& v = p.volume;
  for (int k = 0; k < v.size[2]; ++k)
    for (int j = 0; j < v.size[1]; ++j)
      for (int i = 0; i < v.size[0]; ++i) {
        if (v.labels[v.index(i, j, k)] != label) continue;
        const Vec3 point = v.indexToPhysical(Vec3(i, j, k));
        if (select(point)) {
          sum += point;
          ++count;
        }
      }
  EXPECT_GT(count, 100);
  return sum / std::max(count, 1);
}

/// Distance from `start` along `direction` while the label stays `label`.
double runLength(const Phantom& p, const Vec3& start, const Vec3& direction, std::uint8_t label) {
  double distance = 0;
  while (distance < 100 && p.volume.labelAt(start + distance * direction) == label) distance += 0.05;
  return distance;
}

TEST(HipPhantom, HeadRadiusMeasuredOnVoxelsIsInPublishedRange) {
  const Phantom& p = phantom();
  const Vec3 centre = p.landmarks.femoralHeadCentreMm;
  const Vec3 n = p.landmarks.neckAxis;
  const Vec3 side = n.cross(Vec3::UnitZ()).normalized();
  for (const Vec3& direction : {n, Vec3((n + side).normalized()), Vec3((n - side).normalized()),
                                Vec3((n + n.cross(side)).normalized())}) {
    const double radius = runLength(p, centre, direction, labelOf(p, "femur"));
    EXPECT_NEAR(radius, p.landmarks.femoralHeadRadiusMm, 0.6);
  }
  EXPECT_GE(p.landmarks.femoralHeadRadiusMm, 22.0);
  EXPECT_LE(p.landmarks.femoralHeadRadiusMm, 25.0);
}

TEST(HipPhantom, NeckShaftAngleAndAnteversionMeasuredOnVoxels) {
  for (Side side : {Side::Right, Side::Left}) {
    const Phantom& p = phantom(Habitus::Average, false, side);
    const std::uint8_t femur = labelOf(p, "femur");
    const Vec3 c = p.landmarks.femoralHeadCentreMm, n = p.landmarks.neckAxis;
    auto neckSlab = [&](double along) {
      const Vec3 at = c - along * n;
      return centroid(
          p, femur, [&](const Vec3& q) { return std::abs((q - at).dot(n)) < 0.5 && (q - at).norm() < 22.0; });
    };
    auto shaftSlab = [&](double below) {
      return centroid(p, femur, [&](const Vec3& q) { return std::abs(q.z() - (c.z() - below)) < 0.3; });
    };
    const Vec3 neck = (neckSlab(24) - neckSlab(32)).normalized();
    const Vec3 shaft = (shaftSlab(100) - shaftSlab(75)).normalized();
    const double angleDeg = core::radToDeg(std::acos(neck.dot(shaft)));
    EXPECT_NEAR(angleDeg, p.landmarks.neckShaftAngleDeg, 2.0);
    EXPECT_GE(angleDeg, 122.0);
    EXPECT_LE(angleDeg, 133.0);
    // Anteversion: the neck against the coronal plane, seen down the shaft.
    const Vec3 medial(c.x() < 0 ? 1.0 : -1.0, 0.0, 0.0);
    const Vec3 neckSeen = neck - neck.dot(shaft) * shaft, medialSeen = medial - medial.dot(shaft) * shaft;
    const double anteversionDeg =
        core::radToDeg(std::acos(neckSeen.normalized().dot(medialSeen.normalized())));
    EXPECT_LT(neck.y(), 0.0) << "the neck must point anteriorly toward the head";
    EXPECT_NEAR(anteversionDeg, p.landmarks.anteversionDeg, 2.5);
    EXPECT_GE(p.landmarks.anteversionDeg, 10.0);
    EXPECT_LE(p.landmarks.anteversionDeg, 15.0);
  }
}

TEST(HipPhantom, AnteriorRecessLiesFourToNineMmFromBoneAndGrowsWithEffusion) {
  const Phantom& normal = phantom();
  const Phantom& effusion = phantom(Habitus::Average, true);
  EXPECT_GE(normal.landmarks.recessToBoneMm, 4.0);
  EXPECT_LE(normal.landmarks.recessToBoneMm, 9.0);
  EXPECT_GE(effusion.landmarks.recessToBoneMm, 7.0);
  EXPECT_GT(effusion.landmarks.recessToBoneMm, normal.landmarks.recessToBoneMm + 2.0);
  for (const Phantom* p : {&normal, &effusion}) {
    const PhantomLandmarks& l = p->landmarks;
    const Vec3 out = (l.anteriorRecessTargetMm - l.headNeckJunctionMm).normalized();
    EXPECT_EQ(p->volume.labelAt(l.headNeckJunctionMm - 1.0 * out), labelOf(*p, "femur"));
    EXPECT_EQ(p->volume.labelAt(l.anteriorRecessTargetMm), labelOf(*p, "anterior_recess"));
    EXPECT_EQ(p->volume.labelAt(l.headNeckJunctionMm + (l.recessToBoneMm - 0.8) * out),
              labelOf(*p, "joint_capsule"));
    EXPECT_LT(out.y(), -0.8) << "the recess must be anterior to the neck";
  }
}

TEST(HipPhantom, FemoralNerveArteryVeinLieMedialAndAnteriorInThatOrder) {
  for (Side side : {Side::Right, Side::Left}) {
    const Phantom& p = phantom(Habitus::Average, false, side);
    const PhantomLandmarks& l = p.landmarks;
    EXPECT_EQ(p.volume.labelAt(l.femoralNerveMm), labelOf(p, "femoral_nerve"));
    EXPECT_EQ(p.volume.labelAt(l.femoralArteryMm), labelOf(p, "femoral_artery"));
    EXPECT_EQ(p.volume.labelAt(l.femoralVeinMm), labelOf(p, "femoral_vein"));
    // Lateral → medial is away from the midline → toward it: |x| decreases.
    EXPECT_GT(std::abs(l.headNeckJunctionMm.x()), std::abs(l.femoralNerveMm.x()));
    EXPECT_GT(std::abs(l.femoralNerveMm.x()), std::abs(l.femoralArteryMm.x()));
    EXPECT_GT(std::abs(l.femoralArteryMm.x()), std::abs(l.femoralVeinMm.x()));
    for (const Vec3& vessel : {l.femoralNerveMm, l.femoralArteryMm, l.femoralVeinMm})
      EXPECT_LT(vessel.y(), l.femoralHeadCentreMm.y() - l.femoralHeadRadiusMm) << "anterior to the head";
  }
}

TEST(HipPhantom, SkinToCapsuleDepthFollowsHabitus) {
  const double slim = phantom(Habitus::Slim).landmarks.skinToCapsuleMm;
  const double average = phantom(Habitus::Average).landmarks.skinToCapsuleMm;
  const double obese = phantom(Habitus::Obese).landmarks.skinToCapsuleMm;
  EXPECT_GE(slim, 30.0);
  EXPECT_GT(average, slim + 8.0);
  EXPECT_GT(obese, average + 15.0);
  EXPECT_LE(obese, 80.0);
  const Phantom& p = phantom(Habitus::Obese);
  EXPECT_EQ(p.volume.labelAt(p.landmarks.anteriorSkinAboveRecessMm + Vec3(0, 0.6, 0)), labelOf(p, "skin"));
  EXPECT_EQ(p.volume.labelAt(p.landmarks.anteriorSkinAboveRecessMm - Vec3(0, 0.6, 0)), 0);
}

TEST(HipPhantom, EveryNamedStructureIsPresent) {
  const Phantom& p = phantom();
  std::array<std::size_t, 256> counts{};
  for (std::uint8_t value : p.volume.labels) ++counts[value];
  for (const char* name :
       {"femur", "pelvis", "joint_capsule", "anterior_recess", "femoral_artery", "femoral_vein",
        "femoral_nerve", "lcfa_ascending", "lfcn", "trochanteric_bursa", "iliopsoas_bursa", "skin",
        "subcutaneous_fat", "iliopsoas", "sartorius", "rectus_femoris", "tensor_fasciae_latae"})
    EXPECT_GT(counts[p.table.valueOf(name)], 200u) << name;
  EXPECT_LE(p.volume.spacingMm.maxCoeff(), 0.5);
}

TEST(HipPhantom, BursaeAndSmallVesselsAreWhereAnatomySaysTheyAre) {
  const Phantom& p = phantom();
  const PhantomLandmarks& l = p.landmarks;
  EXPECT_EQ(p.volume.labelAt(l.trochantericBursaMm), labelOf(p, "trochanteric_bursa"));
  EXPECT_GT(std::abs(l.trochantericBursaMm.x()), std::abs(l.greaterTrochanterMm.x()))
      << "lateral to the trochanter";
  EXPECT_EQ(p.volume.labelAt(l.iliopsoasBursaMm), labelOf(p, "iliopsoas_bursa"));
  EXPECT_LT(l.iliopsoasBursaMm.y(), l.femoralHeadCentreMm.y() - l.femoralHeadRadiusMm)
      << "anterior to the head";
  // The ascending LCFA runs along the neck, within a few mm outside the capsule.
  const Vec3 c = l.femoralHeadCentreMm, n = l.neckAxis;
  const Vec3 lcfa = centroid(p, labelOf(p, "lcfa_ascending"), [&](const Vec3& q) {
    const double along = -(q - c).dot(n);
    return along > 28.0 && along < 45.0;
  });
  const double along = -(lcfa - c).dot(n);
  const double fromAxis = ((lcfa - c) + along * n).norm();
  EXPECT_LT(fromAxis, 32.0);
  // The LFCN passes lateral to the head, superficially, near the ASIS level.
  const Vec3 lfcn =
      centroid(p, labelOf(p, "lfcn"), [&](const Vec3& q) { return std::abs(q.z() - 20.0) < 2.0; });
  EXPECT_GT(std::abs(lfcn.x()), std::abs(c.x()) + 20.0);
  EXPECT_LT(lfcn.y(), l.femoralArteryMm.y() + 10.0);
}

TEST(HipPhantom, IsDeterministicPerSeedAndMirroredForTheLeftSide) {
  PhantomOptions options;
  options.voxelMm = 1.0;
  const Phantom a = makeHipPhantom(options), b = makeHipPhantom(options);
  EXPECT_EQ(a.volume.labels, b.volume.labels);
  options.seed = 7;
  const Phantom c = makeHipPhantom(options);
  EXPECT_NE(a.landmarks.femoralHeadRadiusMm, c.landmarks.femoralHeadRadiusMm);
  const Phantom& right = phantom();
  const Phantom& left = phantom(Habitus::Average, false, Side::Left);
  EXPECT_NEAR(right.landmarks.femoralHeadCentreMm.x(), -left.landmarks.femoralHeadCentreMm.x(), 1e-9);
  EXPECT_LT(right.landmarks.femoralHeadCentreMm.x(), 0.0)
      << "a right hip lies on the patient's right (−x, LPS)";
  for (const Vec3& point :
       {right.landmarks.anteriorRecessTargetMm, right.landmarks.femoralArteryMm, Vec3(-80, -30, -40)})
    EXPECT_EQ(right.volume.labelAt(point), left.volume.labelAt(Vec3(-point.x(), point.y(), point.z())));
}

}  // namespace
}  // namespace hipguide::anatomy
