#pragma once
/// Needle-scale bright-ridge enhancement: Hessian of a Gaussian, blob-suppressing, in units
/// of the speckle's own response.

#include <opencv2/core.hpp>

namespace hipguide::tracking {

/// Ridge strength (speckle units) and line orientation of one pixel.
struct RidgeSample {
  float strength = 0.0f;
  float orientationDeg = 0.0f;
};

/// Ridge strength and line orientation of one working image.
struct RidgeMaps {
  cv::Mat strength;  ///< CV_32F, ≥ 0, 1 = the speckle's noise-percentile response; 0 outside the mask.
  cv::Mat orientationDeg;  ///< CV_32F, line direction in [0, 180) from +x toward +y (0 where strength is 0).
  double noiseLevel = 0;   ///< Raw response that was mapped to strength 1.
  /// Hessian of the whole image (CV_32F; empty for maps made by hand) and the factor that turns
  /// its ridge response into strength.
  cv::Mat hessianXX, hessianYY, hessianXY;
  float hessianToStrength = 0.0f;

  /// The ridge at pixel (x, y): from the maps inside the mask, from the Hessian outside it. The
  /// mask's erosion leaves out a band along the sector's edge, and where a bone's acoustic shadow
  /// reaches that edge, the band holds the bone's cortex.
  RidgeSample at(int x, int y) const;
};

/// A bright line of width w gives -λ₁ ≫ 0 across it and λ₂ ≈ 0 along it (Hessian eigenvalues
/// λ₁ ≤ λ₂); speckle spots give λ₁ ≈ λ₂ and are suppressed by strength = σ²·max(0, -λ₁ - |λ₂|).
/// Dividing by a high percentile of that response over the sector makes the scale independent
/// of gain and dynamic range. Owned by one tracker; not thread-safe.
class RidgeFilter {
 public:
  /// `sigmaPx`: Gaussian scale in pixels; `noisePercentile`: in (0, 100).
  RidgeFilter(double sigmaPx, double noisePercentile);

  /// Filters `greyF` (CV_32F) inside `mask` (CV_8U) into `maps`.
  void apply(const cv::Mat& greyF, const cv::Mat& mask, RidgeMaps& maps);

 private:
  double m_sigmaPx;
  double m_noisePercentile;
  cv::Mat m_gauss, m_first, m_second;  // 1-D kernels (column vectors)
  std::vector<float> m_samples;
};

}  // namespace hipguide::tracking
