#include <hipguide/guidance/PlaneContourCache.h>

#include <gtest/gtest.h>

namespace hipguide::guidance {
namespace {

/// A 40 mm cube of 1 mm voxels holding a femoral artery of radius 8 mm around the z axis.
anatomy::Anatomy vesselAnatomy() {
  const anatomy::LabelTable table = anatomy::LabelTable::hipDefault();
  anatomy::LabelVolume volume;
  volume.size = {40, 40, 40};
  volume.originMm = core::Vec3(-19.5, -19.5, -19.5);
  volume.labels.assign(volume.voxelCount(), 0);
  for (int k = 0; k < 40; ++k)
    for (int j = 0; j < 40; ++j)
      for (int i = 0; i < 40; ++i)
        if (std::hypot(i - 19.5, j - 19.5) < 8.0)
          volume.labels[volume.index(i, j, k)] = table.valueOf("femoral_artery");
  return anatomy::Anatomy(std::move(volume), table);
}

/// A 40 × 40 px plane at 0.5 mm per pixel, x along +x and y along +z, through `originMm`.
anatomy::PlaneGrid planeAt(const core::Vec3& originMm) {
  anatomy::PlaneGrid plane;
  plane.imageToReference.linear() << 1, 0, 0, 0, 0, 1, 0, 1, 0;
  plane.imageToReference.translation() = originMm;
  plane.spacingMm = {0.5, 0.5};
  plane.width = plane.height = 40;
  return plane;
}

TEST(PlaneContourCache, AStillPlaneIsCutOnce) {
  const anatomy::Anatomy anatomy = vesselAnatomy();
  PlaneContourCache cache;
  const auto first = cache.contours(anatomy, planeAt({-10, 0, -10}));
  ASSERT_FALSE(first.empty()) << "the plane through the vessel cuts it";
  const auto again = cache.contours(anatomy, planeAt({-10, 0.005, -10}));
  EXPECT_EQ(cache.cuts(), 1u) << "a jitter far below a voxel reuses the cut";
  ASSERT_EQ(again.size(), first.size());
  EXPECT_EQ(again[0].contours.size(), first[0].contours.size());
}

TEST(PlaneContourCache, AMovedOrResizedPlaneIsCutAgain) {
  const anatomy::Anatomy anatomy = vesselAnatomy();
  PlaneContourCache cache;
  cache.contours(anatomy, planeAt({-10, 0, -10}));
  const auto moved = cache.contours(anatomy, planeAt({-10, 12, -10}));
  EXPECT_EQ(cache.cuts(), 2u);
  EXPECT_TRUE(moved.empty()) << "12 mm off the axis the plane misses the 8 mm vessel";
  anatomy::PlaneGrid tilted = planeAt({-10, 12, -10});
  tilted.imageToReference.rotate(Eigen::AngleAxisd(0.01, core::Vec3::UnitX()));
  cache.contours(anatomy, tilted);
  EXPECT_EQ(cache.cuts(), 3u) << "a 0.6° tilt is a new plane";
  anatomy::PlaneGrid wider = tilted;
  wider.width = 60;
  cache.contours(anatomy, wider);
  EXPECT_EQ(cache.cuts(), 4u);
  cache.clear();
  cache.contours(anatomy, wider);
  EXPECT_EQ(cache.cuts(), 5u) << "a new anatomy forgets the cut";
}

}  // namespace
}  // namespace hipguide::guidance
