#pragma once
/// Watches for a needle entering the image. While it enters, its shaft is short and faint near
/// the skin, so its ridge evidence is low and it can rank behind tissue lines; but its tip
/// advances along one line frame after frame, which tissue does not do. A candidate seen doing so
/// for `EntryConfig::frames` consecutive frames spanning `EntryConfig::minSeconds` is the needle
/// entering.

#include "ShaftDetector.h"

#include <hipguide/tracking/TrackerConfig.h>

#include <cstddef>
#include <optional>
#include <vector>

namespace hipguide::tracking {

/// Owned by one tracker; not thread-safe.
class EntryWatch {
 public:
  explicit EntryWatch(const EntryConfig& config);

  /// Call once per frame without a track, `dtSeconds` after the previous frame. Returns the index
  /// in `candidates` of the accepted candidate that continues the line advancing for `frames`
  /// consecutive frames over at least `minSeconds`, if any.
  std::optional<std::size_t> observe(const std::vector<ShaftCandidate>& candidates, double dtSeconds);
  void reset();

 private:
  bool continuesLine(const ShaftCandidate& candidate) const;

  EntryConfig m_config;
  int m_frames = 0;        ///< Consecutive frames the watched line has advanced...
  double m_seconds = 0.0;  ///< ...and the time from the first of them to the last.
  Line m_line;             ///< The watched line and its deep end in the last frame.
  cv::Point2f m_deepEnd;
};

}  // namespace hipguide::tracking
