#include "SimLogCompression.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace hipguide::acquisition::sim {
namespace {

/// log2 with about 1e-4 absolute error (P. Mineiro's fastlog2), for positive finite x.
inline float fastLog2(float x) {
  std::uint32_t bits = 0;
  std::memcpy(&bits, &x, sizeof bits);
  const std::uint32_t mantissaBits = (bits & 0x007FFFFFu) | 0x3f000000u;
  float mantissa = 0;
  std::memcpy(&mantissa, &mantissaBits, sizeof mantissa);
  const float exponent = static_cast<float>(bits) * 1.1920928955078125e-7f;
  return exponent - 124.22551499f - 1.498030302f * mantissa - 1.72587999f / (0.3520887068f + mantissa);
}

}  // namespace

void detectEnvelope(const EchoField& field, std::vector<float>& envelope) {
  envelope.resize(field.re.size());
  for (std::size_t index = 0; index < envelope.size(); ++index)
    envelope[index] = std::sqrt(field.re[index] * field.re[index] + field.im[index] * field.im[index]);
}

std::vector<float> displayGainDb(const ImagingSettings& imaging, const ScanGeometry& geometry) {
  const int samples = geometry.samples();
  const double frequencyMHz = geometry.model().centreFrequencyMHz;
  std::vector<float> gain(static_cast<std::size_t>(samples));
  for (int s = 0; s < samples; ++s) {
    const double depthMm = s * geometry.sampleSpacingMm();
    double value = imaging.gainDb;
    if (imaging.autoTgc) value += 2.0 * imaging.autoTgcDbPerCmMHz * frequencyMHz * depthMm / 10.0;
    // Sliders sit at the centres of kTgcSliders equal depth bands.
    const double position = std::clamp(depthMm / imaging.depthMm * kTgcSliders - 0.5, 0.0, kTgcSliders - 1.0);
    const int lower = std::min(static_cast<int>(position), kTgcSliders - 2);
    const double fraction = position - lower;
    value += (1.0 - fraction) * imaging.tgcDb[static_cast<std::size_t>(lower)] +
             fraction * imaging.tgcDb[static_cast<std::size_t>(lower + 1)];
    gain[static_cast<std::size_t>(s)] = static_cast<float>(value);
  }
  return gain;
}

void logCompress(const std::vector<float>& envelope, const std::vector<float>& gainDb, int lines,
                 double dynamicRangeDb, std::vector<std::uint8_t>& polar) {
  const int samples = static_cast<int>(gainDb.size());
  polar.resize(envelope.size());
  const float scale = static_cast<float>(255.0 / dynamicRangeDb);
  const float dbPerLog2 = static_cast<float>(20.0 * std::log10(2.0));
  std::vector<float> offset(gainDb.size());
  for (std::size_t s = 0; s < gainDb.size(); ++s)
    offset[s] = static_cast<float>((gainDb[s] - kWhiteLevelDb + dynamicRangeDb) * scale);
  for (int line = 0; line < lines; ++line) {
    const float* source = envelope.data() + static_cast<std::size_t>(line) * samples;
    std::uint8_t* target = polar.data() + static_cast<std::size_t>(line) * samples;
    for (int s = 0; s < samples; ++s) {
      const float value =
          scale * dbPerLog2 * fastLog2(source[s] + 1e-12f) + offset[static_cast<std::size_t>(s)];
      target[s] = static_cast<std::uint8_t>(std::clamp(value, 0.0f, 255.0f));
    }
  }
}

void reduceSpeckle(std::vector<std::uint8_t>& polar, int lines, std::vector<std::uint16_t>& scratch) {
  const int samples = static_cast<int>(polar.size()) / lines;
  scratch.resize(polar.size());
  // Axial pass into scratch (×4), then lateral pass back into polar (÷16, rounded).
  for (int line = 0; line < lines; ++line) {
    const std::uint8_t* source = polar.data() + static_cast<std::size_t>(line) * samples;
    std::uint16_t* target = scratch.data() + static_cast<std::size_t>(line) * samples;
    target[0] = static_cast<std::uint16_t>(4 * source[0]);
    target[samples - 1] = static_cast<std::uint16_t>(4 * source[samples - 1]);
    for (int s = 1; s < samples - 1; ++s)
      target[s] = static_cast<std::uint16_t>(source[s - 1] + 2 * source[s] + source[s + 1]);
  }
  for (int line = 1; line < lines - 1; ++line) {
    const std::uint16_t* above = scratch.data() + static_cast<std::size_t>(line - 1) * samples;
    const std::uint16_t* here = above + samples;
    const std::uint16_t* below = here + samples;
    std::uint8_t* target = polar.data() + static_cast<std::size_t>(line) * samples;
    for (int s = 0; s < samples; ++s)
      target[s] = static_cast<std::uint8_t>((above[s] + 2 * here[s] + below[s] + 8) >> 4);
  }
}

}  // namespace hipguide::acquisition::sim
