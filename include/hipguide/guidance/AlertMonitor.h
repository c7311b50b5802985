#pragma once
/// Turns per-frame measurements into alerts that do not flicker.

#include <hipguide/guidance/Alert.h>
#include <hipguide/guidance/GuidanceSettings.h>
#include <hipguide/guidance/Hysteresis.h>
#include <hipguide/guidance/NeedleGeometry.h>

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hipguide::guidance {

/// Distance from a path or point to one critical structure (negative: inside it).
struct StructureClearance {
  std::string structure;
  double clearanceMm = 0.0;
  core::Vec3 closestPointMm{0, 0, 0};  ///< Where on the path/point the minimum occurs.
};

/// What one frame measured, in time order.
struct AlertInputs {
  std::int64_t timeNs = 0;
  std::optional<NeedlePose> needle;  ///< Absent when the tracker found no needle.
  double visibleLengthMm = 0.0;
  std::vector<StructureClearance> pathClearances;  ///< Predicted path to each critical structure.
  std::vector<StructureClearance> tipClearances;   ///< Tip to each critical structure (signed).
  std::optional<double> tipToTargetMm;
};

/// Keeps the alert state between frames: distance alerts use hysteresis (raised below the
/// threshold, cleared only beyond threshold + hysteresis); "lost while advancing" needs the tip
/// to have been moving forward along the shaft just before it disappeared; "out of plane"
/// needs the visible shaft to shrink while the tip is not withdrawn. One thread at a time.
class AlertMonitor {
 public:
  explicit AlertMonitor(GuidanceSettings settings = {}) : m_settings(settings) {}
  /// The active alerts after this frame, most severe first.
  std::vector<Alert> update(const AlertInputs& inputs);
  void reset() { *this = AlertMonitor(m_settings); }

 private:
  void structureAlerts(const AlertInputs& inputs, std::vector<Alert>& alerts);
  void motionAlerts(const AlertInputs& inputs, std::vector<Alert>& alerts);
  bool advancing() const;

  GuidanceSettings m_settings;
  std::map<std::string, HysteresisFlag> m_pathFlags;
  std::map<std::string, HysteresisFlag> m_tipNearFlags;
  std::map<std::string, HysteresisFlag> m_tipInsideFlags;
  HysteresisFlag m_targetFlag;
  HysteresisFlag m_outOfPlaneFlag;
  std::deque<std::pair<std::int64_t, double>> m_tipProgress;  ///< (time, tip position along shaft).
  std::deque<std::pair<std::int64_t, double>> m_visibleLength;
  std::int64_t m_lastSeenNs = 0;
  bool m_advancingWhenLastSeen = false;
};

}  // namespace hipguide::guidance
