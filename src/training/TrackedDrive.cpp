#include <hipguide/training/TrackedDrive.h>

#include <hipguide/training/TraineeControls.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace hipguide::training {
namespace {

constexpr double kSkinSearchDepthMm = 15.0;  ///< The probe's skin search starts this far inside.

std::string number(double value, int decimals) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string seenText(const acquisition::TrackerSnapshot& snapshot) {
  if (snapshot.transformDevicesSeen.empty()) return "no transforms yet";
  std::string seen = "seen:";
  for (const std::string& device : snapshot.transformDevicesSeen) seen += " " + device;
  return seen;
}

}  // namespace

ToolAxis parseToolAxis(std::string_view text) {
  static const std::pair<std::string_view, ToolAxis> kNames[] = {
      {"+x", ToolAxis::PlusX}, {"x", ToolAxis::PlusX}, {"-x", ToolAxis::MinusX},
      {"+y", ToolAxis::PlusY}, {"y", ToolAxis::PlusY}, {"-y", ToolAxis::MinusY},
      {"+z", ToolAxis::PlusZ}, {"z", ToolAxis::PlusZ}, {"-z", ToolAxis::MinusZ}};
  for (const auto& [name, axis] : kNames)
    if (text == name) return axis;
  throw std::invalid_argument("needle shaft axis '" + std::string(text) +
                              "' is not one of +x -x +y -y +z -z");
}

std::string toString(ToolAxis axis) {
  static const char* const kNames[] = {"+x", "-x", "+y", "-y", "+z", "-z"};
  return kNames[static_cast<int>(axis)];
}

core::Vec3 axisVector(ToolAxis axis) {
  const int index = static_cast<int>(axis);
  core::Vec3 vector = core::Vec3::Zero();
  vector[index / 2] = index % 2 == 0 ? 1.0 : -1.0;
  return vector;
}

std::string_view toString(TrackedStatus status) {
  switch (status) {
    case TrackedStatus::NotConnected: return "not connected";
    case TrackedStatus::NoTransforms: return "no transforms";
    case TrackedStatus::OutsidePhantom: return "outside the phantom";
    case TrackedStatus::Stale: return "stale";
    case TrackedStatus::Tracking: return "tracking";
  }
  return "?";
}

TrackedDrive::TrackedDrive(const acquisition::Scenario::Plan& plan,
                           std::shared_ptr<const anatomy::LabelVolume> volume,
                           acquisition::IgtlTrackerSettings tracker, TrackedDriveSettings settings)
    : m_plan(plan),
      m_volume(std::move(volume)),
      m_tracker(std::move(tracker)),
      m_settings(std::move(settings)),
      m_probe(TraineeControls(m_plan, m_volume).probePose()) {}

bool TrackedDrive::insideVolume(const core::Vec3& pointMm) const {
  const core::Vec3 index = m_volume->physicalToIndex(pointMm);
  for (int axis = 0; axis < 3; ++axis)
    if (!(index[axis] >= -0.5 && index[axis] <= m_volume->size[static_cast<std::size_t>(axis)] - 0.5))
      return false;
  return true;
}

acquisition::NeedleState TrackedDrive::needleFrom(const core::Transform3& needleToPhantom) const {
  acquisition::NeedleState needle = m_plan.needle;
  const core::Vec3 tip = needleToPhantom.translation();
  const core::Vec3 backward =
      (needleToPhantom.linear() * axisVector(m_settings.needleShaftAxis)).normalized();
  needle.direction = -backward;
  needle.tipDeflectionMm = 0.0;
  needle.entryMm = tip;
  needle.insertionDepthMm = 0.0;
  if (m_volume->labelAt(tip) == 0) return needle;  // in the air: out of the skin
  const core::Vec3 entry = acquisition::skinPointAlong(*m_volume, tip, backward);
  needle.insertionDepthMm = std::min((tip - entry).norm(), needle.lengthMm);
  needle.entryMm = tip - needle.insertionDepthMm * needle.direction;
  return needle;
}

