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

/// One truth frame set against the track: what the plot of `hipguide-cli eval --plot` shows.
struct FrameComparison {
  std::int64_t frame = 0;
  double timestampS = 0.0;  ///< The truth's.
  bool inTrack = false;     ///< The track has a row for this frame.
  bool visible = false;     ///< The truth's needle_visible.
  bool detected = false;    ///< The track reports a needle.
  double tipErrorMm = 0.0;  ///< Only where visible and detected.
  double angleErrorDeg = 0.0;

  bool hit() const { return visible && detected; }
  bool missed() const { return visible && !detected; }
  bool falsePositive() const { return !visible && detected; }
};

/// Each truth frame, in the truth's order, matched with the track row of the same `frame`.
std::vector<FrameComparison> compareFrames(const std::vector<TrackRow>& track,
                                           const std::vector<TruthRow>& truth);

/// Compares a track with ground truth.
AccuracyReport evaluateTrack(const std::vector<TrackRow>& track, const std::vector<TruthRow>& truth);
/// The same report from frames already compared.
AccuracyReport summarise(const std::vector<FrameComparison>& frames);

}  // namespace hipguide::tracking
