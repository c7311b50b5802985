#include <hipguide/core/SteadyClock.h>
#include <hipguide/guidance/AlertMonitor.h>

#include <algorithm>

namespace hipguide::guidance {
namespace {

constexpr std::int64_t kMotionWindowNs = 500'000'000;    ///< Advancing is judged over 0.5 s.
constexpr std::int64_t kLengthWindowNs = 2'000'000'000;  ///< Visible length is compared over 2 s.
constexpr double kMinShaftForPlaneMm = 10.0;             ///< Shorter shafts say little about the plane.

template <typename Sample>
void dropOlderThan(std::deque<Sample>& samples, std::int64_t oldestNs) {
  while (!samples.empty() && samples.front().first < oldestNs) samples.pop_front();
}

}  // namespace

std::vector<Alert> AlertMonitor::update(const AlertInputs& inputs) {
  std::vector<Alert> alerts;
  structureAlerts(inputs, alerts);
  motionAlerts(inputs, alerts);
  return sortedBySeverity(std::move(alerts));
}

void AlertMonitor::structureAlerts(const AlertInputs& inputs, std::vector<Alert>& alerts) {
  const double margin = m_settings.marginMm;
  const double hysteresis = m_settings.hysteresisMm;
  if (!inputs.needle) {
    // Nothing measured this frame: distance alerts cannot be confirmed, so they end.
    for (auto* flags : {&m_pathFlags, &m_tipNearFlags, &m_tipInsideFlags})
      for (auto& [name, flag] : *flags) flag.clear();
    m_targetFlag.clear();
    return;
  }
  for (const StructureClearance& tip : inputs.tipClearances) {
    if (m_tipInsideFlags[tip.structure].update(tip.clearanceMm, 0.0, hysteresis)) {
      alerts.push_back(
          {AlertKind::TipInsideStructure, AlertSeverity::Critical, tip.structure, tip.clearanceMm});
    } else if (m_tipNearFlags[tip.structure].update(tip.clearanceMm, margin, hysteresis)) {
      alerts.push_back(
          {AlertKind::TipNearStructure, AlertSeverity::Critical, tip.structure, tip.clearanceMm});
    }
  }
  for (const StructureClearance& path : inputs.pathClearances) {
    if (m_pathFlags[path.structure].update(path.clearanceMm, margin, hysteresis))
      alerts.push_back(
          {AlertKind::PathThreatensStructure, AlertSeverity::Warning, path.structure, path.clearanceMm});
  }
  if (inputs.tipToTargetMm &&
      m_targetFlag.update(*inputs.tipToTargetMm, m_settings.targetToleranceMm, hysteresis))
    alerts.push_back({AlertKind::TipReachedTarget, AlertSeverity::Info, "target", *inputs.tipToTargetMm});
}

bool AlertMonitor::advancing() const {
  if (m_tipProgress.size() < 2) return false;
  const auto& [firstNs, firstMm] = m_tipProgress.front();
  const auto& [lastNs, lastMm] = m_tipProgress.back();
  if (lastNs <= firstNs) return false;
  return (lastMm - firstMm) / core::nsToSeconds(lastNs - firstNs) > m_settings.advancingSpeedMmPerS;
}

void AlertMonitor::motionAlerts(const AlertInputs& inputs, std::vector<Alert>& alerts) {
  const std::int64_t now = inputs.timeNs;
  if (!inputs.needle) {
    m_tipProgress.clear();
    m_visibleLength.clear();
    const bool lostLongEnough = now - m_lastSeenNs > core::secondsToNs(m_settings.lostWhileAdvancingS);
    if (m_advancingWhenLastSeen && lostLongEnough)
      alerts.push_back({AlertKind::NeedleLostWhileAdvancing, AlertSeverity::Warning, {}, 0.0});
    if (m_outOfPlaneFlag.raised())
      alerts.push_back({AlertKind::NeedleOutOfPlane, AlertSeverity::Warning, {}, 0.0});
    return;
  }
  const NeedlePose& needle = *inputs.needle;
  // Progress of the tip along the shaft direction (image mm): grows while advancing.
  const double progressMm = needle.tipImageMm.dot(needle.directionImage);
  m_tipProgress.emplace_back(now, progressMm);
  dropOlderThan(m_tipProgress, now - kMotionWindowNs);
  m_lastSeenNs = now;
  m_advancingWhenLastSeen = advancing();

  m_visibleLength.emplace_back(now, inputs.visibleLengthMm);
  dropOlderThan(m_visibleLength, now - kLengthWindowNs);
  const double recentMaxMm =
      std::max_element(m_visibleLength.begin(), m_visibleLength.end(), [](const auto& a, const auto& b) {
        return a.second < b.second;
      })->second;
  const bool withdrawn =
      m_tipProgress.size() >= 2 && m_tipProgress.back().second < m_tipProgress.front().second - 1.0;
  const double fraction = recentMaxMm >= kMinShaftForPlaneMm ? inputs.visibleLengthMm / recentMaxMm : 1.0;
  if (withdrawn)
    m_outOfPlaneFlag.clear();
  else if (m_outOfPlaneFlag.update(fraction, m_settings.outOfPlaneLengthFraction, 0.2))
    alerts.push_back({AlertKind::NeedleOutOfPlane, AlertSeverity::Warning, {}, inputs.visibleLengthMm});
}

}  // namespace hipguide::guidance
