#pragma once
/// Tissue texture on top of speckle: fascicles and fibro-adipose septa (muscle), lobules and
/// septa (fat), fibrils (skin, capsule). Like speckle it is a property of the anatomy in 3D.

#include <hipguide/acquisition/UltrasoundSimulator.h>
#include <hipguide/anatomy/LabelVolume.h>

#include <array>
#include <cstdint>
#include <vector>

namespace hipguide::acquisition::sim {

/// Where the layers of every texture lie, fixed for a simulator's lifetime. Layers are
/// concentric around the limb axis (a line along LPS z through `axisMm` in x-y: muscle and fat
/// wrap around the thigh, so a probe on the skin sees them roughly parallel to the skin), warped
/// by three long-wavelength waves drawn from the seed (waviness and pennation).
struct TextureField {
  struct Wave {
    float kx, ky, kz, phase;  ///< Wave vector (rad/mm) and phase (rad).
  };
  core::Vec2 axisMm{0.0, 0.0};
  std::array<Wave, 3> waves{};
  std::uint32_t seed = 1;
  float contrast = 1.0f;  ///< SimulatorOptions::textureContrast.

  /// The field of a volume: the axis through the centroid of its body (labels ≠ 0).
  static TextureField forVolume(const anatomy::LabelVolume& volume, std::uint32_t seed, double contrast);
  /// Radial layer coordinate (mm from the axis) of a reference point, before the warp.
  float radiusMm(float x, float y) const;
  /// Warp (unit amplitude, -1..1) at a reference point.
  float warp(float x, float y, float z) const;
};

/// The texture along one scanline: call gain() for every sample of a textured tissue.
class TextureRay {
 public:
  /// `startMm` + t·`stepMm` (reference mm) is tissue sample t, for t below `samples`.
  TextureRay(const TextureField& field, const core::Vec3& startMm, const core::Vec3& stepMm, int samples);
  /// Amplitude factor of the diffuse echo at tissue sample t for a texture (1 for None).
  /// Caches the current layer (not thread-safe; one ray per thread).
  float gain(TissueTexture texture, int t);

 private:
  const TextureField* m_field;
  float m_x, m_y, m_z, m_dx, m_dy, m_dz;
  std::vector<float> m_radius;  ///< At every kCoarse-th sample, interpolated between.
  std::vector<float> m_warp;
  std::int32_t m_layer = 0;
  TissueTexture m_layerTexture = TissueTexture::None;  ///< None: no layer cached yet.
  float m_layerBase = 1.0f;
};

}  // namespace hipguide::acquisition::sim
