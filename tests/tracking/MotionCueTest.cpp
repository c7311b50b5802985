#include "LineGeometry.h"
#include "MotionCue.h"
#include "SyntheticScene.h"

#include <gtest/gtest.h>
#include <cmath>
#include <cstdio>
#include <opencv2/imgproc.hpp>

namespace hipguide::tracking {
namespace {

constexpr double kInterval = 0.05;

cv::Mat asFloat(const cv::Mat& grey) {
  cv::Mat result;
  grey.convertTo(result, CV_32F);
  return result;
}

test::SyntheticScene scene(std::uint64_t seed) {
  test::SyntheticScene s;
  s.size = {320, 240};
  s.sector = false;
  s.speckleSeed = seed;
  return s;
}

/// Tissue that does not move, with a little electronic noise, so that the mean change is not 0.
cv::Mat withNoise(const cv::Mat& grey, int seed) {
  cv::Mat noise(grey.size(), CV_32F);
  cv::RNG(seed).fill(noise, cv::RNG::NORMAL, 0.0, 3.0);
  cv::Mat result = asFloat(grey) + noise;
  return result;
}

TEST(MotionCue, AdvancingNeedleStandsOutOfStillTissue) {
  const cv::Mat mask(240, 320, CV_8U, cv::Scalar(255));
  MotionCue motion(0.2, kInterval);
  const cv::Mat still = test::renderScene(scene(3));
  EXPECT_EQ(cv::countNonZero(motion.update(withNoise(still, 1), mask, kInterval)), 0)
      << "nothing to compare on the first frame";
  motion.update(withNoise(still, 2), mask, kInterval);
  test::SyntheticScene withNeedle = scene(3);
  withNeedle.needles.push_back({{40, 40}, {200, 130}, 8.0});
  const cv::Mat& change = motion.update(withNoise(test::renderScene(withNeedle), 3), mask, kInterval);
  EXPECT_GT(motion.meanAlong({60, 51.3f}, {180, 118.8f}), 5.0);
  EXPECT_LT(motion.meanAlong({40, 200}, {280, 200}), 1.5);
  EXPECT_EQ(change.size(), mask.size());
}

TEST(MotionCue, ProbeMotionChangesEverythingAndSinglesOutNothing) {
  const cv::Mat mask(240, 320, CV_8U, cv::Scalar(255));
  MotionCue motion(0.2, kInterval);
  motion.update(asFloat(test::renderScene(scene(3))), mask, kInterval);
  test::SyntheticScene moved = scene(4);  // new speckle everywhere: the probe slid
  moved.needles.push_back({{40, 40}, {200, 130}, 8.0});
  motion.update(asFloat(test::renderScene(moved)), mask, kInterval);
  const double onNeedle = motion.meanAlong({60, 51.3f}, {180, 118.8f});
  const double elsewhere = motion.meanAlong({40, 200}, {280, 200});
  EXPECT_LT(onNeedle, 4.0);
  EXPECT_GT(elsewhere, 0.3);
}

TEST(MotionCue, AFasterStreamKeepsTheBackgroundsMemoryInTime) {
  const MotionCue motion(0.2, kInterval);
  EXPECT_DOUBLE_EQ(motion.rateFor(kInterval), 0.2);
  // Two frames half as far apart leave as much of the old background as one.
  const double half = 1.0 - motion.rateFor(kInterval / 2);
  EXPECT_NEAR(half * half, 1.0 - 0.2, 1e-12);
  EXPECT_DOUBLE_EQ(motion.rateFor(2 * kInterval), 0.2) << "a slower stream keeps the weight per frame";
}

/// Mean change along the newest 30 px (0.15 s) of a needle advancing at 200 px/s for 0.5 s, seen at
/// `fps`, by a cue whose background weight 0.2 is meant for frames `rateIntervalS` apart.
double newestShaftChange(double fps, double rateIntervalS) {
  const cv::Mat mask(240, 320, CV_8U, cv::Scalar(255));
  MotionCue motion(0.2, rateIntervalS);
  const cv::Point2f entry(40, 40), direction(0.866f, 0.5f);
  const int frames = static_cast<int>(std::lround(0.5 * fps));
  cv::Point2f tip = entry;
  for (int i = 0; i <= frames; ++i) {
    test::SyntheticScene withNeedle = scene(3);
    tip = entry + direction * float(40.0 + 200.0 * i / fps);
    withNeedle.needles.push_back({entry, tip, 8.0});
    motion.update(withNoise(test::renderScene(withNeedle), i), mask, 1.0 / fps);
  }
  return motion.meanAlong(tip - direction * 32.0f, tip - direction * 2.0f);
}

TEST(MotionCue, ANeedleAdvancingAtTheSameSpeedStandsOutAsMuchAtFortyFramesPerSecond) {
  const double at20 = newestShaftChange(20.0, kInterval);
  const double at40 = newestShaftChange(40.0, kInterval);
  const double at40PerFrame = newestShaftChange(40.0, 1.0 / 40.0);  // Control: the weight per frame.
  EXPECT_GT(at40, 0.9 * at20);
  EXPECT_LT(at40PerFrame, 0.8 * at20);
  std::printf("newest shaft change: 20 fps %.2f, 40 fps %.2f, 40 fps with the weight per frame %.2f\n", at20,
              at40, at40PerFrame);
}

TEST(MotionCue, RejectsRatesOutOfRange) {
  EXPECT_THROW(MotionCue(0.0, kInterval), std::invalid_argument);
  EXPECT_THROW(MotionCue(1.5, kInterval), std::invalid_argument);
  EXPECT_THROW(MotionCue(0.2, 0.0), std::invalid_argument);
}

}  // namespace
}  // namespace hipguide::tracking
