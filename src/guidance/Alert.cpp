#include <hipguide/guidance/Alert.h>

#include <algorithm>
#include <cstdio>

namespace hipguide::guidance {

std::string_view toString(AlertKind kind) {
  switch (kind) {
    case AlertKind::PathThreatensStructure: return "path_threatens_structure";
    case AlertKind::TipNearStructure: return "tip_near_structure";
    case AlertKind::TipInsideStructure: return "tip_inside_structure";
    case AlertKind::TipReachedTarget: return "tip_reached_target";
    case AlertKind::NeedleLostWhileAdvancing: return "needle_lost_while_advancing";
    case AlertKind::NeedleOutOfPlane: return "needle_out_of_plane";
  }
  return "unknown";
}

std::string_view toString(AlertSeverity severity) {
  switch (severity) {
    case AlertSeverity::Info: return "info";
    case AlertSeverity::Warning: return "warning";
    case AlertSeverity::Critical: return "critical";
  }
  return "unknown";
}

std::string describe(const Alert& alert) {
  char value[32];
  std::snprintf(value, sizeof value, "%.1f mm", alert.valueMm);
  switch (alert.kind) {
    case AlertKind::PathThreatensStructure: return "Path " + std::string(value) + " from " + alert.structure;
    case AlertKind::TipNearStructure: return "Tip " + std::string(value) + " from " + alert.structure;
    case AlertKind::TipInsideStructure: return "TIP INSIDE " + alert.structure;
    case AlertKind::TipReachedTarget: return "Tip at target (" + std::string(value) + ")";
    case AlertKind::NeedleLostWhileAdvancing: return "Needle tip not visible: stop advancing";
    case AlertKind::NeedleOutOfPlane: return "Needle leaving the image plane";
  }
  return {};
}

std::vector<Alert> sortedBySeverity(std::vector<Alert> alerts) {
  std::stable_sort(alerts.begin(), alerts.end(),
                   [](const Alert& a, const Alert& b) { return a.severity > b.severity; });
  return alerts;
}

}  // namespace hipguide::guidance
