#include <hipguide/tracking/TrackEvaluation.h>

#include <hipguide/core/Geometry.h>
#include <hipguide/core/Statistics.h>

#include <cmath>
#include <unordered_map>

namespace hipguide::tracking {

AccuracyReport evaluateTrack(const std::vector<TrackRow>& track, const std::vector<TruthRow>& truth) {
  std::unordered_map<std::int64_t, const TrackRow*> byFrame;
  for (const TrackRow& row : track) byFrame[row.frame] = &row;
  AccuracyReport report;
  std::vector<double> tipErrors, angleErrors;
  for (const TruthRow& expected : truth) {
    const auto found = byFrame.find(expected.frame);
    const TrackRow* estimate = found == byFrame.end() ? nullptr : found->second;
    if (!estimate) ++report.framesWithoutTrack;
    const bool detected = estimate && estimate->detected;
    if (!expected.needleVisible) {
      ++report.invisibleFrames;
      if (detected) ++report.falsePositiveFrames;
      continue;
    }
    ++report.visibleFrames;
    if (!detected) continue;
    ++report.detectedVisibleFrames;
    tipErrors.push_back(std::hypot(estimate->tipXMm - expected.tipXMm, estimate->tipYMm - expected.tipYMm));
    angleErrors.push_back(core::orientationDifferenceDeg(estimate->angleDeg, expected.angleDeg));
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

}  // namespace hipguide::tracking