std::optional<TrackedDrive::ToolResult> TrackedDrive::checkPose(
    const std::optional<acquisition::TrackedPose>& pose, const std::string& device, const char* tool,
    bool connected, std::int64_t nowNs, const acquisition::TrackerSnapshot& snapshot) const {
  if (!pose) {
    if (!connected) return ToolResult{TrackedStatus::NotConnected, ""};
    return ToolResult{TrackedStatus::NoTransforms, std::string("waiting for ") + tool + " transform '" +
                                                       device + "' (" + seenText(snapshot) + ")"};
  }
  const double ageMs = static_cast<double>(nowNs - pose->receivedNs) / 1e6;
  if (!connected) return ToolResult{TrackedStatus::NotConnected, ""};
  if (ageMs > m_settings.staleAfterMs)
    return ToolResult{TrackedStatus::Stale, std::string(tool) + " transform '" + device + "' is " +
                                                number(ageMs, 0) + " ms old: " + tool + " frozen"};
  return std::nullopt;
}

TrackedDrive::ToolResult TrackedDrive::updateProbe(const acquisition::TrackerSnapshot& snapshot,
                                                   const core::Transform3& referenceToPhantom,
                                                   std::int64_t nowNs) {
  if (m_tracker.probeDevice.empty()) return {TrackedStatus::Tracking, "probe not tracked (planned place)"};
  if (auto problem =
          checkPose(snapshot.probe, m_tracker.probeDevice, "probe", snapshot.connected, nowNs, snapshot))
    return *problem;
  core::Transform3 probe = referenceToPhantom * snapshot.probe->pose;
  if (!insideVolume(probe.translation()))
    return {TrackedStatus::OutsidePhantom, "probe outside the phantom: kept at its last place"};
  if (m_settings.snapProbeToSkin) {
    const core::Vec3 beam = probe.linear().col(1).normalized();
    probe.translation() =
        acquisition::skinPointAlong(*m_volume, probe.translation() + kSkinSearchDepthMm * beam, -beam);
  }
  m_probe = probe;
  return {TrackedStatus::Tracking, "probe tracked"};
}

TrackedDrive::ToolResult TrackedDrive::updateNeedle(const acquisition::TrackerSnapshot& snapshot,
                                                    const core::Transform3& referenceToPhantom,
                                                    std::int64_t nowNs) {
  if (m_tracker.needleDevice.empty() || !m_plan.hasNeedle) {
    m_needle.reset();
    return {TrackedStatus::Tracking, "no needle"};
  }
  if (auto problem =
          checkPose(snapshot.needle, m_tracker.needleDevice, "needle", snapshot.connected, nowNs, snapshot))
    return *problem;
  const core::Transform3 needle = referenceToPhantom * snapshot.needle->pose;
  if (!insideVolume(needle.translation())) {
    m_needle.reset();
    return {TrackedStatus::OutsidePhantom, "needle tip outside the phantom: needle ignored"};
  }
  m_needle = needleFrom(needle);
  return {TrackedStatus::Tracking, m_needle->insertionDepthMm > 0
                                       ? "needle in " + number(m_needle->insertionDepthMm, 1) + " mm"
                                       : std::string("needle out of the skin")};
}

TrackedFrame TrackedDrive::update(const acquisition::TrackerSnapshot& snapshot, std::int64_t nowNs,
                                  double timeS) {
  TrackedFrame frame;
  core::Transform3 phantomToReference = core::Transform3::Identity();
  frame.registration = "identity";
  if (m_settings.phantomToReference) {
    phantomToReference = *m_settings.phantomToReference;
    frame.registration = "file";
  } else if (snapshot.phantom) {
    phantomToReference = snapshot.phantom->pose;
    frame.registration = "tracker";
  }
  const core::Transform3 referenceToPhantom = phantomToReference.inverse();
  const ToolResult probe = updateProbe(snapshot, referenceToPhantom, nowNs);
  const ToolResult needle = updateNeedle(snapshot, referenceToPhantom, nowNs);
  frame.probeFrozen = probe.status != TrackedStatus::Tracking;
  frame.needleFrozen = needle.status == TrackedStatus::Stale || needle.status == TrackedStatus::NotConnected;
  frame.status = std::min(probe.status, needle.status);
  if (frame.status == TrackedStatus::NotConnected) {
    frame.message = (snapshot.reason.empty() ? std::string("not connected") : snapshot.reason) +
                    " — probe and needle frozen";
  } else {
    frame.message = probe.message + "; " + needle.message;
  }
  frame.state.timeS = timeS;
  frame.state.probeToReference = m_probe;
  frame.state.needle = m_needle;
  return frame;
}

}  // namespace hipguide::training
