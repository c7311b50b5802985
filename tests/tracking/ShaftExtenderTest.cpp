#include "ShaftExtender.h"

#include "RidgeFilter.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

namespace hipguide::tracking {
namespace {

constexpr float kSpread = 12.0f;  ///< Speckle spread of the constructed tissue (grey levels).
/// A few pixels past the tip are harmless: the tip locator searches this far back from the end.
const float kTipReachPx = static_cast<float>(TipConfig{}.maxShiftPx);

/// Tissue of mean 60 with blurred speckle, and a horizontal shaft (grey 130) on row 40 from
/// x = 10 to `shaftEndX`; the line starts at x = 10, so t = x − 10.
cv::Mat tissueWithShaft(int shaftEndX, std::uint64_t seed) {
  cv::Mat image(80, 160, CV_32F);
  cv::RNG rng(seed);
  rng.fill(image, cv::RNG::NORMAL, 0.0, 1.0);
  cv::GaussianBlur(image, image, cv::Size(0, 0), 1.0);
  cv::Scalar mean, deviation;
  cv::meanStdDev(image, mean, deviation);
  image = (image - mean[0]) * (kSpread / deviation[0]) + 60.0;
  cv::line(image, {10, 40}, {shaftEndX, 40}, cv::Scalar(130), 1);
  return image;
}

/// Adds a bright band (grey 140, 3 px thick) from a to b, brighter than the shaft where they meet.
void addBand(cv::Mat& image, cv::Point a, cv::Point b) {
  cv::Mat band(image.size(), CV_32F, cv::Scalar(0));
  cv::line(band, a, b, cv::Scalar(140), 3);
  cv::max(image, band, image);
}

/// Ridge maps without any ridge, for the tests that do not need one.
RidgeMaps noRidges(const cv::Mat& image) {
  RidgeMaps maps;
  maps.strength = cv::Mat::zeros(image.size(), CV_32F);
  maps.orientationDeg = cv::Mat::zeros(image.size(), CV_32F);
  maps.noiseLevel = 1.0;
  return maps;
}

float extendedEnd(const cv::Mat& image, float ridgeEndT, const RidgeMaps& ridges) {
  const cv::Mat sector(image.size(), CV_8U, cv::Scalar(255));
  const ShaftExtender extender(ExtendConfig{});
  return extender.extend(Line{{10, 40}, {1, 0}}, ridgeEndT, kSpread, image, sector, ridges).endT;
}

float extendedEnd(const cv::Mat& image, float ridgeEndT) {
  return extendedEnd(image, ridgeEndT, noRidges(image));
}

TEST(ShaftExtender, FollowsAShaftThroughABrightBandThatCrossesIt) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    cv::Mat image = tissueWithShaft(110, seed);  // the needle ends at t = 100
    // Two bright bands (layers of a capsule) cross the shaft at x = 70 and 90 and hide it
    // there: its ridge ended at the first.
    addBand(image, {68, 10}, {72, 70});
    addBand(image, {88, 10}, {92, 70});
    EXPECT_NEAR(extendedEnd(image, 50.0f), 100.0f, 2.0f) << "seed " << seed;
  }
}

TEST(ShaftExtender, FollowsAShaftPastALayerLyingBesideIt) {
  const cv::Mat sector(80, 160, CV_8U, cv::Scalar(255));
  ExtendConfig twoSidedOnly;
  twoSidedOnly.oneSidedSigma = 100.0;
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    cv::Mat image = tissueWithShaft(110, seed);  // the needle ends at t = 100
    // A layer brighter than the shaft runs beside it, 4 px above, for 12 px: where the shaft
    // crosses a layer at a shallow angle, one side band lies on the layer.
    cv::line(image, {60, 36}, {72, 36}, cv::Scalar(160), 3);
    const Line line{{10, 40}, {1, 0}};
    EXPECT_NEAR(
        ShaftExtender(ExtendConfig{}).extend(line, 45.0f, kSpread, image, sector, noRidges(image)).endT,
        100.0f, 2.0f)
        << "seed " << seed;
    EXPECT_LT(ShaftExtender(twoSidedOnly).extend(line, 45.0f, kSpread, image, sector, noRidges(image)).endT,
              70.0f)
        << "seed " << seed << ": counted as a gap, the layer ends the shaft";
  }
}

TEST(ShaftExtender, DoesNotWalkOnIntoTissue) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const cv::Mat image = tissueWithShaft(70, seed);  // the needle ends at t = 60
    EXPECT_NEAR(extendedEnd(image, 60.0f), 60.0f, kTipReachPx) << "seed " << seed;
  }
}

TEST(ShaftExtender, DoesNotFollowABandAcrossTheLinePastTheTip) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    cv::Mat image = tissueWithShaft(70, seed);  // the needle ends at t = 60
    // A bright band crossing the line 10 px past the tip is as bright beside the line as on it.
    addBand(image, {70, 10}, {90, 70});
    EXPECT_NEAR(extendedEnd(image, 60.0f), 60.0f, kTipReachPx) << "seed " << seed;
  }
}

/// The bone's cortex: a thin bright line 35° from the shaft, from kCortexA to kCortexB through
/// its tip at t = 60.
const cv::Point kCortexA(30, 68), kCortexB(110, 12);

/// A needle ending at t = 60 on a bone surface: the cortex, a dark shadow below it, and the
/// needle brighter than the bone.
cv::Mat shaftOnBone(std::uint64_t seed) {
  cv::Mat image = tissueWithShaft(70, seed);
  std::vector<cv::Point> shadow = {kCortexA, kCortexB, {110, 80}, {30, 80}};
  cv::fillConvexPoly(image, shadow, cv::Scalar(5));
  cv::line(image, kCortexA, kCortexB, cv::Scalar(140), 2);
  cv::line(image, {10, 40}, {70, 40}, cv::Scalar(200), 1);
  return image;
}

