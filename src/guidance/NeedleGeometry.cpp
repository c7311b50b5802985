#include <hipguide/guidance/NeedleGeometry.h>

#include <algorithm>

namespace hipguide::guidance {

core::Vec3 imageToReferenceMm(const core::Vec2& imageMm, const core::Transform3& imageToReference) {
  return imageToReference * core::Vec3(imageMm.x(), imageMm.y(), 0.0);
}

std::optional<NeedlePose> needlePose(const core::NeedleEstimate& estimate,
                                     const core::Transform3& imageToReference) {
  if (!estimate.detected) return std::nullopt;
  const core::Vec2 shaft = estimate.tipMm - estimate.entryMm;
  if (shaft.norm() < 1e-6) return std::nullopt;
  NeedlePose pose;
  pose.tipImageMm = estimate.tipMm;
  pose.entryImageMm = estimate.entryMm;
  pose.directionImage = shaft.normalized();
  pose.tipMm = imageToReferenceMm(estimate.tipMm, imageToReference);
  pose.entryMm = imageToReferenceMm(estimate.entryMm, imageToReference);
  pose.directionMm = (pose.tipMm - pose.entryMm).normalized();
  return pose;
}

PredictedPath predictPath(const NeedlePose& needle, const std::optional<core::Vec3>& targetMm,
                          const core::Transform3& imageToReference, double maxLengthMm) {
  double lengthMm = maxLengthMm;
  if (targetMm) {
    const double ahead = (*targetMm - needle.tipMm).dot(needle.directionMm);
    if (ahead > 0.0) lengthMm = std::min(ahead, maxLengthMm);
  }
  PredictedPath path;
  path.lengthMm = lengthMm;
  path.startImageMm = needle.tipImageMm;
  path.endImageMm = needle.tipImageMm + lengthMm * needle.directionImage;
  path.startMm = needle.tipMm;
  path.endMm = imageToReferenceMm(path.endImageMm, imageToReference);
  return path;
}

}  // namespace hipguide::guidance
