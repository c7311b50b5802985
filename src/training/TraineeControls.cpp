#include <hipguide/training/TraineeControls.h>

#include <algorithm>
#include <cmath>

namespace hipguide::training {
namespace {

constexpr double kSkinProbeDepthMm = 15.0;  ///< Start the skin search this far inside.
constexpr double kMinAngleDeg = 5.0;
constexpr double kMaxAngleDeg = 80.0;
constexpr double kMaxYawDeg = 45.0;
constexpr double kMaxTiltDeg = 30.0;
constexpr double kMaxRotateDeg = 90.0;

}  // namespace

TraineeControls::TraineeControls(const acquisition::Scenario::Plan& plan,
                                 std::shared_ptr<const anatomy::LabelVolume> volume)
    : m_plan(plan), m_volume(std::move(volume)) {
  const core::Vec3 direction = m_plan.needle.direction.normalized();
  m_planAngleDeg = core::radToDeg(
      std::atan2(direction.dot(m_plan.beamDirection.normalized()), direction.dot(planLateral())));
  reset();
}

core::Vec3 TraineeControls::planLateral() const {
  const core::Vec3 beam = m_plan.beamDirection.normalized();
  return (m_plan.lateralDirection - m_plan.lateralDirection.dot(beam) * beam).normalized();
}

core::Vec3 TraineeControls::planElevation() const {
  return planLateral().cross(m_plan.beamDirection.normalized());
}

void TraineeControls::reset() {
  m_probe = ProbeControl{};
  m_needle = NeedleControl{};
  m_needle.angleDeg = m_planAngleDeg;
  m_entryMm = m_plan.needle.entryMm;
}

void TraineeControls::slideProbe(double alongMm, double acrossMm) {
  m_probe.slideAlongMm += alongMm;
  m_probe.slideAcrossMm += acrossMm;
}

void TraineeControls::tiltProbe(double deltaDeg) {
  m_probe.tiltDeg = std::clamp(m_probe.tiltDeg + deltaDeg, -kMaxTiltDeg, kMaxTiltDeg);
}

void TraineeControls::rotateProbe(double deltaDeg) {
  m_probe.rotateDeg = std::clamp(m_probe.rotateDeg + deltaDeg, -kMaxRotateDeg, kMaxRotateDeg);
}

core::Vec3 TraineeControls::needleDirection() const {
  const core::Vec3 beam = m_plan.beamDirection.normalized();
  const double angle = core::degToRad(m_needle.angleDeg);
  const core::Vec3 inPlane = std::cos(angle) * planLateral() + std::sin(angle) * beam;
  return (core::rotationDeg(beam, m_needle.yawDeg) * inPlane).normalized();
}

void TraineeControls::placeEntryOnSkin() {
  const core::Vec3 direction = needleDirection();
  const core::Vec3 moved = m_plan.needle.entryMm + m_needle.entryAlongMm * planLateral() +
                           m_needle.entryAcrossMm * planElevation();
  m_entryMm = acquisition::skinPointAlong(*m_volume, moved + kSkinProbeDepthMm * direction, -direction);
}

bool TraineeControls::moveEntry(double alongMm, double acrossMm) {
  if (m_needle.insertionMm > 0.0) return false;
  m_needle.entryAlongMm += alongMm;
  m_needle.entryAcrossMm += acrossMm;
  placeEntryOnSkin();
  return true;
}

void TraineeControls::steer(double deltaAngleDeg, double deltaYawDeg) {
  m_needle.angleDeg = std::clamp(m_needle.angleDeg + deltaAngleDeg, kMinAngleDeg, kMaxAngleDeg);
  m_needle.yawDeg = std::clamp(m_needle.yawDeg + deltaYawDeg, -kMaxYawDeg, kMaxYawDeg);
  // Out of the skin the needle is re-aimed from a new skin point; inside it pivots at the entry.
  if (m_needle.insertionMm <= 0.0) placeEntryOnSkin();
}

void TraineeControls::advance(double mm) {
  m_needle.insertionMm = std::clamp(m_needle.insertionMm + mm, 0.0, m_plan.needle.lengthMm);
}

void TraineeControls::withdraw(double mm) { advance(-mm); }

core::Transform3 TraineeControls::probePose() const {
  const core::Vec3 beam = m_plan.beamDirection.normalized();
  const core::Vec3 lateral = planLateral();
  const core::Vec3 slid =
      m_plan.skinPointMm + m_probe.slideAlongMm * lateral + m_probe.slideAcrossMm * planElevation();
  const core::Vec3 face = acquisition::skinPointAlong(*m_volume, slid + kSkinProbeDepthMm * beam, -beam);
  const Eigen::Matrix3d rotate = core::rotationDeg(beam, m_probe.rotateDeg);
  const core::Vec3 array = rotate * lateral;
  const Eigen::Matrix3d tilt = core::rotationDeg(array, m_probe.tiltDeg);
  return acquisition::probePoseOnSkin(face, tilt * beam, array);
}

std::optional<acquisition::NeedleState> TraineeControls::needle() const {
  if (!m_plan.hasNeedle) return std::nullopt;
  acquisition::NeedleState needle = m_plan.needle;
  needle.entryMm = m_entryMm;
  needle.direction = needleDirection();
  needle.insertionDepthMm = m_needle.insertionMm;
  needle.tipDeflectionMm = 0.0;
  return needle;
}

acquisition::ScenarioState TraineeControls::state(double timeS) const {
  acquisition::ScenarioState state;
  state.timeS = timeS;
  state.probeToReference = probePose();
  state.needle = needle();
  return state;
}

}  // namespace hipguide::training
