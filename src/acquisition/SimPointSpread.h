#pragma once
/// The separable point-spread function of a probe geometry: axial pulse and depth-dependent beam.

#include "SimEchoField.h"

#include <hipguide/acquisition/ScanConversion.h>

#include <vector>

namespace hipguide::acquisition::sim {

/// Gaussian axial kernel (pulse length) and, for every sample depth, a Gaussian lateral kernel
/// across scanlines whose width follows the beam (narrowest at the focus). Kernels have unit
/// L2 norm, so fully developed speckle keeps its mean level at every depth. Built once per
/// geometry; apply() is called per frame on the renderer's thread.
class PointSpread {
 public:
  explicit PointSpread(const ScanGeometry& geometry);
  /// Convolves the complex field in place (scratch buffers are kept between calls).
  void apply(EchoField& field);

 private:
  void axial(const std::vector<float>& in, std::vector<float>& out) const;
  void lateral(const std::vector<float>& in, std::vector<float>& out) const;

  int m_lines;
  int m_samples;
  std::vector<float> m_axial;  ///< Taps -radius..radius.
  int m_axialRadius = 0;
  int m_lateralRadius = 0;
  std::vector<std::vector<float>> m_lateral;        ///< [tap + radius][sample].
  std::vector<std::pair<int, int>> m_lateralRange;  ///< Non-zero sample range of each tap.
  std::vector<float> m_scratchRe;
  std::vector<float> m_scratchIm;
};

}  // namespace hipguide::acquisition::sim
