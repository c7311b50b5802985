#include "RidgeFilter.h"
#include "SyntheticScene.h"

#include <hipguide/core/Geometry.h>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace hipguide::tracking {
namespace {

struct Filtered {
  RidgeMaps maps;
  cv::Mat mask;
};

/// Filters a frame rendered at twice the working size, downsampled as the tracker does.
Filtered filter(const cv::Mat& full) {
  cv::Mat grey;
  cv::resize(full, grey, full.size() / 2, 0, 0, cv::INTER_AREA);
  Filtered result;
  result.mask = cv::Mat(grey.size(), CV_8U, cv::Scalar(255));
  cv::rectangle(result.mask, cv::Rect(0, 0, grey.cols, grey.rows), cv::Scalar(0), 6);
  cv::Mat greyF;
  grey.convertTo(greyF, CV_32F);
  RidgeFilter(1.5, 95.0).apply(greyF, result.mask, result.maps);
  return result;
}

cv::Mat renderFull(const test::SyntheticScene& scene) { return test::renderScene(test::scaled(scene, 2.0f)); }

test::SyntheticScene speckle() {
  test::SyntheticScene scene;
  scene.size = {320, 240};
  scene.sector = false;
  return scene;
}

double meanAlong(const cv::Mat& map, cv::Point2f a, cv::Point2f b) {
  double sum = 0;
  const int steps = 50;
  for (int i = 0; i <= steps; ++i) {
    const cv::Point2f p = a + (b - a) * (float(i) / steps);
    sum += map.at<float>(cvRound(p.y), cvRound(p.x));
  }
  return sum / (steps + 1);
}

TEST(RidgeFilter, NeedleStandsOutOfSpeckleWithItsOrientation) {
  test::SyntheticScene scene = speckle();
  scene.needles.push_back({{60, 60}, {220, 152}, 8.0});  // 29.9°
  const Filtered result = filter(renderFull(scene));
  const double onNeedle = meanAlong(result.maps.strength, {80, 71.5f}, {200, 140.5f});
  EXPECT_GT(onNeedle, 2.0) << "the needle must be well above the speckle's 95th percentile";
  const float orientation = result.maps.orientationDeg.at<float>(106, 140);
  EXPECT_LT(core::orientationDifferenceDeg(orientation, 29.9), 4.0);
  // Speckle alone: by construction 95 % of it stays below 1.
  EXPECT_LT(meanAlong(result.maps.strength, {40, 200}, {280, 200}), 1.0);
}

TEST(RidgeFilter, OrientationFollowsTheLineInEveryQuadrant) {
  for (const double angleDeg : {0.0, 20.0, 45.0, 70.0, 90.0, 120.0, 160.0}) {
    cv::Mat grey(121, 121, CV_8U, cv::Scalar(60));
    const cv::Point2f centre(60, 60);
    const cv::Point2f d(std::cos(core::degToRad(angleDeg)), std::sin(core::degToRad(angleDeg)));
    cv::line(grey, centre - d * 50.0f, centre + d * 50.0f, cv::Scalar(220), 2, cv::LINE_AA);
    cv::Mat greyF;
    grey.convertTo(greyF, CV_32F);
    RidgeMaps maps;
    RidgeFilter(1.5, 95.0).apply(greyF, cv::Mat(grey.size(), CV_8U, cv::Scalar(255)), maps);
    EXPECT_LT(core::orientationDifferenceDeg(maps.orientationDeg.at<float>(60, 60), angleDeg), 2.0)
        << angleDeg;
  }
}

TEST(RidgeFilter, SuppressesBlobsAndIsIndependentOfGain) {
  cv::Mat grey = renderFull(speckle());
  cv::circle(grey, {320, 240}, 8, cv::Scalar(255), cv::FILLED, cv::LINE_AA);
  const Filtered result = filter(grey);
  EXPECT_LT(result.maps.strength.at<float>(120, 160), 1.0) << "a round bright spot is not a ridge";

  test::SyntheticScene bright = speckle(), dim = speckle();
  bright.needles.push_back({{60, 60}, {220, 152}, 8.0});
  dim.needles = bright.needles;
  dim.gain = 0.5;  // −6 dB: a constant offset after log compression
  const double strong = meanAlong(filter(renderFull(bright)).maps.strength, {80, 71.5f}, {200, 140.5f});
  const double weak = meanAlong(filter(renderFull(dim)).maps.strength, {80, 71.5f}, {200, 140.5f});
  EXPECT_NEAR(weak / strong, 1.0, 0.1);
}

TEST(RidgeFilter, TheRidgeOutsideTheMaskComesFromTheWholeFramesHessian) {
  test::SyntheticScene scene = speckle();
  scene.needles.push_back({{60, 60}, {220, 152}, 8.0});  // 29.9°
  cv::Mat grey;
  cv::resize(renderFull(scene), grey, cv::Size(320, 240), 0, 0, cv::INTER_AREA);
  cv::Mat greyF;
  grey.convertTo(greyF, CV_32F);
  cv::Mat leftHalf(grey.size(), CV_8U, cv::Scalar(0));
  leftHalf.colRange(0, 130).setTo(255);
  cv::Mat everywhere(grey.size(), CV_8U, cv::Scalar(255));
  RidgeMaps masked, whole;
  RidgeFilter(1.5, 95.0).apply(greyF, leftHalf, masked);
  RidgeFilter(1.5, 95.0).apply(greyF, everywhere, whole);
  const int x = 180, y = 129;  // On the needle, right of the mask.
  EXPECT_EQ(masked.strength.at<float>(y, x), 0.0f) << "the map stays empty outside the mask";
  const RidgeSample outside = masked.at(x, y);
  EXPECT_GT(outside.strength, 2.0f);
  EXPECT_LT(core::orientationDifferenceDeg(outside.orientationDeg, 29.9), 4.0);
  // In units of the masked half's speckle, which is the same speckle as the whole frame's.
  EXPECT_NEAR(outside.strength / whole.at(x, y).strength, 1.0, 0.15);
  EXPECT_EQ(masked.at(60, 60).strength, masked.strength.at<float>(60, 60)) << "inside: the map itself";
}

TEST(RidgeFilter, RejectsScalesOutOfRange) {
  EXPECT_THROW(RidgeFilter(0.0, 95.0), std::invalid_argument);
  EXPECT_THROW(RidgeFilter(1.5, 100.0), std::invalid_argument);
}

}  // namespace
}  // namespace hipguide::tracking
