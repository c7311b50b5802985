#include <hipguide/training/AttemptTrace.h>

#include <algorithm>
#include <cmath>

namespace hipguide::training {

double AttemptTrace::nearestMm(const AttemptSample& sample, bool nerves) const {
  double nearest = std::numeric_limits<double>::infinity();
  for (std::size_t index = 0; index < structures.size() && index < sample.clearanceMm.size(); ++index)
    if (structures[index].nerve == nerves) nearest = std::min(nearest, sample.clearanceMm[index]);
  return nearest;
}

AttemptTracer::AttemptTracer(anatomy::Anatomy anatomy, std::string scenario, std::string targetStructure,
                             const core::Vec3& targetMm, double toleranceMm, acquisition::ProbeModel probe,
                             acquisition::ImagingSettings imaging)
    : m_anatomy(std::move(anatomy)), m_geometry(probe, imaging.depthMm) {
  m_trace.scenario = std::move(scenario);
  m_trace.targetStructure = std::move(targetStructure);
  m_trace.targetMm = targetMm;
  m_trace.toleranceMm = toleranceMm;
  for (const anatomy::LabelInfo* label : m_anatomy.criticalLabels())
    m_trace.structures.push_back({label->name, label->role == anatomy::TissueRole::Nerve});
  m_anatomy.prepareDistanceFields(true);
}

bool AttemptTracer::targetInView(const core::Transform3& probeToReference) const {
  const core::Vec3 inProbe = probeToReference.inverse() * m_trace.targetMm;
  if (std::abs(inProbe.z()) > m_geometry.model().elevationFwhmMm) return false;
  double line = 0;
  double sample = 0;
  return m_geometry.polarOf(core::Vec2(inProbe.x(), inProbe.y()), line, sample);
}

const AttemptSample& AttemptTracer::add(double timeS, const acquisition::ScenarioState& state,
                                        const acquisition::FrameTruth& truth) {
  if (!m_trace.samples.empty() && timeS < m_trace.samples.back().timeS) return m_trace.samples.back();
  AttemptSample sample;
  sample.timeS = timeS;
  sample.frameId = truth.frameId;
  sample.probeToReference = state.probeToReference;
  sample.targetInView = targetInView(state.probeToReference);
  sample.clearanceMm.assign(m_trace.structures.size(), std::numeric_limits<double>::infinity());
  if (state.needle) {
    const acquisition::NeedleState& needle = *state.needle;
    sample.needlePresent = true;
    sample.entryMm = needle.entryMm;
    sample.tipMm = needle.tipMm();
    sample.direction = needle.direction.normalized();
    sample.insertionMm = needle.insertionDepthMm;
    sample.inserted = needle.insertionDepthMm > 0.0;
    sample.tipInImage = sample.inserted && truth.tipInImage;
    sample.needleVisible = truth.needleVisible;
    sample.tipToTargetMm = (sample.tipMm - m_trace.targetMm).norm();
    if (sample.inserted)
      for (std::size_t index = 0; index < m_trace.structures.size(); ++index)
        sample.clearanceMm[index] =
            m_anatomy.segmentClearance(m_trace.structures[index].name, sample.entryMm, sample.tipMm)
                .distanceMm;
  }
  m_trace.samples.push_back(std::move(sample));
  return m_trace.samples.back();
}

}  // namespace hipguide::training
