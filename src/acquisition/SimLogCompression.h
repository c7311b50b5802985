#pragma once
/// Envelope detection and log compression of the beamformed field.

#include "SimEchoField.h"

#include <hipguide/acquisition/ProbeModel.h>
#include <hipguide/acquisition/ScanConversion.h>

#include <cstdint>
#include <vector>

namespace hipguide::acquisition::sim {

/// Envelope level (dB re unit amplitude) shown as white at gain 0 dB.
constexpr double kWhiteLevelDb = 46.0;

/// |field| per sample, line-major.
void detectEnvelope(const EchoField& field, std::vector<float>& envelope);

/// Display gain per sample in dB: overall gain, automatic compensation of a nominal
/// attenuation (when on) and the TGC sliders, linearly interpolated over depth.
std::vector<float> displayGainDb(const ImagingSettings& imaging, const ScanGeometry& geometry);

/// 8-bit log-compressed image of the envelope: white at kWhiteLevelDb after gain, black
/// dynamicRangeDb below.
void logCompress(const std::vector<float>& envelope, const std::vector<float>& gainDb, int lines,
                 double dynamicRangeDb, std::vector<std::uint8_t>& polar);

/// The scanner's mild speckle reduction on the log-compressed polar image (lines × samples):
/// a 3 × 3 binomial filter ([1 2 1]/4 along and across the lines), which fills the deepest
/// speckle nulls as real scanners' display processing does; edge lines and samples are kept.
/// `scratch` is a reusable buffer.
void reduceSpeckle(std::vector<std::uint8_t>& polar, int lines, std::vector<std::uint16_t>& scratch);

}  // namespace hipguide::acquisition::sim
