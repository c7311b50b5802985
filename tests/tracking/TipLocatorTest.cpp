#include "StagePipeline.h"
#include "SyntheticScene.h"
#include "TipLocator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hipguide::tracking {
namespace {

/// Distance of the located tip from the drawn tip, for a needle drawn with `bevelGain`.
double tipErrorPx(double bevelGain, std::uint64_t seed) {
  test::SyntheticScene scene;
  scene.size = {320, 240};
  scene.speckleSeed = seed;
  test::SyntheticNeedle needle{{90, 70}, {190, 127.7f}, 8.0};
  needle.bevelGain = bevelGain;
  scene.needles.push_back(needle);
  test::StagePipeline pipeline;
  const auto candidates = pipeline.run(scene);
  const ShaftCandidate* best = test::bestAccepted(candidates);
  if (!best) return 1e9;
  TipConfig config = pipeline.config.tip;
  config.displayRangeDb = test::kSceneDynamicRangeDb;
  TipLocator locator(config);
  const TipLocation tip =
      locator.locate(best->line, best->endT, pipeline.work.greyF(), pipeline.sector.sector());
  EXPECT_TRUE(tip.fromProfile);
  EXPECT_GT(tip.contrast, 10.0);
  return cv::norm(best->line.at(tip.tipT) - needle.tip);
}

/// The tip on a horizontal shaft along row 10 from x = 10 (t = x − 10) of a constructed image,
/// with default settings and the whole image as the sector.
TipLocation locateOnRow10(const cv::Mat& image, float ridgeEndT,
                          float limitT = std::numeric_limits<float>::infinity()) {
  const cv::Mat sector(image.size(), CV_8U, cv::Scalar(255));
  TipLocator locator(TipConfig{});
  return locator.locate(Line{{10, 10}, {1, 0}}, ridgeEndT, image, sector, limitT);
}

TEST(TipLocator, FindsTheEndOfTheShaftWithinAPixel) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) EXPECT_LT(tipErrorPx(1.0, seed), 1.0) << "seed " << seed;
}

TEST(TipLocator, ABrightBevelMovesTheTipLittle) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) EXPECT_LT(tipErrorPx(1.8, seed), 1.5) << "seed " << seed;
}

TEST(TipLocator, BrightTissuePastTheTipDoesNotCarryItOn) {
  // Shaft (grey 200) up to t = 40 (x = 50), then 6 px of tissue of grey 150 (above the midpoint
  // 125 between the shaft and the dark background 50 that follows).
  cv::Mat image(100, 100, CV_32F, cv::Scalar(50));
  image(cv::Rect(10, 8, 40, 5)).setTo(200);
  image(cv::Rect(50, 8, 6, 5)).setTo(150);
  EXPECT_NEAR(locateOnRow10(image, 40.0f).tipT, 40.0f, TipConfig{}.maxShiftPx);
}

/// Tip found on a horizontal shaft whose echo amplitude is a step at x = 60 (t = 50) blurred by
/// a Gaussian beam (σ 2 px), 30 dB above the background, shown log-compressed over 60 dB.
float tipOfLogCompressedEdge(double displayRangeDb) {
  cv::Mat image(40, 120, CV_32F);
  for (int x = 0; x < image.cols; ++x) {
    const double shaft = 0.5 * std::erfc((x - 60.0) / (2.0 * std::sqrt(2.0)));
    const double amplitude = 0.03 + shaft;
    image.col(x).setTo(std::clamp(255.0 * (1.0 + 20.0 * std::log10(amplitude) / 60.0), 0.0, 255.0));
  }
  image(cv::Rect(0, 0, 120, 8)).setTo(255.0 * 0.5);  // tissue above and below the shaft
  image(cv::Rect(0, 13, 120, 27)).setTo(255.0 * 0.5);
  const cv::Mat sector(40, 120, CV_8U, cv::Scalar(255));
  TipConfig config;
  config.displayRangeDb = displayRangeDb;
  TipLocator locator(config);
  const TipLocation tip = locator.locate(Line{{10, 10}, {1, 0}}, 52.0f, image, sector);
  EXPECT_TRUE(tip.fromProfile);
  return tip.tipT;
}

TEST(TipLocator, PutsTheTipAtHalfTheEchoNotHalfTheGreyOfALogCompressedEdge) {
  EXPECT_NEAR(tipOfLogCompressedEdge(60.0), 50.0f, 0.3f);
  EXPECT_GT(tipOfLogCompressedEdge(0.0), 51.5f) << "the grey midpoint lies in the blur's tail";
}

TEST(TipLocator, ADipInTheShaftJustBeforeItsEndDoesNotShortenIt) {
  // Shaft (grey 200) from x = 10 to 70 (t = 60) with a 5 px dip to 90 at x = 61-65 (t = 51-55),
  // background 50.
  cv::Mat image(100, 120, CV_32F, cv::Scalar(50));
  image(cv::Rect(10, 8, 60, 5)).setTo(200);
  image(cv::Rect(61, 8, 5, 5)).setTo(90);
  const TipLocation tip = locateOnRow10(image, 60.0f);
  EXPECT_TRUE(tip.fromProfile);
  EXPECT_GT(tip.tipT, 57.0f) << "the tip is past the dip, at the shaft's end";
}

TEST(TipLocator, EndsBeforeAStructureTheTipHasReached) {
  // Shaft (grey 200) to x = 60 (t = 50), then a bone cortex (grey 190) at x = 60-63, then shadow.
  cv::Mat image(40, 120, CV_32F, cv::Scalar(60));
  image(cv::Rect(10, 8, 50, 5)).setTo(200);
  image(cv::Rect(60, 0, 4, 40)).setTo(190);
  image(cv::Rect(64, 0, 56, 40)).setTo(5);
  EXPECT_NEAR(locateOnRow10(image, 50.0f, 50.0f).tipT, 50.0f, 1.0f);
  EXPECT_GT(locateOnRow10(image, 50.0f).tipT, 52.5f) << "without the limit, over the cortex";
}

/// TipLocation::endToShaftContrast of a horizontal shaft on background 50 ending at t = 60
/// (x = 70) whose brightness falls linearly from 200 to `endGrey` over its last 40 px.
double endToShaftContrastOf(float endGrey) {
  cv::Mat image(100, 120, CV_32F, cv::Scalar(50));
  for (int x = 10; x < 70; ++x) {
    const float fade = std::clamp((float(x) - 30.0f) / 40.0f, 0.0f, 1.0f);
    image(cv::Rect(x, 8, 1, 5)).setTo(200.0f + fade * (endGrey - 200.0f));
  }
  return locateOnRow10(image, 60.0f).endToShaftContrast;
}

TEST(TipLocator, TellsATipFromAShaftFadingOutOfTheSlice) {
  EXPECT_NEAR(endToShaftContrastOf(200.0f), 1.0, 0.05) << "full brightness up to the tip";
  EXPECT_LT(endToShaftContrastOf(80.0f), 0.5) << "fading toward the end";
}

TEST(TipLocator, KeepsTheRidgeEndWithoutContrast) {
  const cv::Mat flat(100, 100, CV_32F, cv::Scalar(100));
  const TipLocation tip = locateOnRow10(flat, 40.0f);
  EXPECT_FALSE(tip.fromProfile);
  EXPECT_EQ(tip.tipT, 40.0f);
}

}  // namespace
}  // namespace hipguide::tracking
