#include <hipguide/guidance/GuidanceEngine.h>

#include <algorithm>
#include <cmath>

namespace hipguide::guidance {

GuidanceEngine::GuidanceEngine(std::optional<anatomy::Anatomy> anatomy, std::optional<GuidanceTarget> target,
                               GuidanceSettings settings)
    : m_anatomy(std::move(anatomy)), m_settings(settings), m_alerts(settings) {
  setTarget(std::move(target));
}

void GuidanceEngine::setTarget(std::optional<GuidanceTarget> target) {
  m_target = std::move(target);
  if (m_target) m_settings.targetToleranceMm = m_target->toleranceMm;
  m_watched = watchedStructures();
  m_alerts = AlertMonitor(m_settings);
}

std::vector<std::string> GuidanceEngine::watchedStructures() const {
  if (!m_anatomy) return {};
  // A target may name the structures to watch; without one (or a list), every critical label.
  const std::vector<std::string> only = m_target ? m_target->criticalStructures : std::vector<std::string>{};
  std::vector<std::string> names;
  for (const anatomy::LabelInfo* label : m_anatomy->criticalLabels()) {
    const bool chosen = only.empty() || std::find(only.begin(), only.end(), label->name) != only.end();
    if (chosen) names.push_back(label->name);
  }
  return names;
}

GuidanceState GuidanceEngine::update(const core::NeedleEstimate& estimate,
                                     const std::optional<core::Transform3>& imageToReference,
                                     std::int64_t timeNs) {
  GuidanceState state;
  state.frameId = estimate.frameId;
  state.timeNs = timeNs;
  state.estimate = estimate;
  state.poseKnown = imageToReference.has_value();
  const core::Transform3 pose = imageToReference.value_or(core::Transform3::Identity());
  state.needle = needlePose(estimate, pose);
  if (state.needle) {
    const std::optional<core::Vec3> target =
        state.poseKnown && m_target ? std::optional<core::Vec3>(m_target->pointMm) : std::nullopt;
    state.path = predictPath(*state.needle, target, pose, m_settings.maxPathLengthMm);
  }
  if (state.poseKnown) measure(state, pose);

  AlertInputs inputs;
  inputs.timeNs = timeNs;
  inputs.needle = state.needle;
  inputs.visibleLengthMm = estimate.visibleLengthMm;
  inputs.pathClearances = state.pathClearances;
  inputs.tipClearances = state.tipClearances;
  inputs.tipToTargetMm = state.tipToTargetMm;
  state.alerts = m_alerts.update(inputs);
  return state;
}

void GuidanceEngine::measure(GuidanceState& state, const core::Transform3& imageToReference) const {
  if (m_target) {
    const core::Vec3 targetInImage = imageToReference.inverse() * m_target->pointMm;
    state.targetImageMm = core::Vec2(targetInImage.x(), targetInImage.y());
    state.targetOffPlaneMm = std::abs(targetInImage.z());
    state.targetMm = m_target->pointMm;
  }
  if (!state.needle) return;
  if (state.targetMm) state.tipToTargetMm = (state.needle->tipMm - *state.targetMm).norm();
  if (!m_anatomy) return;
  for (const std::string& name : m_watched) {
    state.tipClearances.push_back(
        {name, m_anatomy->signedDistanceMm(name, state.needle->tipMm), state.needle->tipMm});
    if (state.path && state.path->lengthMm > 0.0) {
      const anatomy::Clearance clearance =
          m_anatomy->segmentClearance(name, state.path->startMm, state.path->endMm);
      state.pathClearances.push_back({name, clearance.distanceMm, clearance.pathPointMm});
    }
  }
}

std::optional<GuidanceTarget> defaultTarget(const anatomy::Anatomy& anatomy) {
  GuidanceTarget target;
  if (anatomy.landmarks()) {
    target.pointMm = anatomy.landmarks()->anteriorRecessTargetMm;
    return target;
  }
  const std::optional<core::Vec3> centre = labelCentreMm(anatomy, target.name);
  if (!centre) return std::nullopt;
  target.pointMm = *centre;
  return target;
}

std::optional<core::Vec3> labelCentreMm(const anatomy::Anatomy& anatomy, std::string_view labelName) {
  const anatomy::LabelInfo* label = anatomy.table().find(labelName);
  if (!label) return std::nullopt;
  const anatomy::LabelVolume& volume = anatomy.volume();
  core::Vec3 sum = core::Vec3::Zero();
  std::size_t count = 0;
  for (int k = 0; k < volume.size[2]; ++k)
    for (int j = 0; j < volume.size[1]; ++j)
      for (int i = 0; i < volume.size[0]; ++i)
        if (volume.labels[volume.index(i, j, k)] == label->value) {
          sum += volume.indexToPhysical(core::Vec3(i, j, k));
          ++count;
        }
  if (count == 0) return std::nullopt;
  return core::Vec3(sum / static_cast<double>(count));
}

}  // namespace hipguide::guidance
