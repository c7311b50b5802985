#include "StagePipeline.h"
#include "SyntheticScene.h"
#include "TipLocator.h"

#include <gtest/gtest.h>

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
  TipLocator locator(pipeline.config.tip);
  const TipLocation tip =
      locator.locate(best->line, best->endT, pipeline.work.greyF(), pipeline.sector.sector());
  EXPECT_TRUE(tip.fromProfile);
  EXPECT_GT(tip.contrast, 10.0);
  return cv::norm(best->line.at(tip.tipT) - needle.tip);
}

TEST(TipLocator, FindsTheEndOfTheShaftWithinAPixel) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) EXPECT_LT(tipErrorPx(1.0, seed), 1.0) << "seed " << seed;
}

TEST(TipLocator, ABrightBevelMovesTheTipLittle) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) EXPECT_LT(tipErrorPx(1.8, seed), 1.5) << "seed " << seed;
}

TEST(TipLocator, KeepsTheRidgeEndWithoutContrast) {
  const cv::Mat flat(100, 100, CV_32F, cv::Scalar(100));
  const cv::Mat sector(100, 100, CV_8U, cv::Scalar(255));
  TipLocator locator(TipConfig{});
  const TipLocation tip = locator.locate(Line{{10, 10}, {1, 0}}, 40.0f, flat, sector);
  EXPECT_FALSE(tip.fromProfile);
  EXPECT_EQ(tip.tipT, 40.0f);
}

}  // namespace
}  // namespace hipguide::tracking
