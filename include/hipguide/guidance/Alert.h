#pragma once
/// What the guidance logic warns about.

#include <string>
#include <string_view>
#include <vector>

namespace hipguide::guidance {

enum class AlertKind {
  PathThreatensStructure,  ///< The predicted path passes within the margin of a critical structure.
  TipNearStructure,        ///< The tip itself is within the margin of a critical structure.
  TipInsideStructure,      ///< The tip is inside a critical structure.
  TipReachedTarget,        ///< The tip is within tolerance of the target (good news).
  NeedleLostWhileAdvancing,
  NeedleOutOfPlane,
};

enum class AlertSeverity { Info, Warning, Critical };

/// One active alert. `structure` names the anatomy label for structure alerts.
struct Alert {
  AlertKind kind;
  AlertSeverity severity;
  std::string structure;
  double valueMm = 0.0;  ///< The clearance or distance that raised it, where meaningful.

  bool operator==(const Alert&) const = default;
};

std::string_view toString(AlertKind kind);
std::string_view toString(AlertSeverity severity);
/// A short sentence for the screen, e.g. "Path 3.2 mm from femoral_artery".
std::string describe(const Alert& alert);
/// The most severe alert first; stable for equal severity.
std::vector<Alert> sortedBySeverity(std::vector<Alert> alerts);

}  // namespace hipguide::guidance
