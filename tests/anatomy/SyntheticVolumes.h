#pragma once
/// Label maps with known geometry for the anatomy tests.

#include <hipguide/anatomy/LabelTable.h>
#include <hipguide/anatomy/LabelVolume.h>

namespace hipguide::anatomy::synthetic {

/// A ball of `value` (radius `radiusMm` about `centreMm`) in a cube grid of `sizeVoxels`
/// voxels of `spacingMm`, with the given origin and direction.
inline LabelVolume ballVolume(const core::Vec3& centreMm, double radiusMm, int sizeVoxels, double spacingMm,
                              const core::Vec3& originMm = core::Vec3::Zero(),
                              const Eigen::Matrix3d& direction = Eigen::Matrix3d::Identity(),
                              std::uint8_t value = 1) {
  LabelVolume volume;
  volume.size = {sizeVoxels, sizeVoxels, sizeVoxels};
  volume.spacingMm = core::Vec3::Constant(spacingMm);
  volume.originMm = originMm;
  volume.direction = direction;
  volume.labels.assign(volume.voxelCount(), 0);
  for (int k = 0; k < sizeVoxels; ++k)
    for (int j = 0; j < sizeVoxels; ++j)
      for (int i = 0; i < sizeVoxels; ++i)
        if ((volume.indexToPhysical(core::Vec3(i, j, k)) - centreMm).norm() <= radiusMm)
          volume.labels[volume.index(i, j, k)] = value;
  return volume;
}

/// A table with one bone label 1 named "ball" and one critical vessel 2 named "vessel".
inline LabelTable ballTable() {
  LabelInfo ball;
  ball.value = 1;
  ball.name = "ball";
  ball.role = TissueRole::Bone;
  LabelInfo vessel;
  vessel.value = 2;
  vessel.name = "vessel";
  vessel.role = TissueRole::Vessel;
  vessel.critical = true;
  return LabelTable({ball, vessel});
}

}  // namespace hipguide::anatomy::synthetic
