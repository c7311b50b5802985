#pragma once
/// Accuracy of a track against ground truth, as `hipguide-cli eval` reports it.

#include <hipguide/tracking/TrackCsv.h>

#include <cstdint>
#include <vector>

namespace hipguide::tracking {

/// Errors over frames where the needle is visible and was detected; detection rate over
/// visible frames; false-positive rate over frames where it is not visible. Frames are matched
/// by their `frame` index; a truth frame without a track row counts as not detected.
struct AccuracyReport {
  std::int64_t visibleFrames = 0;
  std::int64_t detectedVisibleFrames = 0;
  std::int64_t invisibleFrames = 0;
  std::int64_t falsePositiveFrames = 0;
  std::int64_t framesWithoutTrack = 0;  ///< Truth frames the track does not mention.
  double tipErrorMedianMm = 0.0;
  double tipErrorP95Mm = 0.0;
  double angleErrorMedianDeg = 0.0;
  double angleErrorP95Deg = 0.0;
  double detectionRate = 0.0;      ///< detectedVisibleFrames / visibleFrames (0 when none).
  double falsePositiveRate = 0.0;  ///< falsePositiveFrames / invisibleFrames (0 when none).
};

/// Compares a track with ground truth.
AccuracyReport evaluateTrack(const std::vector<TrackRow>& track, const std::vector<TruthRow>& truth);

}  // namespace hipguide::tracking
