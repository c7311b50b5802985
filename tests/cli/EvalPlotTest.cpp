/// `hipguide-cli eval --plot`: the track against its truth over time, as a PNG.

#include <opencv2/imgcodecs.hpp>

#include <gtest/gtest.h>

#include <fstream>

#include "CliRunner.h"
#include "TestData.h"

using namespace hipguide;

namespace {

/// Ten frames at 20 fps: no needle in frames 1-3 (reported in frame 2: a false positive), the
/// needle visible in frames 4-10 (missed in frame 8), tip errors 0.2-0.4 mm.
void writeTrackAndTruth(const std::filesystem::path& track, const std::filesystem::path& truth) {
  std::ofstream trackOut(track), truthOut(truth);
  trackOut << "frame,timestamp_s,detected,tip_x_mm,tip_y_mm,angle_deg,confidence\n";
  truthOut << "frame,timestamp_s,needle_visible,tip_x_mm,tip_y_mm,angle_deg,visible_length_mm\n";
  for (int frame = 1; frame <= 10; ++frame) {
    const double time = 0.05 * (frame - 1);
    const bool visible = frame >= 4;
    const bool detected = frame == 2 || (visible && frame != 8);
    truthOut << frame << "," << time << "," << visible << ",20,30,35,12\n";
    trackOut << frame << "," << time << "," << detected << "," << 20.0 + 0.1 * (frame % 3 + 2)
             << ",30,35,0.9\n";
  }
}

/// Columns of `image` holding pixels of exactly `colour` (BGR).
std::vector<int> columnsOf(const cv::Mat& image, cv::Vec3b colour) {
  std::vector<int> columns;
  for (int x = 0; x < image.cols; ++x)
    for (int y = 0; y < image.rows; ++y)
      if (image.at<cv::Vec3b>(y, x) == colour) {
        columns.push_back(x);
        break;
      }
  return columns;
}

}  // namespace

TEST(EvalPlot, DrawsVisibleStretchesMissesAndFalsePositivesInTime) {
  const auto dir = test::freshTempDir();
  writeTrackAndTruth(dir / "track.csv", dir / "truth.csv");
  const auto png = dir / "plot.png";
  const test::CliResult result = test::runCli("eval --track " + (dir / "track.csv").string() + " --truth " +
                                              (dir / "truth.csv").string() + " --plot " + png.string());
  ASSERT_EQ(result.exitCode, 0) << result.output;
  EXPECT_NE(result.output.find("detection rate:      85.71 %"), std::string::npos) << result.output;
  const cv::Mat image = cv::imread(png.string(), cv::IMREAD_COLOR);
  ASSERT_FALSE(image.empty()) << "no PNG at " << png;
  EXPECT_EQ(image.cols, 1400);
  EXPECT_EQ(image.rows, 420);
  const std::vector<int> visible = columnsOf(image, {205, 235, 205});
  const std::vector<int> missed = columnsOf(image, {30, 150, 245});
  const std::vector<int> falsePositive = columnsOf(image, {30, 30, 215});
  ASSERT_GT(visible.size(), 100u) << "frames 4-10 shaded";
  ASSERT_FALSE(missed.empty()) << "frame 8 marked";
  ASSERT_FALSE(falsePositive.empty()) << "frame 2 marked";
  // In time order, past the legend's swatches at the top left: false positive (frame 2), then the
  // visible stretch from frame 4, the miss (frame 8) inside it.
  EXPECT_LT(falsePositive.back(), visible.back());
  EXPECT_GT(missed.back(), visible.back() - 0.6 * (visible.back() - falsePositive.back()));
  EXPECT_LT(missed.back(), visible.back());
}

TEST(EvalPlot, SaysWhenThePlotCannotBeWritten) {
  const auto dir = test::freshTempDir();
  writeTrackAndTruth(dir / "track.csv", dir / "truth.csv");
  const test::CliResult result = test::runCli("eval --track " + (dir / "track.csv").string() + " --truth " +
                                              (dir / "truth.csv").string() + " --plot " +
                                              (dir / "no-such-folder" / "plot.png").string());
  EXPECT_EQ(result.exitCode, 1) << result.output;
  EXPECT_NE(result.output.find("cannot write the plot"), std::string::npos) << result.output;
}
