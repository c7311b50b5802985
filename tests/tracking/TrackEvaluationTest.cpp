#include "TestData.h"

#include <hipguide/tracking/TrackCsv.h>
#include <hipguide/tracking/TrackEvaluation.h>

#include <gtest/gtest.h>

#include <fstream>

namespace hipguide::tracking {
namespace {

TEST(TrackEvaluation, CountsDetectionsFalsePositivesAndErrors) {
  std::vector<TruthRow> truth;
  std::vector<TrackRow> track;
  for (int i = 0; i < 10; ++i) {
    const bool visible = i >= 4;
    truth.push_back({i, i * 0.05, visible, 10.0 + i, 20.0, 30.0, visible ? 12.0 : 0.0});
    // Frames 0-3: no needle, one false positive (frame 1). Frames 4-9: visible, frame 9 missed;
    // tip errors 0.1 .. 0.5 mm, angle errors 1 .. 5°.
    const bool detected = i == 1 || (visible && i != 9);
    const double error = visible ? 0.1 * (i - 3) : 0.0;
    track.push_back({i, i * 0.05, detected, 10.0 + i + error, 20.0, 30.0 + 10 * error, 0.9});
  }
  const AccuracyReport report = evaluateTrack(track, truth);
  EXPECT_EQ(report.visibleFrames, 6);
  EXPECT_EQ(report.detectedVisibleFrames, 5);
  EXPECT_EQ(report.invisibleFrames, 4);
  EXPECT_EQ(report.falsePositiveFrames, 1);
  EXPECT_NEAR(report.detectionRate, 5.0 / 6.0, 1e-12);
  EXPECT_NEAR(report.falsePositiveRate, 0.25, 1e-12);
  EXPECT_NEAR(report.tipErrorMedianMm, 0.3, 1e-9);
  EXPECT_NEAR(report.tipErrorP95Mm, 0.48, 1e-9);
  EXPECT_NEAR(report.angleErrorMedianDeg, 3.0, 1e-9);
}

TEST(TrackEvaluation, MissingTrackRowsCountAsNotDetected) {
  const std::vector<TruthRow> truth = {{0, 0.0, true, 1, 1, 10, 8}, {1, 0.05, true, 1, 1, 10, 8}};
  const std::vector<TrackRow> track = {{0, 0.0, true, 1, 1, 10, 0.9}};
  const AccuracyReport report = evaluateTrack(track, truth);
  EXPECT_EQ(report.framesWithoutTrack, 1);
  EXPECT_NEAR(report.detectionRate, 0.5, 1e-12);
}

TEST(TrackEvaluation, ComparesEachTruthFrameWithTheTrackRowOfTheSameFrame) {
  const std::vector<TruthRow> truth = {{7, 0.30, false, 0, 0, 0, 0},
                                       {8, 0.35, true, 10, 10, 30, 8},
                                       {9, 0.40, true, 10, 10, 30, 8},
                                       {10, 0.45, true, 10, 10, 30, 8},
                                       {11, 0.50, false, 0, 0, 0, 2}};
  // Out of order, and without frame 10.
  const std::vector<TrackRow> track = {{11, 0.50, true, 12, 10, 30, 0.7},
                                       {9, 0.40, false, 0, 0, 0, 0},
                                       {8, 0.35, true, 10.3, 10.4, 32, 0.9},
                                       {7, 0.30, false, 0, 0, 0, 0}};
  const std::vector<FrameComparison> frames = compareFrames(track, truth);
  ASSERT_EQ(frames.size(), 5u);
  EXPECT_EQ(frames[0].frame, 7);
  EXPECT_FALSE(frames[0].hit() || frames[0].missed() || frames[0].falsePositive());
  EXPECT_TRUE(frames[1].hit());
  EXPECT_NEAR(frames[1].tipErrorMm, 0.5, 1e-9);
  EXPECT_NEAR(frames[1].angleErrorDeg, 2.0, 1e-9);
  EXPECT_TRUE(frames[2].missed());
  EXPECT_TRUE(frames[3].missed());
  EXPECT_FALSE(frames[3].inTrack);
  EXPECT_TRUE(frames[4].falsePositive());
  EXPECT_NEAR(frames[4].timestampS, 0.50, 1e-12);
  const AccuracyReport report = summarise(frames);
  EXPECT_EQ(report.framesWithoutTrack, 1);
  EXPECT_EQ(report.falsePositiveFrames, 1);
  EXPECT_EQ(report.detectedVisibleFrames, 1);
}

TEST(TrackCsv, WritesAndReadsBackTheExactHeaderAndRows) {
  const auto file = test::freshTempDir() / "track.csv";
  {
    std::ofstream out(file);
    writeTrackHeader(out);
    writeTrackRow(out, {3, 0.15, true, 12.3456, 45.6789, 32.1, 0.876});
    writeTrackRow(out, {4, 0.2, false, 0, 0, 0, 0});
  }
  std::ifstream in(file);
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header, "frame,timestamp_s,detected,tip_x_mm,tip_y_mm,angle_deg,confidence");
  const auto rows = readTrackCsv(file);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].frame, 3);
  EXPECT_TRUE(rows[0].detected);
  EXPECT_NEAR(rows[0].tipYMm, 45.6789, 1e-9);
  EXPECT_FALSE(rows[1].detected);
}

TEST(TrackCsv, NamesFileLineAndFieldOfBadInput) {
  const auto dir = test::freshTempDir();
  {
    std::ofstream(dir / "header.csv") << "frame,tip\n1,2\n";
    std::ofstream(dir / "value.csv") << kTruthCsvHeader << "\n0,0.0,1,1.5,abc,30,10\n";
  }
  EXPECT_THROW(readTrackCsv(dir / "header.csv"), std::runtime_error);
  try {
    readTruthCsv(dir / "value.csv");
    FAIL() << "a malformed value must throw";
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("line 2"), std::string::npos) << message;
    EXPECT_NE(message.find("tip_y_mm"), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace hipguide::tracking
