#include "RidgeFilter.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace hipguide::tracking {
namespace {

/// Gaussian, first and second derivative kernels sampled at integer offsets.
void gaussianDerivativeKernels(double sigma, cv::Mat& gauss, cv::Mat& first, cv::Mat& second) {
  const int radius = static_cast<int>(std::ceil(3.0 * sigma));
  const int size = 2 * radius + 1;
  gauss.create(size, 1, CV_32F);
  first.create(size, 1, CV_32F);
  second.create(size, 1, CV_32F);
  double sum = 0.0;
  for (int i = 0; i < size; ++i) sum += std::exp(-0.5 * (i - radius) * (i - radius) / (sigma * sigma));
  double secondMean = 0.0;
  for (int i = 0; i < size; ++i) {
    const double x = i - radius;
    const double g = std::exp(-0.5 * x * x / (sigma * sigma)) / sum;
    gauss.at<float>(i) = static_cast<float>(g);
    // sepFilter2D correlates: the first-derivative kernel is mirrored so the result is ∂/∂x.
    first.at<float>(i) = static_cast<float>(x / (sigma * sigma) * g);
    second.at<float>(i) = static_cast<float>((x * x / (sigma * sigma) - 1.0) / (sigma * sigma) * g);
    secondMean += second.at<float>(i) / size;
  }
  for (int i = 0; i < size; ++i) second.at<float>(i) -= static_cast<float>(secondMean);
}

/// Ridge response σ²·max(0, −λ₁ − |λ₂|) (times `scale`) and line orientation from the Hessian.
RidgeSample ridgeFromHessian(float xx, float yy, float xy, float scale) {
  const float half = 0.5f * (xx + yy);
  const float root = std::sqrt(0.25f * (xx - yy) * (xx - yy) + xy * xy);
  const float lambdaLow = half - root;
  const float lambdaHigh = half + root;
  RidgeSample sample;
  sample.strength = scale * std::max(0.0f, -lambdaLow - std::abs(lambdaHigh));
  // Orientation only where there is a ridge (cv::fastAtan2: degrees, about 0.3° accurate).
  sample.orientationDeg = sample.strength > 0.0f ? 0.5f * cv::fastAtan2(2.0f * xy, xx - yy) : 0.0f;
  return sample;
}

}  // namespace

RidgeSample RidgeMaps::at(int x, int y) const {
  const float inside = strength.at<float>(y, x);
  if (inside > 0.0f || hessianXX.empty()) return {inside, orientationDeg.at<float>(y, x)};
  return ridgeFromHessian(hessianXX.at<float>(y, x), hessianYY.at<float>(y, x), hessianXY.at<float>(y, x),
                          hessianToStrength);
}

RidgeFilter::RidgeFilter(double sigmaPx, double noisePercentile)
    : m_sigmaPx(sigmaPx), m_noisePercentile(noisePercentile) {
  if (!(sigmaPx > 0.3 && sigmaPx < 20.0))
    throw std::invalid_argument("ridge.sigmaPx must be in (0.3, 20), not " + std::to_string(sigmaPx));
  if (!(noisePercentile > 0.0 && noisePercentile < 100.0))
    throw std::invalid_argument("ridge.noisePercentile must be in (0, 100), not " +
                                std::to_string(noisePercentile));
  gaussianDerivativeKernels(sigmaPx, m_gauss, m_first, m_second);
}

void RidgeFilter::apply(const cv::Mat& greyF, const cv::Mat& mask, RidgeMaps& maps) {
  CV_Assert(greyF.type() == CV_32F && mask.type() == CV_8U && mask.size() == greyF.size());
  cv::sepFilter2D(greyF, maps.hessianXX, CV_32F, m_second, m_gauss, {-1, -1}, 0, cv::BORDER_REPLICATE);
  cv::sepFilter2D(greyF, maps.hessianYY, CV_32F, m_gauss, m_second, {-1, -1}, 0, cv::BORDER_REPLICATE);
  cv::sepFilter2D(greyF, maps.hessianXY, CV_32F, m_first, m_first, {-1, -1}, 0, cv::BORDER_REPLICATE);
  maps.strength.create(greyF.size(), CV_32F);
  maps.orientationDeg.create(greyF.size(), CV_32F);
  const float scale = static_cast<float>(m_sigmaPx * m_sigmaPx);
  m_samples.clear();
  for (int y = 0; y < greyF.rows; ++y) {
    const float* xx = maps.hessianXX.ptr<float>(y);
    const float* yy = maps.hessianYY.ptr<float>(y);
    const float* xy = maps.hessianXY.ptr<float>(y);
    const std::uint8_t* inside = mask.ptr<std::uint8_t>(y);
    float* strength = maps.strength.ptr<float>(y);
    float* orientation = maps.orientationDeg.ptr<float>(y);
    for (int x = 0; x < greyF.cols; ++x) {
      if (!inside[x]) {
        strength[x] = 0.0f;
        orientation[x] = 0.0f;
        continue;
      }
      const RidgeSample ridge = ridgeFromHessian(xx[x], yy[x], xy[x], scale);
      strength[x] = ridge.strength;
      orientation[x] = ridge.orientationDeg;
      if (((x ^ y) & 3) == 0) m_samples.push_back(strength[x]);
    }
  }
  maps.noiseLevel = 0.0;
  if (!m_samples.empty()) {
    const auto rank = static_cast<std::size_t>(m_noisePercentile / 100.0 * double(m_samples.size() - 1));
    std::nth_element(m_samples.begin(), m_samples.begin() + static_cast<std::ptrdiff_t>(rank),
                     m_samples.end());
    maps.noiseLevel = m_samples[rank];
  }
  // A blank sector has no speckle to measure against: nothing in it is a ridge.
  const double toStrength = maps.noiseLevel > 1e-3 ? 1.0 / maps.noiseLevel : 0.0;
  maps.strength *= toStrength;
  maps.hessianToStrength = static_cast<float>(scale * toStrength);
}

}  // namespace hipguide::tracking
