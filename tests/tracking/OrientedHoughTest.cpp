#include "OrientedHough.h"
#include "RidgeFilter.h"

#include <hipguide/core/Geometry.h>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

namespace hipguide::tracking {
namespace {

TEST(OrientedHough, FindsEachLineOnceWithItsAngleAndPosition) {
  cv::Mat grey(240, 320, CV_8U, cv::Scalar(80));
  cv::line(grey, {30, 40}, {250, 167}, cv::Scalar(230), 2, cv::LINE_AA);   // 30°
  cv::line(grey, {280, 30}, {180, 203}, cv::Scalar(230), 2, cv::LINE_AA);  // 120°
  cv::Mat greyF;
  grey.convertTo(greyF, CV_32F);
  cv::RNG(5).fill(greyF, cv::RNG::NORMAL, 80.0, 6.0);
  cv::Mat lines;
  grey.convertTo(lines, CV_32F);
  greyF = 0.5 * greyF + 0.5 * lines;
  RidgeMaps maps;
  RidgeFilter(1.5, 95.0).apply(greyF, cv::Mat(grey.size(), CV_8U, cv::Scalar(255)), maps);
  OrientedHough hough(1.5, 6.0, 4.0);
  const std::vector<HoughPeak> peaks = hough.peaks(maps, 4);
  ASSERT_GE(peaks.size(), 2u);
  const auto matches = [](const HoughPeak& peak, double angleDeg, cv::Point2f through) {
    return core::orientationDifferenceDeg(peak.line.angleDeg(), angleDeg) < 2.0 &&
           std::abs(peak.line.offsetOf(through)) < 2.0f;
  };
  const bool firstThenSecond =
      matches(peaks[0], 30.0, {140, 103.5f}) && matches(peaks[1], 120.0, {230, 116.5f});
  const bool secondThenFirst =
      matches(peaks[1], 30.0, {140, 103.5f}) && matches(peaks[0], 120.0, {230, 116.5f});
  EXPECT_TRUE(firstThenSecond || secondThenFirst);
  EXPECT_GE(peaks[0].votes, peaks[1].votes);
}

TEST(OrientedHough, BlankImageGivesNoPeaks) {
  RidgeMaps maps;
  maps.strength = cv::Mat::zeros(100, 100, CV_32F);
  maps.orientationDeg = cv::Mat::zeros(100, 100, CV_32F);
  EXPECT_TRUE(OrientedHough(1.5, 6.0, 4.0).peaks(maps, 5).empty());
}

}  // namespace
}  // namespace hipguide::tracking
