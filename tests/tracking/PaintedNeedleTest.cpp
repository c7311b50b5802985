/// The tracker on needles painted into the real PLUS recordings: real tissue texture and probe
/// motion around a needle whose truth is known. A check that the tracker is not tuned to the
/// simulator alone (issue 5); the needle model is PaintedNeedle's, not the simulator's.

#include "PaintedNeedle.h"
#include "TestData.h"

#include <hipguide/session/RecordingReader.h>
#include <hipguide/tracking/NeedleTracker.h>
#include <hipguide/tracking/TrackEvaluation.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <vector>

namespace hipguide::tracking {
namespace {

constexpr int kFrames = 120;
constexpr double kFramesPerSecond = 11.6;  ///< The recordings' own rate.

/// A recording and where a needle enters its sector from the left and from the right.
struct Background {
  const char* file;
  cv::Point2f fromLeft, fromRight;
};

/// How the probe moves under the painted needle, and what the tracker is held to there.
struct ProbeMotion {
  const char* name;
  bool sweeping;           ///< The recording played forward and back; otherwise its first frame held.
  double minRatePercent;   ///< Detection asserted over all visible frames...
  double measuredPercent;  ///< ...against what was measured (docs/tracking.md).
};

/// Tracks `needle` painted into kFrames frames of the recording: played forward and back, or
/// its first frame over and over (a probe held still).
AccuracyReport trackPainted(session::RecordingReader& reader, test::PaintedNeedle needle, bool sweeping) {
  NeedleTracker tracker;
  std::vector<TrackRow> track;
  std::vector<TruthRow> truth;
  const auto count = static_cast<int>(reader.frameCount());
  const int period = std::max(1, 2 * (count - 1));
  for (int index = 0; index < kFrames; ++index) {
    const int phase = sweeping ? index % period : 0;
    core::Frame frame = reader.readFrame(phase < count ? phase : period - phase).frame;
    frame.frameId = static_cast<std::uint64_t>(index) + 1;
    frame.deviceTimestampNs = static_cast<std::int64_t>(index * 1e9 / kFramesPerSecond);
    truth.push_back(test::paintNeedle(frame, needle, index));
    track.push_back(trackRowFrom(tracker.process(frame)));
  }
  return evaluateTrack(track, truth);
}

class PaintedNeedle : public ::testing::TestWithParam<ProbeMotion> {};

TEST_P(PaintedNeedle, FoundInRealTissueWithoutFalseAlarms) {
  const ProbeMotion& motion = GetParam();
  const std::vector<Background> backgrounds = {{"BoneUltrasound_L14.igs.mha", {182, 40}, {638, 40}},
                                               {"SpinePhantomFreehand.igs.mha", {192, 190}, {628, 190}}};
  std::int64_t visible = 0, detected = 0, falsePositives = 0, withoutNeedle = 0;
  std::vector<double> tipMedians;
  std::printf(
      "| recording | angle | from | echo gain | visible | detected %% | tip median px | tip p95 px |\n");
  for (const Background& background : backgrounds) {
    HIPGUIDE_REQUIRE_SHARED_FILE(path, std::string("plus/") + background.file);
    const auto reader = session::openRecording(path);
    for (const double angle : {25.0, 45.0})
      for (const bool fromLeft : {true, false})
        for (const double gain : {100.0, 1000.0}) {
          test::PaintedNeedle needle;
          needle.entryPx = fromLeft ? background.fromLeft : background.fromRight;
          needle.angleDeg = angle;
          needle.fromLeft = fromLeft;
          needle.echoGain = gain;
          const AccuracyReport report = trackPainted(*reader, needle, motion.sweeping);
          std::printf("| %s | %.0f | %s | %.0f | %lld | %.1f | %.2f | %.2f |\n", background.file, angle,
                      fromLeft ? "left" : "right", gain, static_cast<long long>(report.visibleFrames),
                      100.0 * report.detectionRate, report.tipErrorMedianMm, report.tipErrorP95Mm);
          visible += report.visibleFrames;
          detected += report.detectedVisibleFrames;
          falsePositives += report.falsePositiveFrames;
          withoutNeedle += report.invisibleFrames;
          EXPECT_GT(report.detectedVisibleFrames, 0) << background.file << " " << angle << "°";
          if (report.detectedVisibleFrames > 0) tipMedians.push_back(report.tipErrorMedianMm);
        }
  }
  const double rate = 100.0 * double(detected) / double(std::max<std::int64_t>(1, visible));
  std::printf(
      "all, %s: %.1f %% of %lld visible frames detected; %lld of %lld frames without a needle reported\n",
      motion.name, rate, static_cast<long long>(visible), static_cast<long long>(falsePositives),
      static_cast<long long>(withoutNeedle));
  EXPECT_LE(double(falsePositives), 0.01 * double(withoutNeedle)) << "issue 5's bound";
  EXPECT_GE(rate, motion.minRatePercent) << "measured " << motion.measuredPercent
                                         << " % (docs/tracking.md); most misses are the first 1-3 s of entry";
  for (const double median : tipMedians) EXPECT_LT(median, 4.0) << "pixels (0.7 mm at the assumed scale)";
}

// Sweeping: the probe moves all the time. Still: most real needle recordings hold the probe.
INSTANTIATE_TEST_SUITE_P(ProbeMotions, PaintedNeedle,
                         ::testing::Values(ProbeMotion{"probe sweeping", true, 78.0, 84.3},
                                           ProbeMotion{"probe held still", false, 83.0, 87.9}),
                         [](const auto& info) {
                           return std::string(info.param.sweeping ? "Sweeping" : "Still");
                         });

}  // namespace
}  // namespace hipguide::tracking
