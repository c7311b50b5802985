#include "SectorMask.h"
#include "SyntheticScene.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

namespace hipguide::tracking {
namespace {

test::SyntheticScene fanScene() {
  test::SyntheticScene scene;
  scene.size = {320, 240};
  return scene;
}

TEST(SectorMask, CoversTheFanAndExcludesItsEdge) {
  const cv::Mat grey = test::renderScene(fanScene());
  SectorMask sector(4, 1);
  const cv::Mat& mask = sector.update(grey);
  // Inside the fan, far from its edges.
  EXPECT_EQ(mask.at<std::uint8_t>(150, 160), 255);
  // Outside the fan (top corners are black).
  EXPECT_EQ(mask.at<std::uint8_t>(5, 5), 0);
  EXPECT_EQ(sector.sector().at<std::uint8_t>(5, 5), 0);
  // Every masked pixel is at least the margin away from a zero pixel of the frame.
  cv::Mat distance;
  cv::distanceTransform(sector.sector(), distance, cv::DIST_L2, 3);
  double minDistance = 1e9;
  for (int y = 0; y < mask.rows; ++y)
    for (int x = 0; x < mask.cols; ++x)
      if (mask.at<std::uint8_t>(y, x)) minDistance = std::min<double>(minDistance, distance.at<float>(y, x));
  EXPECT_GE(minDistance, 4.0);
}

/// The fan with a frame grabber's electronic noise over the whole frame (a few grey levels).
cv::Mat fanWithNoisyBackground() {
  cv::Mat noise(240, 320, CV_32F);
  cv::RNG(3).fill(noise, cv::RNG::NORMAL, 0.0, 3.0);
  cv::Mat fan;
  test::renderScene(fanScene()).convertTo(fan, CV_32F);
  cv::Mat noisy;
  cv::Mat(fan + noise).convertTo(noisy, CV_8U);
  return noisy;
}

TEST(SectorMask, ReadsTheBackgroundLevelInDarkCorners) {
  EXPECT_EQ(backgroundLevel(test::renderScene(fanScene())), 0) << "a digital scan's background is 0";
  const std::uint8_t level = backgroundLevel(fanWithNoisyBackground());
  EXPECT_GT(level, 3);
  EXPECT_LE(level, 16) << "the noise floor";
  EXPECT_EQ(backgroundLevel(cv::Mat(240, 320, CV_8U, cv::Scalar(60))), 0) << "tissue in every corner";
  cv::Mat marked = fanWithNoisyBackground();  // a scanner's text in every corner
  for (const cv::Point at : {cv::Point(2, 10), cv::Point(290, 10), cv::Point(2, 236), cv::Point(290, 236)})
    cv::putText(marked, "C5", at, cv::FONT_HERSHEY_SIMPLEX, 0.4, 255);
  EXPECT_EQ(backgroundLevel(marked), level) << "the marks are not background, nor do they hide it";
}

TEST(SectorMask, IsTheFanNotTheFrameWhenTheBackgroundIsNoisy) {
  SectorMask sector(4, 5);
  const cv::Mat noisy = fanWithNoisyBackground();
  for (int i = 0; i < 5; ++i) sector.update(noisy);
  SectorMask clean(4, 1);
  clean.update(test::renderScene(fanScene()));
  EXPECT_EQ(sector.mask().at<std::uint8_t>(5, 5), 0) << "the corner is not scan";
  EXPECT_EQ(sector.mask().at<std::uint8_t>(150, 160), 255);
  EXPECT_LT(cv::countNonZero(sector.sector() != clean.sector()), cv::countNonZero(clean.sector()) / 50)
      << "the same fan as without the noise, to within 2 %";
}

TEST(SectorMask, PassesOverBlankFramesBeforeTheScan) {
  // A frame grabber's first frames, before the scanner's video: black, or only noise.
  SectorMask sector(4, 2);
  cv::Mat noiseOnly(240, 320, CV_32F);
  cv::RNG(5).fill(noiseOnly, cv::RNG::NORMAL, 0.0, 3.0);
  noiseOnly.convertTo(noiseOnly, CV_8U);
  for (const cv::Mat& blank : {cv::Mat(cv::Mat::zeros(240, 320, CV_8U)), noiseOnly}) {
    const cv::Mat& mask = sector.update(blank);
    ASSERT_EQ(mask.size(), blank.size());
    EXPECT_EQ(cv::countNonZero(mask), 0) << "no sector yet";
  }
  const cv::Mat fan = test::renderScene(fanScene());
  sector.update(fan);
  EXPECT_EQ(sector.update(fan).at<std::uint8_t>(150, 160), 255) << "learned from the frames with a scan";
}

TEST(SectorMask, LearnsAgainWhenTheScanOutgrowsIt) {
  // The depth or zoom changed on the scanner while a frame grabber's image size did not: the fan
  // now reaches where the sector does not.
  SectorMask sector(4, 2);
  cv::Mat narrow = test::renderScene(fanScene());
  cv::rectangle(narrow, cv::Rect(0, 0, 110, 240), cv::Scalar(0), cv::FILLED);
  cv::rectangle(narrow, cv::Rect(210, 0, 110, 240), cv::Scalar(0), cv::FILLED);
  sector.update(narrow);
  sector.update(narrow);
  const cv::Mat wide = test::renderScene(fanScene());
  EXPECT_EQ(sector.update(wide).at<std::uint8_t>(150, 60), 0);
  EXPECT_FALSE(sector.restarted()) << "one frame may be a glitch";
  sector.update(wide);
  sector.update(wide);
  EXPECT_TRUE(sector.restarted()) << "the third frame in a row";
  sector.update(wide);
  EXPECT_FALSE(sector.restarted());
  EXPECT_EQ(sector.mask().at<std::uint8_t>(150, 60), 255) << "the wider fan, learned again";
}

TEST(SectorMask, IsNotLearnedAgainForTheScannersMarks) {
  SectorMask sector(4, 1);
  sector.update(test::renderScene(fanScene()));
  cv::Mat marked = test::renderScene(fanScene());
  cv::putText(marked, "C5-2  90 mm  G 60", {2, 12}, cv::FONT_HERSHEY_SIMPLEX, 0.4, 255);
  cv::line(marked, {315, 0}, {315, 239}, 255);
  for (int i = 0; i < 5; ++i) {
    sector.update(marked);
    EXPECT_FALSE(sector.restarted()) << "frame " << i;
  }
}

TEST(SectorMask, IsTheHullOfEchoesScatteredOverABlackImage) {
  // A water tank: wires and a few echoes, the water itself black. No one region is the scan.
  cv::Mat tank = cv::Mat::zeros(240, 320, CV_8U);
  cv::RNG rng(7);
  for (int i = 0; i < 60; ++i)
    cv::circle(tank, {rng.uniform(60, 260), rng.uniform(40, 200)}, 2, cv::Scalar(180), cv::FILLED);
  SectorMask sector(4, 1);
  sector.update(tank);
  EXPECT_EQ(sector.sector().at<std::uint8_t>(120, 160), 255) << "the water between the echoes";
  EXPECT_EQ(sector.sector().at<std::uint8_t>(120, 20), 0) << "outside them all";
}

TEST(SectorMask, KeepsDarkShadowsInsideTheSector) {
  test::SyntheticScene scene = fanScene();
  const cv::Mat grey = test::renderScene(scene);
  cv::Mat shadowed = grey.clone();
  cv::rectangle(shadowed, cv::Rect(120, 120, 60, 40), cv::Scalar(0), cv::FILLED);  // anechoic hole
  SectorMask sector(2, 1);
  EXPECT_EQ(sector.update(shadowed).at<std::uint8_t>(140, 150), 255);
}

TEST(SectorMask, LearnsOnlyDuringTheFirstFramesAndRestartsOnNewSize) {
  const cv::Mat grey = test::renderScene(fanScene());
  SectorMask sector(2, 2);
  sector.update(grey);
  sector.update(grey);
  const cv::Mat before = sector.mask().clone();
  sector.update(cv::Mat(grey.size(), CV_8U, cv::Scalar(200)));  // frozen: a full frame changes nothing
  EXPECT_EQ(cv::countNonZero(before != sector.mask()), 0);
  sector.update(cv::Mat(120, 160, CV_8U, cv::Scalar(200)));
  EXPECT_EQ(sector.mask().size(), cv::Size(160, 120));
  EXPECT_EQ(sector.mask().at<std::uint8_t>(60, 80), 255);
  EXPECT_EQ(sector.mask().at<std::uint8_t>(0, 80), 0);  // the frame border is an edge too
}

TEST(SectorMask, WidthFractionMeasuresCoverageOfARow) {
  SectorMask sector(0, 1);
  sector.update(cv::Mat(100, 201, CV_8U, cv::Scalar(100)));
  EXPECT_NEAR(sector.widthFraction(0, 100, 50), 0.5, 0.01);
  EXPECT_NEAR(sector.widthFraction(-10, 300, 50), 1.0, 1e-9);
  EXPECT_EQ(sector.widthFraction(0, 100, 500), 0.0);
}

}  // namespace
}  // namespace hipguide::tracking
