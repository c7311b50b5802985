#include <hipguide/tracking/TrackEvaluation.h>

#include <hipguide/core/Geometry.h>
#include <hipguide/core/Statistics.h>

#include <cmath>
#include <unordered_map>

namespace hipguide::tracking {

std::vector<FrameComparison> compareFrames(const std::vector<TrackRow>& track,
                                           const std::vector<TruthRow>& truth) {
  std::unordered_map<std::int64_t, const TrackRow*> byFrame;
  for (const TrackRow& row : track) byFrame[row.frame] = &row;
  std::vector<FrameComparison> frames;
  frames.reserve(truth.size());
  for (const TruthRow& expected : truth) {
    const auto found = byFrame.find(expected.frame);
    const TrackRow* estimate = found == byFrame.end() ? nullptr : found->second;
    FrameComparison& frame = frames.emplace_back();
    frame.frame = expected.frame;
    frame.timestampS = expected.timestampS;
    frame.inTrack = estimate != nullptr;
    frame.visible = expected.needleVisible;
    frame.detected = estimate && estimate->detected;
    if (!frame.hit()) continue;
    frame.tipErrorMm = std::hypot(estimate->tipXMm - expected.tipXMm, estimate->tipYMm - expected.tipYMm);
    frame.angleErrorDeg = core::orientationDifferenceDeg(estimate->angleDeg, expected.angleDeg);
  }
  return frames;
}

AccuracyReport summarise(const std::vector<FrameComparison>& frames) {
  AccuracyReport report;
  std::vector<double> tipErrors, angleErrors;
  for (const FrameComparison& frame : frames) {
    if (!frame.inTrack) ++report.framesWithoutTrack;
    if (!frame.visible) {
      ++report.invisibleFrames;
      if (frame.falsePositive()) ++report.falsePositiveFrames;
      continue;
    }
    ++report.visibleFrames;
    if (!frame.hit()) continue;
    ++report.detectedVisibleFrames;
    tipErrors.push_back(frame.tipErrorMm);
    angleErrors.push_back(frame.angleErrorDeg);
  }
  report.tipErrorMedianMm = core::median(tipErrors);
  report.tipErrorP95Mm = core::percentile(tipErrors, 95.0);
  report.angleErrorMedianDeg = core::median(angleErrors);
  report.angleErrorP95Deg = core::percentile(angleErrors, 95.0);
  if (report.visibleFrames)
    report.detectionRate = double(report.detectedVisibleFrames) / double(report.visibleFrames);
  if (report.invisibleFrames)
    report.falsePositiveRate = double(report.falsePositiveFrames) / double(report.invisibleFrames);
  return report;
}

AccuracyReport evaluateTrack(const std::vector<TrackRow>& track, const std::vector<TruthRow>& truth) {
  return summarise(compareFrames(track, truth));
}

}  // namespace hipguide::tracking
