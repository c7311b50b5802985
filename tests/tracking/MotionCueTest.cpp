#include "LineGeometry.h"
#include "MotionCue.h"
#include "SyntheticScene.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

namespace hipguide::tracking {
namespace {

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
  MotionCue motion(0.2);
  const cv::Mat still = test::renderScene(scene(3));
  EXPECT_EQ(cv::countNonZero(motion.update(withNoise(still, 1), mask)), 0)
      << "nothing to compare on the first frame";
  motion.update(withNoise(still, 2), mask);
  test::SyntheticScene withNeedle = scene(3);
  withNeedle.needles.push_back({{40, 40}, {200, 130}, 8.0});
  const cv::Mat& change = motion.update(withNoise(test::renderScene(withNeedle), 3), mask);
  EXPECT_GT(motion.meanAlong({60, 51.3f}, {180, 118.8f}), 5.0);
  EXPECT_LT(motion.meanAlong({40, 200}, {280, 200}), 1.5);
  EXPECT_EQ(change.size(), mask.size());
}

TEST(MotionCue, ProbeMotionChangesEverythingAndSinglesOutNothing) {
  const cv::Mat mask(240, 320, CV_8U, cv::Scalar(255));
  MotionCue motion(0.2);
  motion.update(asFloat(test::renderScene(scene(3))), mask);
  test::SyntheticScene moved = scene(4);  // new speckle everywhere: the probe slid
  moved.needles.push_back({{40, 40}, {200, 130}, 8.0});
  motion.update(asFloat(test::renderScene(moved)), mask);
  const double onNeedle = motion.meanAlong({60, 51.3f}, {180, 118.8f});
  const double elsewhere = motion.meanAlong({40, 200}, {280, 200});
  EXPECT_LT(onNeedle, 4.0);
  EXPECT_GT(elsewhere, 0.3);
}

TEST(MotionCue, RejectsRatesOutOfRange) {
  EXPECT_THROW(MotionCue(0.0), std::invalid_argument);
  EXPECT_THROW(MotionCue(1.5), std::invalid_argument);
}

}  // namespace
}  // namespace hipguide::tracking
