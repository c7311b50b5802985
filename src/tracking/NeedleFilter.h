#pragma once
/// Temporal filter of the tip and the shaft angle: Kalman with gating, coasting through short
/// dropouts, and re-acquisition.

#include "SeenTip.h"

#include <hipguide/core/Geometry.h>
#include <hipguide/tracking/TrackerConfig.h>

#include <Eigen/Core>

#include <optional>

namespace hipguide::tracking {

/// One frame's detection, in image mm and degrees.
struct NeedleMeasurement {
  core::Vec2 tipMm;
  double angleDeg = 0.0;
  double confidence = 0.0;
  double advance = 0.0;         ///< How much the tip brightened the image ahead of the shaft (the needle
                                ///< moved in), motion units (ShaftCandidate::motion).
  bool needleLike = false;      ///< The shaft looks like a needle from the skin even when still.
  bool entering = false;        ///< Seen advancing along one line for EntryConfig::frames frames in a row.
  double hiddenLengthMm = 0.0;  ///< Along the shaft's line from the skin's depth to the image.
};

/// What the filter reports for one frame.
struct FilteredNeedle {
  bool detected = false;
  bool coasting = false;  ///< True when no measurement was accepted and this is the prediction.
  core::Vec2 tipMm{0.0, 0.0};
  double angleDeg = 0.0;
  double confidence = 0.0;
};

/// Constant-velocity Kalman filters: tip (x, y, vx, vy) in mm and mm/s, angle (θ, dθ/dt) in
/// degrees. A track starts only on a confident measurement of an advancing needle or of a
/// needle-like shaft (other static bright lines are tissue until something moves in along
/// them); a clearly advancing tip is evidence of its own and needs less confidence from its
/// shaft, which is short while the needle enters the image, and a needle seen entering over
/// several frames (EntryWatch) needs only the confidence that keeps a track. A measurement outside the gate,
/// or farther from the last seen tip than the tip can move, is an outlier; `reacquireFrames` outliers in a
/// row restart the track on the newest one that could start a track; more than `maxCoastFrames` frames
/// and `maxCoastSeconds` without an accepted measurement lose the track. While coasting the tip stays where
/// it was last seen (a spurious velocity must not carry it away). A tip short of the one just seen on the
/// same shaft neither updates nor starts a track (SeenTip); one where an established track saw it restarts.
/// Owned by one tracker; not thread-safe.
class NeedleFilter {
 public:
  explicit NeedleFilter(const FilterConfig& config);

  /// Advances by `dtSeconds` and folds in `measurement` (none when nothing was found).
  FilteredNeedle update(const std::optional<NeedleMeasurement>& measurement, double dtSeconds);
  bool tracking() const { return m_tracking; }
  /// Whether a shaft at this orientation (image mm, degrees), running this far under the skin
  /// before the image shows it, may start a track: not flatter than
  /// FilterConfig::minStartAngleDeg, not hidden longer than FilterConfig::maxHiddenLengthMm.
  bool mayStartAt(double angleDeg, double hiddenLengthMm) const;
  /// Forgets the track and where the tip was seen (a new geometry or a new recording).
  void reset();

 private:
  void lose();
  bool startsTrack(const NeedleMeasurement& measurement) const;
  bool shortOfSeenTip(const NeedleMeasurement& measurement) const;
  void hold(const Eigen::Vector4d& beforePrediction);
  void start(const NeedleMeasurement& measurement);
  /// A measurement was taken: counters reset, its confidence kept, its tip seen.
  void take(const NeedleMeasurement& measurement);
  void predict(double dtSeconds);
  bool accept(const NeedleMeasurement& measurement);
  FilteredNeedle output(bool coasting) const;

  FilterConfig m_config;
  bool m_tracking = false;
  int m_misses = 0;
  int m_outliers = 0;
  double m_confidence = 0.0;
  SeenTip m_seen;
  int m_trackMeasurements = 0;  ///< Measurements taken since the track started.
  Eigen::Vector4d m_tip = Eigen::Vector4d::Zero();
  Eigen::Matrix4d m_tipCovariance = Eigen::Matrix4d::Identity();
  Eigen::Vector2d m_angle = Eigen::Vector2d::Zero();
  Eigen::Matrix2d m_angleCovariance = Eigen::Matrix2d::Identity();
};

}  // namespace hipguide::tracking
