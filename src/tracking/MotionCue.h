#pragma once
/// Temporal cue for the advancing needle: what became brighter than the running background.

#include <opencv2/core.hpp>

namespace hipguide::tracking {

/// Keeps an exponential running background of the working image and returns, per frame, how
/// much brighter each pixel is than that background, in units of the mean absolute change
/// over the sector. A needle advancing into still tissue stands out (values ≫ 1); when the
/// probe moves, everything changes and the map stays near 1, so it carries no false evidence.
/// Owned by one tracker; not thread-safe.
class MotionCue {
 public:
  /// `backgroundRate` in (0, 1]: weight of the newest frame in the background when frames
  /// arrive `rateIntervalS` apart (see MotionConfig).
  MotionCue(double backgroundRate, double rateIntervalS);

  /// Weight of a frame `dtSeconds` after the previous one: the same memory in time for faster
  /// streams, backgroundRate for slower ones.
  double rateFor(double dtSeconds) const;
  /// Updates with `greyF` (CV_32F) inside `mask`, `dtSeconds` after the previous frame; returns
  /// the relative brightening (CV_32F, 0 on the first frame of a geometry and outside the mask).
  const cv::Mat& update(const cv::Mat& greyF, const cv::Mat& mask, double dtSeconds);
  const cv::Mat& change() const { return m_change; }
  /// Mean of the change map along the segment a→b (working pixels); 0 when empty.
  double meanAlong(const cv::Point2f& a, const cv::Point2f& b) const;
  void reset();

 private:
  double m_rate;
  double m_rateIntervalS;
  cv::Mat m_background;
  cv::Mat m_change;
};

}  // namespace hipguide::tracking
