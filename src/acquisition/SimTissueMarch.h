#pragma once
/// Ray-marching the scanlines through the label volume: the tissue part of the echo field.

#include "SimEchoField.h"
#include "SimTexture.h"

#include <hipguide/acquisition/ScanConversion.h>
#include <hipguide/acquisition/UltrasoundSimulator.h>

namespace hipguide::acquisition::sim {

/// What the march needs besides the anatomy, fixed for one frame.
struct MarchSetup {
  const ScanGeometry* geometry = nullptr;
  core::Transform3 probeToReference = core::Transform3::Identity();
  std::uint32_t seed = 1;
  std::uint64_t frameIndex = 0;
  double scattererCellMm = 0.15;
  const TextureField* texture = nullptr;  ///< Never null when marching.
  double noiseAmplitude = 0.0;            ///< Receiver noise, added after attenuation.
};

/// Per line, the samples of air between the face and the skin that the probe presses away
/// (the skin is pushed against the face when it lies less than 12 mm below it).
std::vector<int> contactOffsets(const anatomy::LabelVolume& volume, const MarchSetup& setup);

/// Fills `field` (reset to the geometry's grid) with diffuse scattering, specular boundary echoes
/// and the two-way transmission along every scanline, starting each line where it meets the skin
/// (EchoField::contactOffset). Runs on the caller's thread.
void marchTissue(const anatomy::LabelVolume& volume, const AcousticMap& acoustics, const MarchSetup& setup,
                 EchoField& field);

}  // namespace hipguide::acquisition::sim
