#include "SimPointSpread.h"

#include "SimBeam.h"

#include <algorithm>
#include <cmath>

namespace hipguide::acquisition::sim {
namespace {

constexpr double kFwhmToSigma = 1.0 / 2.3548;
constexpr int kMaxLateralRadius = 16;
constexpr float kNegligibleWeight = 1e-3f;

std::vector<float> gaussianL2(double sigma, int radius) {
  std::vector<float> taps(static_cast<std::size_t>(2 * radius + 1));
  double sumSquares = 0.0;
  for (int k = -radius; k <= radius; ++k) {
    const double value = std::exp(-0.5 * k * k / (sigma * sigma));
    taps[static_cast<std::size_t>(k + radius)] = static_cast<float>(value);
    sumSquares += value * value;
  }
  for (float& tap : taps) tap = static_cast<float>(tap / std::sqrt(sumSquares));
  return taps;
}

}  // namespace

PointSpread::PointSpread(const ScanGeometry& geometry)
    : m_lines(geometry.lines()), m_samples(geometry.samples()) {
  const ProbeModel& probe = geometry.model();
  const double dr = geometry.sampleSpacingMm();
  const double axialSigma = std::max(0.5, axialFwhmMm(probe) * kFwhmToSigma / dr);
  m_axialRadius = static_cast<int>(std::ceil(2.5 * axialSigma));
  m_axial = gaussianL2(axialSigma, m_axialRadius);

  std::vector<double> sigmaLines(static_cast<std::size_t>(m_samples));
  double widest = 0.0;
  for (int s = 0; s < m_samples; ++s) {
    const double sigma =
        std::max(0.35, lateralFwhmMm(probe, s * dr) * kFwhmToSigma / geometry.lineSpacingMm(s));
    sigmaLines[static_cast<std::size_t>(s)] = sigma;
    widest = std::max(widest, sigma);
  }
  m_lateralRadius = std::min(kMaxLateralRadius, static_cast<int>(std::ceil(2.5 * widest)));
  m_lateral.assign(static_cast<std::size_t>(2 * m_lateralRadius + 1), std::vector<float>(m_samples, 0.0f));
  for (int s = 0; s < m_samples; ++s) {
    const std::vector<float> taps = gaussianL2(sigmaLines[static_cast<std::size_t>(s)], m_lateralRadius);
    for (std::size_t tap = 0; tap < taps.size(); ++tap)
      m_lateral[tap][static_cast<std::size_t>(s)] = taps[tap];
  }
  for (const std::vector<float>& weights : m_lateral) {
    int first = m_samples, last = -1;
    for (int s = 0; s < m_samples; ++s) {
      if (weights[static_cast<std::size_t>(s)] < kNegligibleWeight) continue;
      first = std::min(first, s);
      last = s;
    }
    m_lateralRange.emplace_back(first, last + 1);
  }
}

void PointSpread::apply(EchoField& field) {
  m_scratchRe.resize(field.re.size());
  m_scratchIm.resize(field.im.size());
  axial(field.re, m_scratchRe);
  axial(field.im, m_scratchIm);
  lateral(m_scratchRe, field.re);
  lateral(m_scratchIm, field.im);
}

void PointSpread::axial(const std::vector<float>& in, std::vector<float>& out) const {
  const int radius = m_axialRadius;
  for (int line = 0; line < m_lines; ++line) {
    const float* source = in.data() + static_cast<std::size_t>(line) * m_samples;
    float* target = out.data() + static_cast<std::size_t>(line) * m_samples;
    std::fill(target, target + m_samples, 0.0f);
    for (int k = -radius; k <= radius; ++k) {
      const float weight = m_axial[static_cast<std::size_t>(k + radius)];
      const int begin = std::max(0, -k);
      const int end = std::min(m_samples, m_samples - k);
      for (int s = begin; s < end; ++s) target[s] += weight * source[s + k];
    }
  }
}

void PointSpread::lateral(const std::vector<float>& in, std::vector<float>& out) const {
  std::fill(out.begin(), out.end(), 0.0f);
  for (int line = 0; line < m_lines; ++line) {
    float* target = out.data() + static_cast<std::size_t>(line) * m_samples;
    for (int k = -m_lateralRadius; k <= m_lateralRadius; ++k) {
      const int sourceLine = line + k;
      if (sourceLine < 0 || sourceLine >= m_lines) continue;
      const auto tap = static_cast<std::size_t>(k + m_lateralRadius);
      const float* weights = m_lateral[tap].data();
      const float* source = in.data() + static_cast<std::size_t>(sourceLine) * m_samples;
      const auto [begin, end] = m_lateralRange[tap];
      for (int s = begin; s < end; ++s) target[s] += weights[s] * source[s];
    }
  }
}

}  // namespace hipguide::acquisition::sim
