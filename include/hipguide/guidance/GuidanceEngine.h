#pragma once
/// The guidance logic of one procedure: from tracker estimates to distances and alerts.

#include <hipguide/anatomy/Anatomy.h>
#include <hipguide/guidance/AlertMonitor.h>
#include <hipguide/guidance/GuidanceSettings.h>
#include <hipguide/guidance/GuidanceState.h>

#include <optional>
#include <string_view>

namespace hipguide::guidance {

/// Turns each tracker estimate, with the frame's image-to-reference transform, into the needle
/// and its predicted path in 3D, the tip-to-target distance, the clearance of the path and of
/// the tip to every watched critical structure (from the anatomy's distance fields), and the
/// alerts. Without anatomy or pose it still predicts the path in the image and raises the
/// motion alerts; without a target (no anatomy yet, or none in it) it reports no target
/// distance. Feed frames of one source in time order from one thread.
class GuidanceEngine {
 public:
  GuidanceEngine(std::optional<anatomy::Anatomy> anatomy, std::optional<GuidanceTarget> target,
                 GuidanceSettings settings = {});

  GuidanceState update(const core::NeedleEstimate& estimate,
                       const std::optional<core::Transform3>& imageToReference, std::int64_t timeNs);

  void setTarget(std::optional<GuidanceTarget> target);
  const std::optional<GuidanceTarget>& target() const { return m_target; }
  const std::optional<anatomy::Anatomy>& anatomy() const { return m_anatomy; }
  const GuidanceSettings& settings() const { return m_settings; }
  /// Forgets the alert history (new insertion, new source).
  void reset() { m_alerts.reset(); }

 private:
  void measure(GuidanceState& state, const core::Transform3& imageToReference) const;
  std::vector<std::string> watchedStructures() const;

  std::optional<anatomy::Anatomy> m_anatomy;
  std::optional<GuidanceTarget> m_target;
  GuidanceSettings m_settings;
  std::vector<std::string> m_watched;
  AlertMonitor m_alerts;
};

/// The anterior-recess target of an anatomy: the phantom's landmark, else the centre of the
/// `anterior_recess` label; the critical structures are all critical labels present.
/// std::nullopt when the anatomy has neither.
std::optional<GuidanceTarget> defaultTarget(const anatomy::Anatomy& anatomy);

/// The centre of the voxels carrying a label (reference mm); std::nullopt when the table lacks
/// the label or no voxel carries it. Walks the whole volume: call once per target, not per frame.
std::optional<core::Vec3> labelCentreMm(const anatomy::Anatomy& anatomy, std::string_view labelName);

}  // namespace hipguide::guidance
