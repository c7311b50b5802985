#pragma once
/// The hand-drivable trainee: probe and needle moved by discrete commands (keyboard, mouse,
/// scripts) relative to the scenario's planned set-up.

#include <hipguide/acquisition/NeedleState.h>
#include <hipguide/acquisition/Scenario.h>
#include <hipguide/anatomy/LabelVolume.h>

#include <memory>
#include <optional>

namespace hipguide::training {

/// The probe relative to its planned place: slid on the skin along its array and across it,
/// tilted (rocked about the array, fanning the plane) and rotated about the beam. mm and degrees.
struct ProbeControl {
  double slideAlongMm = 0;
  double slideAcrossMm = 0;
  double tiltDeg = 0;
  double rotateDeg = 0;
};

/// The needle: entry point moved on the skin from the planned one, angle to the skin in the
/// plan's image plane, yaw out of that plane, and insertion depth. mm and degrees.
struct NeedleControl {
  double entryAlongMm = 0;
  double entryAcrossMm = 0;
  double angleDeg = 0;  ///< Elevation of the needle above the probe's array direction.
  double yawDeg = 0;    ///< Rotation about the planned beam (out of the planned plane).
  double insertionMm = 0;
};

/// Turns trainee commands into a probe pose and a NeedleState. The probe face and the needle
/// entry always lie on the skin of the label volume. The needle's entry can be moved only while
/// it is out of the skin; steering while inserted pivots the shaft about the entry (a
/// redirection). Not thread-safe: one owner (the GUI thread or a test) drives it.
class TraineeControls {
 public:
  /// Starts at the plan's probe pose and needle entry/angle, needle out of the skin.
  TraineeControls(const acquisition::Scenario::Plan& plan,
                  std::shared_ptr<const anatomy::LabelVolume> volume);

  void slideProbe(double alongMm, double acrossMm);
  void tiltProbe(double deltaDeg);    ///< Clamped to ±30°.
  void rotateProbe(double deltaDeg);  ///< Clamped to ±90°.
  /// Moves the entry point on the skin; false (nothing changes) while the needle is inserted.
  bool moveEntry(double alongMm, double acrossMm);
  /// Changes the needle's angle (clamped 5°-80°) and yaw (±45°).
  void steer(double deltaAngleDeg, double deltaYawDeg);
  /// Insertion depth changes, clamped to [0, needle length].
  void advance(double mm);
  void withdraw(double mm);
  /// Back to the plan's start.
  void reset();

  const ProbeControl& probe() const { return m_probe; }
  const NeedleControl& needleControl() const { return m_needle; }
  core::Transform3 probePose() const;
  /// The needle, or nullopt when the plan has none.
  std::optional<acquisition::NeedleState> needle() const;
  /// probePose() and needle() at a time, as the attempt runner consumes them.
  acquisition::ScenarioState state(double timeS) const;

 private:
  core::Vec3 planLateral() const;
  core::Vec3 planElevation() const;
  core::Vec3 needleDirection() const;
  void placeEntryOnSkin();

  acquisition::Scenario::Plan m_plan;
  std::shared_ptr<const anatomy::LabelVolume> m_volume;
  double m_planAngleDeg = 0;
  ProbeControl m_probe;
  NeedleControl m_needle;
  core::Vec3 m_entryMm{0, 0, 0};  ///< Skin entry; fixed while inserted (steering pivots there).
};

}  // namespace hipguide::training
