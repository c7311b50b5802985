#pragma once
/// Tunable thresholds of the guidance logic (alerts, path prediction).

namespace hipguide::guidance {

/// Distances in mm, times in seconds. Read from and written to the app's settings.
struct GuidanceSettings {
  double marginMm = 5.0;                  ///< Path or tip closer than this to a critical structure alerts.
  double hysteresisMm = 1.0;              ///< An alert clears only this far beyond its threshold.
  double targetToleranceMm = 2.0;         ///< Tip within this of the target: target reached.
  double maxPathLengthMm = 80.0;          ///< Longest predicted path ahead of the tip.
  double lostWhileAdvancingS = 0.4;       ///< Needle unseen this long after advancing alerts.
  double advancingSpeedMmPerS = 1.0;      ///< Tip speed along the shaft that counts as advancing.
  double outOfPlaneLengthFraction = 0.5;  ///< Visible shaft shorter than this fraction of its recent
                                          ///< maximum (with the entry unchanged): out of plane.
};

}  // namespace hipguide::guidance