TEST(ShaftExtender, StopsAtAStrongRidgeThatCrossesTheLine) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const cv::Mat image = shaftOnBone(seed);
    RidgeMaps ridges = noRidges(image);
    cv::line(ridges.strength, kCortexA, kCortexB, cv::Scalar(4.0), 1);
    cv::line(ridges.orientationDeg, kCortexA, kCortexB, cv::Scalar(145.0), 1);
    const float withRidge = extendedEnd(image, 40.0f, ridges);
    EXPECT_GE(withRidge, 57.0f) << "seed " << seed;
    EXPECT_LE(withRidge, 60.0f) << "seed " << seed << ": stops where the cortex's ridge crosses";
    const ShaftExtender extender(ExtendConfig{});
    const cv::Mat sector(image.size(), CV_8U, cv::Scalar(255));
    const ShaftEnd end = extender.extend(Line{{10, 40}, {1, 0}}, 40.0f, kSpread, image, sector, ridges);
    EXPECT_NEAR(end.structureT, 60.0f, 2.0f) << "seed " << seed << ": the cortex is reported";
    EXPECT_GE(extendedEnd(image, 40.0f), 62.0f)
        << "seed " << seed << ": without its ridge, the cortex looks like more shaft";
  }
}

TEST(ShaftExtender, StopsAtACortexInTheBandAlongTheSectorsEdgeThatTheMaskLeavesOut) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const cv::Mat image = shaftOnBone(seed);
    // The mask, eroded from the sector, leaves the cortex out where its shadow reaches the edge.
    cv::Mat mask(image.size(), CV_8U, cv::Scalar(255));
    std::vector<cv::Point> cortexBand = {{20, 80}, {104, 0}, {160, 0}, {160, 80}};
    cv::fillConvexPoly(mask, cortexBand, cv::Scalar(0));
    RidgeMaps ridges;
    RidgeFilter(1.5, 95.0).apply(image, mask, ridges);
    ASSERT_EQ(ridges.strength.at<float>(40, 70), 0.0f) << "the cortex at the tip is outside the mask";
    const float withHessian = extendedEnd(image, 40.0f, ridges);
    EXPECT_GE(withHessian, 57.0f) << "seed " << seed;
    EXPECT_LE(withHessian, 60.0f) << "seed " << seed << ": stops where the cortex crosses";
    ridges.hessianXX.release();  // Control: the masked maps alone do not see the cortex.
    EXPECT_GE(extendedEnd(image, 40.0f, ridges), 62.0f) << "seed " << seed;
  }
}

TEST(ShaftExtender, ReportsTheEndOfARunItBridgedAGapFrom) {
  const cv::Mat sector(80, 160, CV_8U, cv::Scalar(255));
  const ShaftExtender extender(ExtendConfig{});
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    cv::Mat image = tissueWithShaft(70, seed);  // the needle ends at t = 60
    // Past a 4 px gap of dark tissue, something bright lies on the line for 10 px (tissue
    // crossing it).
    cv::line(image, {71, 40}, {74, 40}, cv::Scalar(45), 1);
    cv::line(image, {75, 40}, {85, 40}, cv::Scalar(130), 1);
    const ShaftEnd end =
        extender.extend(Line{{10, 40}, {1, 0}}, 50.0f, kSpread, image, sector, noRidges(image));
    EXPECT_GE(end.endT, 73.0f) << "seed " << seed << ": the walk bridges the gap onto it";
    ASSERT_EQ(end.bridgedEnds.size(), 1u) << "seed " << seed;
    EXPECT_NEAR(end.bridgedEnds.front(), 60.0f, 2.0f) << "seed " << seed << ": where the needle ends";
    const cv::Mat whole = tissueWithShaft(110, seed);
    EXPECT_TRUE(extender.extend(Line{{10, 40}, {1, 0}}, 50.0f, kSpread, whole, sector, noRidges(whole))
                    .bridgedEnds.empty())
        << "seed " << seed << ": an unbroken shaft has no bridged gap";
  }
}

TEST(ShaftExtender, StopsAtTheSectorsEdge) {
  const cv::Mat image = tissueWithShaft(150, 1);
  cv::Mat sector(image.size(), CV_8U, cv::Scalar(255));
  sector.colRange(100, sector.cols).setTo(0);
  const ShaftExtender extender(ExtendConfig{});
  const float end =
      extender.extend(Line{{10, 40}, {1, 0}}, 50.0f, kSpread, image, sector, noRidges(image)).endT;
  EXPECT_GT(end, 80.0f);
  EXPECT_LE(end, 90.0f) << "the side bands leave the sector at x = 100";
}

TEST(ShaftExtender, RefusesAnInvalidSideBandOrContrast) {
  ExtendConfig bands;
  bands.sideFromPx = 5.0f;
  bands.sideToPx = 2.0f;
  EXPECT_THROW(ShaftExtender{bands}, std::invalid_argument);
  ExtendConfig cost;
  cost.costSigma = 0.0;
  EXPECT_THROW(ShaftExtender{cost}, std::invalid_argument);
  ExtendConfig oneSided;
  oneSided.oneSidedSigma = 0.0;
  EXPECT_THROW(ShaftExtender{oneSided}, std::invalid_argument);
}

}  // namespace
}  // namespace hipguide::tracking
