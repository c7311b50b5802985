#pragma once
/// Synthetic attempt traces for score tests: a needle moved by hand, no simulator.

#include <hipguide/training/AttemptTrace.h>

#include <cmath>

namespace hipguide::training::test {

/// Appends samples of a straight needle entering at the origin and pointing along `direction`
/// in the x-y plane; the target sits at `targetMm`. One vessel ("femoral_artery") whose
/// clearance is given per sample.
class TraceBuilder {
 public:
  explicit TraceBuilder(const core::Vec3& targetMm = {0, 40, 0}) {
    m_trace.scenario = "synthetic";
    m_trace.targetStructure = "anterior_recess";
    m_trace.targetMm = targetMm;
    m_trace.toleranceMm = 2.0;
    m_trace.structures = {{"femoral_artery", false}, {"femoral_nerve", true}};
  }

  /// A sample `stepS` after the previous one with the needle at `angleDeg` from +y (toward +x)
  /// inserted `depthMm`, tip visible or not, artery clearance `clearanceMm`.
  TraceBuilder& at(double depthMm, double angleDeg = 0, bool visible = true, double clearanceMm = 10.0,
                   double stepS = 0.5) {
    AttemptSample sample;
    sample.timeS = m_trace.samples.empty() ? 0.0 : m_trace.samples.back().timeS + stepS;
    sample.needlePresent = true;
    sample.inserted = depthMm > 0;
    sample.insertionMm = depthMm;
    const double angle = core::degToRad(angleDeg);
    sample.direction = core::Vec3(std::sin(angle), std::cos(angle), 0);
    sample.entryMm = core::Vec3::Zero();
    sample.tipMm = depthMm * sample.direction;
    sample.tipInImage = sample.inserted && visible;
    sample.tipToTargetMm = (sample.tipMm - m_trace.targetMm).norm();
    const double infinity = std::numeric_limits<double>::infinity();
    sample.clearanceMm = {sample.inserted ? clearanceMm : infinity, sample.inserted ? 20.0 : infinity};
    m_trace.samples.push_back(sample);
    return *this;
  }
  const AttemptTrace& trace() const { return m_trace; }

 private:
  AttemptTrace m_trace;
};

}  // namespace hipguide::training::test
