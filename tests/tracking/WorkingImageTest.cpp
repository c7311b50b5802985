#include "WorkingImage.h"

#include <gtest/gtest.h>

namespace hipguide::tracking {
namespace {

core::Frame blankFrame(int width, int height, double spacingXMm, double spacingYMm) {
  core::Frame frame;
  frame.width = width;
  frame.height = height;
  frame.spacingMm = {spacingXMm, spacingYMm};
  frame.grey.assign(static_cast<std::size_t>(width) * height, 100);
  return frame;
}

/// mm per working pixel of `frame` with default settings.
core::Vec2 workingSpacingOf(const core::Frame& frame) {
  const WorkingImageConfig config;
  WorkingImage work;
  work.assign(frame, workingScale(frame, config), trackingSpacingMm(frame, config));
  return work.workSpacingMm();
}

TEST(WorkingImage, HalvesAFrameWhoseWorkingPixelsFallInTheTunedRange) {
  const core::Frame frame = blankFrame(640, 480, 0.219, 0.219);
  WorkingImage work;
  work.assign(frame, workingScale(frame, WorkingImageConfig{}), frame.spacingMm);
  EXPECT_EQ(work.grey().cols, 320);
  EXPECT_EQ(work.grey().rows, 240);
  EXPECT_NEAR(work.workSpacingMm().x(), 0.438, 1e-3);
}

TEST(WorkingImage, BringsAFineLinearProbesFrameToTheFinestTunedScale) {
  // 0.104 mm per pixel (a linear probe at 50 mm): halved, a working pixel would be 0.21 mm and a
  // needle half as many working pixels wide again as the ridge scale expects.
  const WorkingImageConfig config;
  const core::Vec2 spacing = workingSpacingOf(blankFrame(640, 480, 0.104, 0.104));
  EXPECT_NEAR(spacing.x(), config.minWorkingSpacingMm, 0.01 * config.minWorkingSpacingMm);
  EXPECT_NEAR(spacing.y(), config.minWorkingSpacingMm, 0.01 * config.minWorkingSpacingMm);
}

TEST(WorkingImage, KeepsADeepFramesWorkingPixelsAtTheCoarsestTunedScale) {
  // 0.33 mm per pixel (160 mm deep): halved, 0.66 mm; instead 0.51 mm (the frame is reduced less).
  const WorkingImageConfig config;
  EXPECT_NEAR(workingSpacingOf(blankFrame(640, 480, 0.33, 0.33)).x(), config.maxWorkingSpacingMm, 0.005);
  // A frame already coarser than that is never enlarged.
  EXPECT_NEAR(workingSpacingOf(blankFrame(200, 150, 0.8, 0.8)).x(), 0.8, 1e-9);
}

TEST(WorkingImage, MakesAnisotropicPixelsSquare) {
  const core::Vec2 spacing = workingSpacingOf(blankFrame(640, 480, 0.08, 0.16));
  EXPECT_NEAR(spacing.x(), spacing.y(), 0.01 * spacing.x());
}

TEST(WorkingImage, ReducesAnUncalibratedFrameToTheWorkingWidthAtTheAssumedScale) {
  const WorkingImageConfig config;
  const core::Frame frame = blankFrame(820, 616, 1.0, 1.0);  // MetaImage's default spacing
  ASSERT_FALSE(frame.spacingCalibrated());
  WorkingImage work;
  work.assign(frame, workingScale(frame, config), trackingSpacingMm(frame, config));
  EXPECT_EQ(work.grey().cols, config.maxWidthPx);
  EXPECT_NEAR(work.workSpacingMm().x(), config.assumedWorkingSpacingMm, 1e-9);
}

TEST(WorkingImage, MapsWorkingPixelsToMillimetresAndBack) {
  const core::Frame frame = blankFrame(640, 480, 0.104, 0.104);
  WorkingImage work;
  work.assign(frame, workingScale(frame, WorkingImageConfig{}), frame.spacingMm);
  const core::Vec2 mm(23.4, 31.7);
  EXPECT_LT((work.toMm(work.fromMm(mm)) - mm).norm(), 1e-4);
}

TEST(WorkingImage, RejectsAnEmptyTunedRange) {
  WorkingImageConfig config;
  config.minWorkingSpacingMm = 0.6;
  EXPECT_THROW(checkWorkingImageConfig(config), std::invalid_argument);
  config.minWorkingSpacingMm = 0.0;
  EXPECT_THROW(checkWorkingImageConfig(config), std::invalid_argument);
  EXPECT_NO_THROW(checkWorkingImageConfig(WorkingImageConfig{}));
}

}  // namespace
}  // namespace hipguide::tracking
