#pragma once
/// Structure that appeared over the last seconds under a still probe: a needle entering still
/// tissue, seen as one line long before the ridge filter finds it among bright fascia.

#include "LineGeometry.h"

#include <hipguide/tracking/TrackerConfig.h>

#include <opencv2/core.hpp>

#include <optional>
#include <vector>

namespace hipguide::tracking {

/// The largest fresh blob, as a line. `line.direction` points down the image (+y).
struct FreshSegment {
  Line line;
  float startT = 0.0f;  ///< Extent of the blob along `line`: [startT, endT].
  float endT = 0.0f;
  double widthPx = 0.0;     ///< Blob area / length: how thick it is across the line.
  double residualPx = 0.0;  ///< RMS distance of the blob's crest from the line (straightness).
  /// Σ (min(fresh / threshold, FreshConfig::strengthCap) − 1) along the line: the ridge evidence's
  /// counterpart, in units of the threshold.
  double evidence = 0.0;
  double lengthPx() const { return double(endT) - double(startT); }
};

/// Keeps a slow running background of the working image (FreshConfig::memoryS) and finds what is
/// brighter than it by more than k spreads of that difference over the sector. Under a still
/// probe, tissue cancels and a needle that entered since is left; once the probe moves, all the
/// tissue is fresh, the spread rises above FreshConfig::maxSpreadGrey and nothing is reported.
/// Owned by one tracker; not thread-safe.
class FreshStructure {
 public:
  explicit FreshStructure(const FreshConfig& config);

  /// Updates with `greyF` (CV_32F) inside `mask` (CV_8U), `dtSeconds` after the previous frame;
  /// returns the largest fresh blob, with the pieces on its line, when the image is still and the
  /// blob is long, thin and straight enough.
  std::optional<FreshSegment> update(const cv::Mat& greyF, const cv::Mat& mask, double dtSeconds);
  /// The spread of the frame's difference from the background in the last update (grey levels,
  /// robust to a needle's pixels); +infinity before a background exists.
  double spreadGrey() const { return m_spread; }
  /// The threshold of the last update (grey levels); +infinity before a background exists.
  double thresholdGrey() const { return m_threshold; }
  void reset();

 private:
  /// Connected regions of the map above the threshold.
  struct Blobs {
    cv::Mat labels, stats;
    int count = 0;  ///< Labels, the background's 0 included.
    int area(int label) const;
    int largest() const;  ///< 0 when there is none.
    std::vector<cv::Point2f> pixels(int label) const;
  };
  Blobs findBlobs(const cv::Mat& fresh, const cv::Mat& mask) const;
  /// Extends the segment over the other blobs on its line within FreshConfig::maxGapPx of its ends:
  /// where the needle crosses a bright layer nothing is fresh, and the blob breaks.
  void joinPiecesAlong(FreshSegment& segment, const Blobs& blobs, int largest) const;
  /// The blob's crest as a line, when the blob is long, thin and straight enough.
  std::optional<FreshSegment> segmentOf(const std::vector<cv::Point2f>& blob, const cv::Mat& fresh) const;
  /// The range of the points' positions along `line`: [startT, endT].
  static void extentAlong(const Line& line, const std::vector<cv::Point2f>& points, float& startT,
                          float& endT);
  double evidenceAlong(const FreshSegment& segment, const cv::Mat& fresh) const;

  FreshConfig m_config;
  cv::Mat m_background;
  double m_spread = 0.0;
  double m_threshold = 0.0;
};

}  // namespace hipguide::tracking
