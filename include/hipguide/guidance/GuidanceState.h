#pragma once
/// Everything the guidance logic concluded about one frame, for the views, the recorder and training.

#include <hipguide/core/NeedleEstimate.h>
#include <hipguide/guidance/Alert.h>
#include <hipguide/guidance/AlertMonitor.h>
#include <hipguide/guidance/NeedleGeometry.h>

#include <optional>
#include <string>
#include <vector>

namespace hipguide::guidance {

/// What guidance aims at and watches: a target point and the critical structures that alert.
struct GuidanceTarget {
  std::string name = "anterior_recess";
  core::Vec3 pointMm{0, 0, 0};  ///< Reference (LPS) mm.
  double toleranceMm = 2.0;
  std::vector<std::string> criticalStructures;  ///< Label names; empty: every critical label.
};

/// The guidance of one frame. Distances in mm; image positions in image mm.
struct GuidanceState {
  std::uint64_t frameId = 0;
  std::int64_t timeNs = 0;
  core::NeedleEstimate estimate;
  bool poseKnown = false;  ///< Image-to-reference known: 3D quantities and clearances are valid.
  std::optional<NeedlePose> needle;
  std::optional<PredictedPath> path;
  std::optional<double> tipToTargetMm;
  std::optional<core::Vec3> targetMm;       ///< The target in reference mm, when pose and target are known.
  std::optional<core::Vec2> targetImageMm;  ///< Target projected onto the image plane.
  double targetOffPlaneMm = 0.0;            ///< Distance of the target from the image plane.
  std::vector<StructureClearance> pathClearances;
  std::vector<StructureClearance> tipClearances;
  std::vector<Alert> alerts;  ///< Most severe first.

  /// The smallest path clearance, if any structure was measured.
  const StructureClearance* nearestOnPath() const;
};

}  // namespace hipguide::guidance
