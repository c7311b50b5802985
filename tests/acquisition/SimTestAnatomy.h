#pragma once
/// Small label volumes with known geometry for the simulator's physics tests.

#include <hipguide/acquisition/UltrasoundSimulator.h>
#include <hipguide/anatomy/LabelVolume.h>

#include <cmath>
#include <functional>
#include <memory>

namespace hipguide::test {

/// Labels of the synthetic volumes.
enum SimLabel : std::uint8_t { kSkin = 1, kFat = 2, kMuscle = 3, kBone = 4, kVessel = 5, kCapsule = 6 };

/// A volume of `sizeMm` (x lateral, y depth from the skin at y = 0, z elevation) at `voxelMm`
/// whose label at each voxel centre is `labelAt(point)`; reference mm = volume mm.
inline std::shared_ptr<anatomy::LabelVolume> makeVolume(
    const core::Vec3& sizeMm, double voxelMm, const std::function<std::uint8_t(const core::Vec3&)>& labelAt) {
  auto volume = std::make_shared<anatomy::LabelVolume>();
  for (int axis = 0; axis < 3; ++axis)
    volume->size[axis] = static_cast<int>(std::lround(sizeMm[axis] / voxelMm));
  volume->spacingMm = {voxelMm, voxelMm, voxelMm};
  volume->originMm = {-sizeMm.x() / 2.0, 0.0, -sizeMm.z() / 2.0};
  volume->labels.resize(volume->voxelCount());
  for (int k = 0; k < volume->size[2]; ++k)
    for (int j = 0; j < volume->size[1]; ++j)
      for (int i = 0; i < volume->size[0]; ++i)
        volume->labels[volume->index(i, j, k)] = labelAt(volume->indexToPhysical(core::Vec3(i, j, k)));
  return volume;
}

/// One tissue everywhere below the skin line y = 0.
inline std::shared_ptr<anatomy::LabelVolume> homogeneousVolume(double depthMm = 100.0) {
  return makeVolume({140.0, depthMm, 30.0}, 0.5, [](const core::Vec3&) { return std::uint8_t{kMuscle}; });
}

/// Skin, fat, muscle, a femoral-head-like bone sphere (centre depth 45 mm, radius 15 mm) and a
/// vessel tube along z (x = -25 mm, depth 25 mm, radius 4 mm).
inline std::shared_ptr<anatomy::LabelVolume> layeredVolume() {
  return makeVolume({140.0, 100.0, 40.0}, 0.5, [](const core::Vec3& p) -> std::uint8_t {
    if ((p - core::Vec3(0, 45, 0)).norm() < 15.0) return kBone;
    if (std::hypot(p.x() + 25.0, p.y() - 25.0) < 4.0) return kVessel;
    if (p.y() < 2.0) return kSkin;
    if (p.y() < 12.0) return kFat;
    return kMuscle;
  });
}

/// Acoustics of the synthetic labels; muscle attenuation `muscleAttenuation` dB/cm/MHz.
inline acquisition::AcousticMap testAcoustics(double muscleAttenuation = 0.5, bool textured = false) {
  acquisition::AcousticMap map{};
  const auto set = [&](std::uint8_t label, double backscatter, double density, double attenuation,
                       double specular) {
    map[label].properties = {backscatter, density, attenuation, 1540.0, specular};
    if (textured && label == kMuscle) map[label].texture = acquisition::TissueTexture::Muscle;
    if (textured && label == kFat) map[label].texture = acquisition::TissueTexture::Fat;
  };
  set(kSkin, 0.8, 1.0, 1.0, 0.3);
  set(kFat, 0.35, 0.6, 0.6, 0.0);
  set(kMuscle, 0.3, 1.0, muscleAttenuation, 0.0);
  set(kBone, 0.2, 1.0, 15.0, 0.95);
  set(kVessel, 0.01, 1.0, 0.2, 0.2);
  set(kCapsule, 0.7, 1.0, 1.5, 0.5);
  return map;
}

/// A probe on the skin at x = `lateralMm` looking down +y, array along +x.
inline core::Transform3 probeAbove(double lateralMm = 0.0, double elevationMm = 0.0) {
  return acquisition::probePoseOnSkin({lateralMm, 0.0, elevationMm}, {0, 1, 0}, {1, 0, 0});
}

/// Mean of the image pixels within `radiusMm` of image point `centreMm` (only inside the sector).
inline double meanNear(const core::Frame& frame, const core::Vec2& centreMm, double radiusMm) {
  double sum = 0;
  int count = 0;
  for (int row = 0; row < frame.height; ++row)
    for (int column = 0; column < frame.width; ++column)
      if ((frame.pixelToMm(column, row) - centreMm).norm() <= radiusMm) {
        sum += frame.at(column, row);
        ++count;
      }
  return count ? sum / count : 0.0;
}

}  // namespace hipguide::test
