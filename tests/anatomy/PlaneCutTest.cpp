// Plane cuts against the analytic case: a ball cut by an oblique plane is a circle.
#include <hipguide/anatomy/PlaneCut.h>

#include "SyntheticVolumes.h"

#include <gtest/gtest.h>

namespace hipguide::anatomy {
namespace {

TEST(PlaneCut, BallCutByObliquePlaneIsACircleOfKnownRadius) {
  const core::Vec3 centre(20, 20, 20);
  const double radiusMm = 12.0, offsetMm = 7.0;
  const LabelVolume volume = synthetic::ballVolume(centre, radiusMm, 80, 0.5);
  // Image plane: tilted, passing offsetMm from the centre; the centre projects to (30, 25) mm.
  const Eigen::Matrix3d rotation = core::rotationDeg(core::Vec3(1, 2, 0.5), 40.0);
  const core::Vec3 normal = rotation.col(2);
  const core::Vec3 projected = centre + offsetMm * normal;
  PlaneGrid plane;
  plane.spacingMm = core::Vec2(0.2, 0.25);
  plane.width = 300;
  plane.height = 200;
  plane.imageToReference.linear() = rotation;
  plane.imageToReference.translation() = projected - rotation * core::Vec3(30, 25, 0);
  const auto cut = cutPlane(volume, synthetic::ballTable(), plane);
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0].name, "ball");
  ASSERT_EQ(cut[0].contours.size(), 1u);
  const Contour& circle = cut[0].contours[0];
  EXPECT_TRUE(circle.closed);
  const double expected = std::sqrt(radiusMm * radiusMm - offsetMm * offsetMm);
  double sum = 0;
  for (const core::Vec2& point : circle.pointsMm) {
    const double r = (point - core::Vec2(30, 25)).norm();
    EXPECT_NEAR(r, expected, 0.6);
    sum += r;
  }
  EXPECT_NEAR(sum / circle.pointsMm.size(), expected, 0.25);
}

TEST(PlaneCut, StructureCutByTheImageEdgeGivesAnOpenContourAndLabelsMatchVoxels) {
  const LabelVolume volume = synthetic::ballVolume(core::Vec3(10, 10, 10), 6.0, 40, 0.5);
  PlaneGrid plane;  // z = 10 plane, image x/y along LPS x/y, starting at the ball's centre.
  plane.imageToReference.translation() = core::Vec3(10, 4, 10);
  plane.width = 60;
  plane.height = 60;
  plane.spacingMm = core::Vec2(0.5, 0.5);
  const auto labels = sampleLabelsOnPlane(volume, plane);
  for (int row = 0; row < plane.height; row += 7)
    for (int column = 0; column < plane.width; column += 5)
      EXPECT_EQ(labels[row * plane.width + column],
                volume.labelAt(core::Vec3(10 + column * 0.5, 4 + row * 0.5, 10)));
  const auto cut = cutPlane(volume, synthetic::ballTable(), plane);
  ASSERT_EQ(cut.size(), 1u);
  ASSERT_EQ(cut[0].contours.size(), 1u);
  EXPECT_FALSE(cut[0].contours[0].closed);
  plane.imageToReference.translation() = core::Vec3(100, 100, 100);
  EXPECT_TRUE(cutPlane(volume, synthetic::ballTable(), plane).empty())
      << "a plane outside the map cuts nothing";
}

}  // namespace
}  // namespace hipguide::anatomy
