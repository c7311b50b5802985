#include "AcrossContrast.h"
#include "StagePipeline.h"
#include "SyntheticScene.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace hipguide::tracking {
namespace {

/// The speckle scene of the stage tests (no sector), optionally with a 30° needle.
test::StagePipeline& renderedScene(test::StagePipeline& pipeline, bool needle) {
  test::SyntheticScene scene;
  scene.size = {320, 240};
  scene.sector = false;
  scene.speckleSeed = 41;
  if (needle) scene.needles.push_back({{60, 60}, {200, 140.8f}, 8.0});
  pipeline.run(scene);
  return pipeline;
}

const Line kNeedleLine{{60, 60}, {0.866f, 0.495f}};

TEST(AcrossContrast, ANeedleStandsOutAgainstTheTissueOnBothSides) {
  test::StagePipeline pipeline;
  renderedScene(pipeline, true);
  AcrossContrast across(3.0f, 6.0f, 2.0);
  const AcrossContrastResult result =
      across.measure(kNeedleLine, 10.0f, 150.0f, pipeline.work.greyF(), pipeline.sector.sector());
  EXPECT_GT(result.samples, 100);
  EXPECT_GT(result.aboveSigma, 3.5);
  EXPECT_GT(result.belowSigma, 3.5);
  EXPECT_GT(result.spreadGrey, 2.0);
}

TEST(AcrossContrast, SpeckleAloneIsNoContrast) {
  test::StagePipeline pipeline;
  renderedScene(pipeline, false);
  AcrossContrast across(3.0f, 6.0f, 2.0);
  const AcrossContrastResult result =
      across.measure(kNeedleLine, 10.0f, 150.0f, pipeline.work.greyF(), pipeline.sector.sector());
  EXPECT_LT(result.weakerSigma(), 1.5);
}

TEST(AcrossContrast, TheEdgeOfABrightRegionStandsOutOnOneSideOnly) {
  // Dark tissue above row 100, bright tissue below it, both with the same noise.
  cv::Mat grey(200, 200, CV_32F);
  cv::randn(grey, 0.0, 8.0);
  grey.rowRange(0, 100) += 60.0f;
  grey.rowRange(100, 200) += 150.0f;
  const cv::Mat sector(grey.size(), CV_8U, cv::Scalar(255));
  AcrossContrast across(3.0f, 6.0f, 2.0);
  const AcrossContrastResult result = across.measure({{20, 99.5f}, {1, 0}}, 0.0f, 160.0f, grey, sector);
  EXPECT_GT(result.aboveSigma, 5.0);
  EXPECT_LT(result.belowSigma, 1.0);
  EXPECT_LT(result.weakerSigma(), 1.0);
}

TEST(AcrossContrast, CountsOnlyPositionsWithBothSidesInsideTheSector) {
  cv::Mat grey(100, 100, CV_32F, cv::Scalar(50.0f));
  cv::Mat sector = cv::Mat::zeros(grey.size(), CV_8U);
  sector.colRange(0, 40).setTo(255);
  AcrossContrast across(3.0f, 6.0f, 2.0);
  const AcrossContrastResult result = across.measure({{0, 50}, {1, 0}}, 0.0f, 99.0f, grey, sector);
  EXPECT_EQ(result.samples, 40);
  EXPECT_DOUBLE_EQ(result.spreadGrey, 2.0) << "a uniform region is divided by the floor";
  EXPECT_EQ(across.measure({{0, 50}, {1, 0}}, 60.0f, 99.0f, grey, sector).samples, 0);
}

TEST(AcrossContrast, RejectsInvalidSettings) {
  EXPECT_THROW(AcrossContrast(0.5f, 6.0f, 2.0), std::invalid_argument);
  EXPECT_THROW(AcrossContrast(6.0f, 3.0f, 2.0), std::invalid_argument);
  EXPECT_THROW(AcrossContrast(3.0f, 6.0f, 0.0), std::invalid_argument);
}

}  // namespace
}  // namespace hipguide::tracking
