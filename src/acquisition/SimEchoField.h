#pragma once
/// The complex echo field on a probe's polar grid, before the PSF.

#include <cstddef>
#include <vector>

namespace hipguide::acquisition::sim {

/// Line-major (lines × samples) complex echoes and the two-way amplitude transmission that
/// reached each sample (attenuation and boundary losses), for adding the needle's echoes.
struct EchoField {
  int lines = 0;
  int samples = 0;
  std::vector<float> re;
  std::vector<float> im;
  std::vector<float> transmission;
  /// Per line: samples of air between the face and the skin that the probe presses away. The
  /// compression tapers off with depth: see tissueSample() and displayedSample().
  std::vector<int> contactOffset;

  void reset(int lineCount, int sampleCount) {
    lines = lineCount;
    samples = sampleCount;
    const std::size_t size = static_cast<std::size_t>(lineCount) * sampleCount;
    re.assign(size, 0.0f);
    im.assign(size, 0.0f);
    transmission.assign(size, 0.0f);
    contactOffset.assign(static_cast<std::size_t>(lineCount), 0);
  }
  std::size_t at(int line, int sample) const { return static_cast<std::size_t>(line) * samples + sample; }
};

/// Depth over which the skin's compression by the probe face fades out.
constexpr double kContactTaperMm = 30.0;

/// Sample along the line of the tissue shown at displayed sample s, for a line whose skin lies
/// `offset` samples below the face; compression fades linearly over `taper` samples.
inline int tissueSample(int s, int offset, int taper) {
  return s >= taper ? s : s + (offset * (taper - s) + taper / 2) / taper;
}

/// Inverse of tissueSample(): displayed sample of the tissue at sample t (negative in the air
/// that the face pressed away).
inline double displayedSample(double t, int offset, int taper) {
  const double s = (t - offset) / (1.0 - static_cast<double>(offset) / taper);
  return s < taper ? s : t;
}

}  // namespace hipguide::acquisition::sim
