// Distance fields and path queries against brute force on the voxels.
#include <hipguide/anatomy/Anatomy.h>

#include "SyntheticVolumes.h"

#include <gtest/gtest.h>

#include <random>

namespace hipguide::anatomy {
namespace {

using core::Vec3;

/// Exact signed distance from a point to the union of the label's voxel cubes within `reachMm`.
double bruteForceMm(const LabelVolume& volume, std::uint8_t value, const Vec3& point, double reachMm = 40.0) {
  const bool inside = volume.labelAt(point) == value;
  const Vec3 half = 0.5 * volume.spacingMm;
  const Vec3 centre = volume.physicalToIndex(point);
  const Vec3 reach = reachMm * volume.spacingMm.cwiseInverse();
  std::array<int, 3> first{}, last{};
  for (int a = 0; a < 3; ++a) {
    first[a] = std::max(0, static_cast<int>(centre[a] - reach[a]));
    last[a] = std::min(volume.size[a] - 1, static_cast<int>(centre[a] + reach[a]));
  }
  double best = 1e9;
  for (int k = first[2]; k <= last[2]; ++k)
    for (int j = first[1]; j <= last[1]; ++j)
      for (int i = first[0]; i <= last[0]; ++i) {
        if ((volume.labels[volume.index(i, j, k)] == value) == inside) continue;
        const Vec3 local = volume.direction.transpose() * (point - volume.indexToPhysical(Vec3(i, j, k)));
        best = std::min(best, (local.cwiseAbs() - half).cwiseMax(0.0).norm());
      }
  return inside ? -best : best;
}

const Phantom& smallPhantom() {
  static const Phantom phantom = [] {
    PhantomOptions options;
    options.voxelMm = 1.0;
    return makeHipPhantom(options);
  }();
  return phantom;
}

TEST(DistanceQueries, BallFieldMatchesTheAnalyticDistance) {
  const Vec3 centre(15, 15, 15);
  const LabelVolume volume = synthetic::ballVolume(centre, 8.0, 60, 0.5);
  // At the label map's own 0.5 mm and at the default 1 mm grid: within half a grid step plus
  // the voxelisation of the 0.5 mm ball itself (up to half a voxel diagonal, 0.43 mm).
  for (const double gridMm : {0.5, 1.0}) {
    const Anatomy anatomy(volume, synthetic::ballTable(), std::nullopt, Anatomy::Options{gridMm});
    std::mt19937 random(3);
    std::uniform_real_distribution<double> inGrid(0.0, 29.5), beyond(30.0, 45.0);
    for (int n = 0; n < 300; ++n) {
      const Vec3 point(inGrid(random), inGrid(random), inGrid(random));
      EXPECT_NEAR(anatomy.signedDistanceMm("ball", point), (point - centre).norm() - 8.0, 0.5 * gridMm + 0.45)
          << point.transpose() << " grid " << gridMm;
    }
    // Beyond the grid: never closer than the truth (an upper bound), within the grid's error.
    for (int n = 0; n < 50; ++n) {
      const Vec3 point(beyond(random), inGrid(random), beyond(random));
      EXPECT_GE(anatomy.signedDistanceMm("ball", point), (point - centre).norm() - 8.0 - 0.5 * gridMm - 0.45);
    }
  }
}

TEST(DistanceQueries, PhantomNerveFieldMatchesBruteForce) {
  const Anatomy anatomy = Anatomy::fromPhantom(smallPhantom());
  const std::uint8_t nerve = anatomy.table().valueOf("femoral_nerve");
  const Vec3 near = anatomy.landmarks()->femoralNerveMm;
  std::mt19937 random(5);
  std::uniform_real_distribution<double> offset(-15.0, 15.0);
  for (int n = 0; n < 60; ++n) {
    const Vec3 point = near + Vec3(offset(random), offset(random), offset(random));
    EXPECT_NEAR(anatomy.signedDistanceMm("femoral_nerve", point),
                bruteForceMm(anatomy.volume(), nerve, point), 0.8)
        << point.transpose();
  }
}

TEST(DistanceQueries, SegmentClearanceFindsTheTrueMinimumAndNearestPoint) {
  const Vec3 centre(15, 15, 15);
  LabelVolume volume =
      synthetic::ballVolume(centre, 5.0, 60, 0.5, Vec3::Zero(), Eigen::Matrix3d::Identity(), 2);
  const Anatomy anatomy(std::move(volume), synthetic::ballTable());
  // A segment passing 9 mm from the ball's centre: clearance 4 mm at the foot of the perpendicular.
  const Vec3 a(0, 24, 10), b(30, 24, 10);
  const auto clearances = anatomy.segmentClearances(a, b);
  ASSERT_EQ(clearances.size(), 1u) << "only critical structures";
  const Clearance& c = clearances[0];
  EXPECT_EQ(c.name, "vessel");
  const double expected = (Vec3(15, 24, 10) - centre).norm() - 5.0;
  EXPECT_NEAR(c.distanceMm, expected, 0.5);
  EXPECT_NEAR(c.pathPointMm.x(), 15.0, 1.0);
  EXPECT_NEAR((c.structurePointMm - centre).norm(), 5.0, 0.6);
  // Against dense sampling of the same field.
  double dense = 1e9;
  for (double t = 0; t <= 1.0; t += 1e-4)
    dense = std::min(dense, anatomy.signedDistanceMm("vessel", a + t * (b - a)));
  EXPECT_NEAR(c.distanceMm, dense, 0.1);
  const auto ray = anatomy.rayClearances(a, (b - a).normalized(), 5.0);
  EXPECT_GT(ray[0].distanceMm, c.distanceMm + 1.0) << "a short ray stops before the closest point";
}

TEST(DistanceQueries, FirstEntryOfARayMatchesMarchingTheVoxels) {
  const Anatomy anatomy = Anatomy::fromPhantom(smallPhantom());
  const PhantomLandmarks& l = *anatomy.landmarks();
  // From the skin straight down to the recess target: where does it enter the recess and bone?
  const Vec3 origin = l.anteriorSkinAboveRecessMm;
  const Vec3 direction = (l.anteriorRecessTargetMm - origin).normalized();
  for (const char* name : {"anterior_recess", "femur"}) {
    const auto entry = anatomy.firstEntry(name, origin, direction, 150.0);
    ASSERT_TRUE(entry) << name;
    const std::uint8_t value = anatomy.table().valueOf(name);
    double marched = 0;
    while (anatomy.volume().labelAt(origin + marched * direction) != value) marched += 0.01;
    EXPECT_NEAR(entry->alongMm, marched, 1.0) << name;
    EXPECT_NEAR((entry->pointMm - (origin + entry->alongMm * direction)).norm(), 0.0, 1e-9);
  }
  EXPECT_FALSE(anatomy.firstEntry("femoral_artery", origin, -direction, 50.0))
      << "pointing away from the body";
  EXPECT_THROW(anatomy.signedDistanceMm("spleen", origin), std::out_of_range);
  EXPECT_THROW(anatomy.signedDistanceMm("sacrum", origin), std::out_of_range)
      << "in the table, not in the phantom";
}

}  // namespace
}  // namespace hipguide::anatomy
