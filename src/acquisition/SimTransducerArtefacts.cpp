#include "SimTransducerArtefacts.h"

#include "SimRandom.h"

#include <algorithm>
#include <cmath>

namespace hipguide::acquisition::sim {
namespace {

/// Ring-down amplitude at the face (diffuse backscatter = 1) and its e-folding depth.
constexpr float kRingdownAmplitude = 4.0f;
constexpr double kRingdownMm = 0.5;
/// Share of an echo that the face sends back into the body again.
constexpr float kFaceReflection = 0.25f;
/// Echoes from above this depth reverberate visibly.
constexpr double kReverberationSourceMm = 12.0;
constexpr double kEdgeShare = 0.08;
constexpr double kEdgeLossDb = 6.0;
constexpr std::uint32_t kRingdownSeed = 0x2545f491U;

}  // namespace

void addNearFieldArtefacts(const ScanGeometry& geometry, EchoField& field) {
  const GaussianTable& table = gaussianTable();
  const double dr = geometry.sampleSpacingMm();
  const int ringdown = std::min(field.samples, static_cast<int>(std::ceil(5.0 * kRingdownMm / dr)));
  const int sources = std::min(field.samples / 3, static_cast<int>(kReverberationSourceMm / dr));
  for (int line = 0; line < field.lines; ++line) {
    float* re = field.re.data() + field.at(line, 0);
    float* im = field.im.data() + field.at(line, 0);
    const float* transmission = field.transmission.data() + field.at(line, 0);
    // Reverberations first (from the tissue echoes only), deepest target first.
    for (int s = sources - 1; s >= 1; --s) {
      const float first = kFaceReflection * transmission[s];
      const float second = first * kFaceReflection * transmission[s];
      re[3 * s] += second * re[s];
      im[3 * s] += second * im[s];
      re[2 * s] += first * re[s];
      im[2 * s] += first * im[s];
    }
    for (int s = 0; s < ringdown; ++s) {
      const std::uint32_t h = hashCell(line, s, 0, kRingdownSeed);
      const auto amplitude = static_cast<float>(kRingdownAmplitude * std::exp(-s * dr / kRingdownMm));
      re[s] += amplitude * table.re(h);
      im[s] += amplitude * table.im(h);
    }
  }
}

void applyEdgeFalloff(const ScanGeometry& geometry, std::vector<float>& envelope) {
  const int lines = geometry.lines(), samples = geometry.samples();
  const int edge = std::max(1, static_cast<int>(kEdgeShare * lines));
  for (int line = 0; line < lines; ++line) {
    const int fromEdge = std::min(line, lines - 1 - line);
    if (fromEdge >= edge) continue;
    const double x = static_cast<double>(fromEdge) / edge;  // 0 at the edge, 1 inside.
    const double smooth = x * x * (3.0 - 2.0 * x);
    const auto factor = static_cast<float>(std::pow(10.0, -kEdgeLossDb * (1.0 - smooth) / 20.0));
    float* row = envelope.data() + static_cast<std::size_t>(line) * samples;
    for (int s = 0; s < samples; ++s) row[s] *= factor;
  }
}

}  // namespace hipguide::acquisition::sim
