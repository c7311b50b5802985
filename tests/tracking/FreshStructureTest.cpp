#include "FreshStructure.h"
#include "LineGeometry.h"
#include "SyntheticScene.h"

#include <hipguide/core/Geometry.h>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <stdexcept>

namespace hipguide::tracking {
namespace {

constexpr double kInterval = 1.0 / 12.0;  ///< A still probe's frame rate in the real recordings.
constexpr float kStepPx = 3.0f;           ///< Needle advance per frame.
/// The scene's lateral point-spread (σ 3 px) smears the tip this far along a 30° needle.
constexpr float kTipSmearPx = 10.0f;
const cv::Size kSize{320, 240};
const cv::Mat kMask(kSize, CV_8U, cv::Scalar(255));

struct StillScene {
  bool fascia = false;  ///< Two bright layers across the needle's path, brighter than the needle.
  std::uint64_t speckleSeed = 3;
};

/// Still tissue with the given needles, plus a little electronic noise (seeded per frame).
cv::Mat stillFrame(const StillScene& still, const std::vector<test::SyntheticNeedle>& needles,
                   int noiseSeed) {
  test::SyntheticScene scene;
  scene.size = kSize;
  scene.sector = false;
  scene.speckleSeed = still.speckleSeed;
  scene.needles = needles;
  if (still.fascia) {
    scene.interfaces.push_back({{0, 30}, {319, 34}, 9.0});
    scene.interfaces.push_back({{0, 60}, {319, 57}, 9.0});
  }
  cv::Mat grey;
  test::renderScene(scene).convertTo(grey, CV_32F);
  cv::Mat noise(kSize, CV_32F);
  cv::RNG(noiseSeed).fill(noise, cv::RNG::NORMAL, 0.0, 2.0);
  return grey + noise;
}

/// A needle entering at the top left at 30°, `lengthPx` in, with two reverberation copies below.
test::SyntheticNeedle needleIn(float lengthPx) {
  const cv::Point2f entry{20.0f, 10.0f};
  const auto radians = static_cast<float>(core::degToRad(30.0));
  return {entry, entry + cv::Point2f(std::cos(radians), std::sin(radians)) * lengthPx, 6.0, 2};
}

/// `stillFrames` frames of still tissue, then `needleFrames` with the needle advancing kStepPx a
/// frame; the last update's result.
std::optional<FreshSegment> advance(FreshStructure& fresh, const StillScene& scene, int stillFrames,
                                    int needleFrames) {
  std::optional<FreshSegment> segment;
  int seed = 0;
  for (int i = 0; i < stillFrames; ++i)
    segment = fresh.update(stillFrame(scene, {}, ++seed), kMask, kInterval);
  for (int i = 1; i <= needleFrames; ++i)
    segment = fresh.update(stillFrame(scene, {needleIn(kStepPx * float(i))}, ++seed), kMask, kInterval);
  return segment;
}

/// Where the true tip lies along the segment's line, relative to its deep end (pixels).
float tipBeforeDeepEnd(const FreshSegment& segment, const cv::Point2f& tip) {
  return segment.endT - segment.line.positionOf(tip);
}

TEST(FreshStructure, FindsANeedleEnteringStillTissueOnItsShaftNotItsReverberation) {
  FreshStructure fresh{FreshConfig{}};
  const std::optional<FreshSegment> segment = advance(fresh, {}, 20, 25);
  ASSERT_TRUE(segment.has_value());
  const test::SyntheticNeedle truth = needleIn(kStepPx * 25.0f);
  EXPECT_NEAR(segment->line.angleDeg(), 30.0, 1.5);
  // The copies 5 and 10 px below widen the blob (12 px); its crest stays on the shaft.
  EXPECT_GT(segment->widthPx, 8.0);
  EXPECT_LT(std::abs(segment->line.offsetOf(0.5f * (truth.entry + truth.tip))), 1.5f);
  EXPECT_GE(tipBeforeDeepEnd(*segment, truth.tip), 0.0f);
  EXPECT_LE(tipBeforeDeepEnd(*segment, truth.tip), kTipSmearPx);
  EXPECT_GT(segment->line.direction.y, 0.0f) << "pointing down the image";
  EXPECT_LE(segment->residualPx, FreshConfig{}.maxResidualPx);
  EXPECT_GT(segment->evidence, segment->lengthPx()) << "at least twice the threshold along most of it";
}

TEST(FreshStructure, JoinsTheNeedlesPiecesAcrossBrightLayersItCrosses) {
  // The layers outshine the needle where it crosses them, so its fresh blob breaks there; the
  // largest piece lies between them (from y 29). The pieces on its line are joined. Just below a
  // layer the crest follows the layer's edge a little, so the line is a few degrees flatter.
  const test::SyntheticNeedle truth = needleIn(kStepPx * 25.0f);
  FreshStructure fresh{FreshConfig{}};
  const std::optional<FreshSegment> segment = advance(fresh, {.fascia = true}, 20, 25);
  ASSERT_TRUE(segment.has_value());
  EXPECT_LT(segment->line.at(segment->startT).y, 15.0f) << "from where the needle enters";
  EXPECT_NEAR(segment->line.angleDeg(), 30.0, 4.0);
  EXPECT_LT(std::abs(segment->line.offsetOf(truth.tip)), 2.0f);
  EXPECT_GE(tipBeforeDeepEnd(*segment, truth.tip), 0.0f);
  EXPECT_LE(tipBeforeDeepEnd(*segment, truth.tip), kTipSmearPx);
}

TEST(FreshStructure, ItsSpreadIgnoresTheNeedlesOwnPixels) {
  FreshStructure fresh{FreshConfig{}};
  advance(fresh, {}, 20, 0);
  const double withoutNeedle = fresh.spreadGrey();
  EXPECT_LT(withoutNeedle, 3.0) << "electronic noise of 2 grey against a 3 s background";
  advance(fresh, {}, 0, 30);
  EXPECT_LT(fresh.spreadGrey(), withoutNeedle + 0.5);
  EXPECT_DOUBLE_EQ(fresh.thresholdGrey(), FreshConfig{}.minThresholdGrey)
      << "2.2 spreads are under the floor";
}

TEST(FreshStructure, ReportsNothingWhileTheProbeMoves) {
  FreshStructure fresh{FreshConfig{}};
  std::optional<FreshSegment> segment;
  for (int i = 1; i <= 30; ++i) {  // new speckle every frame: the probe slides over the tissue
    const StillScene sliding{.speckleSeed = 100u + std::uint64_t(i)};
    segment = fresh.update(stillFrame(sliding, {needleIn(kStepPx * float(i))}, i), kMask, kInterval);
    EXPECT_FALSE(segment.has_value()) << "frame " << i;
  }
  EXPECT_GT(fresh.spreadGrey(), FreshConfig{}.maxSpreadGrey);
}

TEST(FreshStructure, ARoundSpotHasNoLine) {
  FreshStructure fresh{FreshConfig{}};
  advance(fresh, {}, 20, 0);
  cv::Mat frame = stillFrame({}, {}, 50);
  cv::Mat spot = cv::Mat::zeros(kSize, CV_32F);
  cv::circle(spot, {160, 120}, 6, cv::Scalar(80), cv::FILLED);
  cv::GaussianBlur(spot, spot, cv::Size(0, 0), 1.5);
  EXPECT_FALSE(fresh.update(frame + spot, kMask, kInterval).has_value());
  EXPECT_FALSE(fresh.update(stillFrame({}, {}, 51), kMask, kInterval).has_value()) << "nothing fresh";
}

TEST(FreshStructure, NothingBeforeItHasABackground) {
  FreshStructure fresh{FreshConfig{}};
  EXPECT_FALSE(fresh.update(stillFrame({}, {needleIn(60.0f)}, 1), kMask, kInterval).has_value());
  EXPECT_TRUE(std::isinf(fresh.thresholdGrey()));
  advance(fresh, {}, 2, 0);
  EXPECT_TRUE(std::isfinite(fresh.spreadGrey()));
  fresh.reset();
  EXPECT_TRUE(std::isinf(fresh.spreadGrey()));
}

TEST(FreshStructure, CanBeSwitchedOff) {
  FreshConfig config;
  config.enabled = false;
  FreshStructure fresh{config};
  EXPECT_FALSE(advance(fresh, {}, 20, 25).has_value());
  EXPECT_TRUE(std::isfinite(fresh.spreadGrey())) << "the background is still kept";
}

TEST(FreshStructure, RejectsAMemoryThatIsNotPositive) {
  FreshConfig config;
  config.memoryS = 0.0;
  EXPECT_THROW(FreshStructure{config}, std::invalid_argument);
}

}  // namespace
}  // namespace hipguide::tracking
