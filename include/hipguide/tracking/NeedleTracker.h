#pragma once
/// Finds the needle shaft and tip in B-mode frames and follows them over time.

#include <hipguide/core/Frame.h>
#include <hipguide/core/NeedleEstimate.h>
#include <hipguide/tracking/TrackerConfig.h>

#include <memory>
#include <optional>

namespace hipguide::tracking {

/// The tracking pipeline, one stage after another on each frame: working image (area
/// downsampling), sector mask, ridge enhancement (Hessian at needle scale), motion cue
/// (running background), shaft hypotheses (oriented Hough, refinement, rejection of
/// interfaces, bone and reverberation, priors), sub-pixel tip, and a Kalman filter with
/// gating and re-acquisition. Stage names in NeedleEstimate::stageTimes: "resample", "sector",
/// "ridge", "motion", "shaft", "tip", "filter".
///
/// Frames must arrive in time order from one source; a change of image size or spacing starts
/// over. One thread at a time may call process(); the tracker owns all its buffers.
class NeedleTracker {
 public:
  /// Throws std::invalid_argument for a setting out of range, naming it.
  explicit NeedleTracker(const TrackerConfig& config = {});
  ~NeedleTracker();
  NeedleTracker(const NeedleTracker&) = delete;
  NeedleTracker& operator=(const NeedleTracker&) = delete;

  /// Processes one frame and returns the estimate for it (tip and entry in image mm).
  /// Throws std::invalid_argument when the frame's pixels do not match its size.
  core::NeedleEstimate process(const core::Frame& frame);
  /// Forgets the track, the learned sector and the motion background.
  void reset();
  const TrackerConfig& config() const;
  /// The spacing (mm per pixel) assumed for the last frame when its own is no B-mode
  /// calibration (core::Frame::spacingCalibrated); the estimates stay in the
  /// frame's units. None for a calibrated frame or before the first.
  std::optional<core::Vec2> assumedSpacingMm() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace hipguide::tracking
