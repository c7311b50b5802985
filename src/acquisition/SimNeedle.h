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
  bool inBody = false;        ///< In tissue as imaged (see sampleNeedle); outside, nothing echoes.
};

/// Samples the shaft every kNeedleStepMm in the probe frame. A point is in the body where the
/// image shows tissue: inside the sector that is the tissue pressed up against the face (the
/// lines' `contactOffsets`, see EchoField::contactOffset), which moves around the rigid shaft.
std::vector<NeedlePoint> sampleNeedle(const NeedleState& needle, const core::Transform3& probeToReference,
                                      const anatomy::LabelVolume& volume, const ScanGeometry& geometry,
                                      const std::vector<int>& contactOffsets);

/// Adds the needle's echoes to the field: a specular shaft that fades as the shaft steepens to
/// the beam, a brighter bevel, reverberation below the shaft, the elevation beam profile, and
/// the tissue's transmission above it. The shaft is drawn where it is in the probe frame (a
/// steel needle is rigid). Call after marchTissue() (it uses the field's transmission) and
/// before the PSF.
void addNeedleEchoes(const NeedleState& needle, const std::vector<NeedlePoint>& points,
                     const ScanGeometry& geometry, EchoField& field);

/// Ground truth of the needle for one frame (frameId and timestamp left 0), in image mm: the
/// shaft's probe-frame position, as drawn by addNeedleEchoes().
FrameTruth needleTruth(const std::vector<NeedlePoint>& points, const NeedleState* needle,
                       const ScanGeometry& geometry, const core::Transform3& probeToReference);

}  // namespace hipguide::acquisition::sim
