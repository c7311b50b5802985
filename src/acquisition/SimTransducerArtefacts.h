#pragma once
/// Artefacts of the transducer itself: ring-down at the face, near-field reverberation between
/// the face and the first interfaces, and the weaker edge lines of the array.

#include "SimEchoField.h"

#include <hipguide/acquisition/ScanConversion.h>

#include <vector>

namespace hipguide::acquisition::sim {

/// Adds to the tissue echoes (before the needle and the PSF): the face's ring-down (a bright
/// band fading over the first millimetre, fixed to the probe, the same every frame) and the
/// first two reverberations of the echoes from the top 12 mm (an echo from depth d reappears
/// at 2d and 3d, weaker by the face's reflection and the extra round trips).
void addNearFieldArtefacts(const ScanGeometry& geometry, EchoField& field);

/// Scales the envelope of the outermost lines (fewer active elements, element directivity):
/// −6 dB at the first and last line, rising smoothly to 0 dB over the outer 8% of lines.
void applyEdgeFalloff(const ScanGeometry& geometry, std::vector<float>& envelope);

}  // namespace hipguide::acquisition::sim
