#pragma once
/// The needle in the probe's frame: its sampled shaft, its echoes and its ground truth.

#include "SimEchoField.h"

#include <hipguide/acquisition/NeedleState.h>
#include <hipguide/acquisition/ScanConversion.h>
#include <hipguide/acquisition/UltrasoundSimulator.h>

#include <vector>

namespace hipguide::acquisition::sim {

/// Spacing of the shaft samples along the needle.
constexpr double kNeedleStepMm = 0.1;

/// One sample of the shaft, from the entry (first) to the tip (last).
struct NeedlePoint {
  core::Vec3 probeMm;         ///< Position in probe mm (z = out of plane).
  core::Vec3 directionProbe;  ///< Local unit direction of the shaft, probe frame.
  double fromTipMm = 0;       ///< Arc length to the tip.
  bool inBody = false;        ///< Inside the anatomy (label ≠ 0); outside, nothing echoes.
};

/// Samples the shaft every kNeedleStepMm in the probe frame.
std::vector<NeedlePoint> sampleNeedle(const NeedleState& needle, const core::Transform3& probeToReference,
                                      const anatomy::LabelVolume& volume);

/// Adds the needle's echoes to the field: a specular shaft that fades as the shaft steepens to
/// the beam, a brighter bevel, reverberation below the shaft, the elevation beam profile, and
/// the tissue's transmission above it. Call after marchTissue() (it uses the field's contact
/// offsets) and before the PSF.
void addNeedleEchoes(const NeedleState& needle, const std::vector<NeedlePoint>& points,
                     const ScanGeometry& geometry, EchoField& field);

/// Ground truth of the needle for one frame (frameId and timestamp left 0), in image mm as
/// displayed (with the lines' contact offsets, see EchoField::contactOffset).
FrameTruth needleTruth(const std::vector<NeedlePoint>& points, const NeedleState* needle,
                       const ScanGeometry& geometry, const std::vector<int>& contactOffsets,
                       const core::Transform3& probeToReference);

}  // namespace hipguide::acquisition::sim
