#include <hipguide/core/Frame.h>
#include <hipguide/core/Geometry.h>
#include <hipguide/core/Statistics.h>

#include <gtest/gtest.h>

using namespace hipguide::core;

TEST(Geometry, RowMajorRoundTrip) {
  Transform3 transform = Transform3::Identity();
  transform.linear() = rotationDeg(Vec3(0, 0, 1), 30.0);
  transform.translation() = Vec3(1, 2, 3);
  const auto values = transformToRowMajor(transform);
  EXPECT_DOUBLE_EQ(values[3], 1.0);
  EXPECT_DOUBLE_EQ(values[7], 2.0);
  EXPECT_DOUBLE_EQ(values[15], 1.0);
  EXPECT_TRUE(transformFromRowMajor(values).isApprox(transform));
}

TEST(Geometry, LineOrientationIsUndirectedInZeroTo180) {
  EXPECT_NEAR(lineOrientationDeg({1, 0}), 0.0, 1e-12);
  EXPECT_NEAR(lineOrientationDeg({1, 1}), 45.0, 1e-12);
  EXPECT_NEAR(lineOrientationDeg({-1, -1}), 45.0, 1e-12);
  EXPECT_NEAR(lineOrientationDeg({-1, 1}), 135.0, 1e-12);
  EXPECT_NEAR(orientationDifferenceDeg(179.0, 1.0), 2.0, 1e-12);
  EXPECT_NEAR(orientationDifferenceDeg(10.0, 100.0), 90.0, 1e-12);
}

TEST(Geometry, PointSegmentDistance) {
  EXPECT_NEAR(pointSegmentDistanceMm({0, 1, 0}, {-1, 0, 0}, {1, 0, 0}), 1.0, 1e-12);
  EXPECT_NEAR(pointSegmentDistanceMm({3, 0, 0}, {-1, 0, 0}, {1, 0, 0}), 2.0, 1e-12);
  EXPECT_NEAR(pointSegmentDistanceMm({0, 2, 0}, {0, 0, 0}, {0, 0, 0}), 2.0, 1e-12);
}

TEST(Frame, ImageToReferenceNeedsBothTransforms) {
  Frame frame;
  EXPECT_FALSE(frame.imageToReference().has_value());
  frame.imageToProbe = {Transform3(Eigen::Translation3d(1, 0, 0)), true};
  frame.probeToReference = {Transform3(Eigen::Translation3d(0, 2, 0)), true};
  const auto combined = frame.imageToReference();
  ASSERT_TRUE(combined);
  EXPECT_TRUE(combined->translation().isApprox(Vec3(1, 2, 0)));
  EXPECT_TRUE(frame.pixelToMm(10, 20).isApprox(Vec2(10, 20)));
}

TEST(Statistics, PercentileInterpolates) {
  EXPECT_DOUBLE_EQ(median({3, 1, 2}), 2.0);
  EXPECT_DOUBLE_EQ(percentile({0, 10}, 95), 9.5);
  EXPECT_DOUBLE_EQ(percentile({}, 50), 0.0);
}
