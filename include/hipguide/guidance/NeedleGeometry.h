#pragma once
/// The tracked needle and its predicted path, in image and in reference millimetres.

#include <hipguide/core/Geometry.h>
#include <hipguide/core/NeedleEstimate.h>

#include <optional>

namespace hipguide::guidance {

/// The needle of one estimate. Image mm as in core::Frame; reference mm (LPS) through the
/// frame's image-to-reference transform (identity when the pose is unknown).
struct NeedlePose {
  core::Vec2 tipImageMm{0, 0};
  core::Vec2 entryImageMm{0, 0};
  core::Vec2 directionImage{0, 0};  ///< Unit, from entry toward the tip.
  core::Vec3 tipMm{0, 0, 0};
  core::Vec3 entryMm{0, 0, 0};
  core::Vec3 directionMm{0, 0, 0};  ///< Unit, from entry toward the tip.
};

/// The straight continuation of the shaft ahead of the tip (in the image plane).
struct PredictedPath {
  core::Vec2 startImageMm{0, 0};
  core::Vec2 endImageMm{0, 0};
  core::Vec3 startMm{0, 0, 0};
  core::Vec3 endMm{0, 0, 0};
  double lengthMm = 0.0;
};

/// The needle of a detected estimate; std::nullopt when not detected or degenerate.
std::optional<NeedlePose> needlePose(const core::NeedleEstimate& estimate,
                                     const core::Transform3& imageToReference);

/// Image mm → reference mm (the image plane is z = 0 of the image frame).
core::Vec3 imageToReferenceMm(const core::Vec2& imageMm, const core::Transform3& imageToReference);

/// Extends the shaft beyond the tip: to the point of closest approach to the target when one
/// is given and lies ahead, else `maxLengthMm`; never longer than `maxLengthMm`.
PredictedPath predictPath(const NeedlePose& needle, const std::optional<core::Vec3>& targetMm,
                          const core::Transform3& imageToReference, double maxLengthMm);

}  // namespace hipguide::guidance
