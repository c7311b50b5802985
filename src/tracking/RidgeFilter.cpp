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

}  // namespace

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
  cv::sepFilter2D(greyF, m_xx, CV_32F, m_second, m_gauss, {-1, -1}, 0, cv::BORDER_REPLICATE);
  cv::sepFilter2D(greyF, m_yy, CV_32F, m_gauss, m_second, {-1, -1}, 0, cv::BORDER_REPLICATE);
  cv::sepFilter2D(greyF, m_xy, CV_32F, m_first, m_first, {-1, -1}, 0, cv::BORDER_REPLICATE);
  maps.strength.create(greyF.size(), CV_32F);
  maps.orientationDeg.create(greyF.size(), CV_32F);
  const float scale = static_cast<float>(m_sigmaPx * m_sigmaPx);
  m_samples.clear();
  for (int y = 0; y < greyF.rows; ++y) {
    const float* xx = m_xx.ptr<float>(y);
    const float* yy = m_yy.ptr<float>(y);
    const float* xy = m_xy.ptr<float>(y);
    const std::uint8_t* inside = mask.ptr<std::uint8_t>(y);
    float* strength = maps.strength.ptr<float>(y);
    float* orientation = maps.orientationDeg.ptr<float>(y);
    for (int x = 0; x < greyF.cols; ++x) {
      if (!inside[x]) {
        strength[x] = 0.0f;
        orientation[x] = 0.0f;
        continue;
      }
      const float half = 0.5f * (xx[x] + yy[x]);
      const float root = std::sqrt(0.25f * (xx[x] - yy[x]) * (xx[x] - yy[x]) + xy[x] * xy[x]);
      const float lambdaLow = half - root;
      const float lambdaHigh = half + root;
      strength[x] = scale * std::max(0.0f, -lambdaLow - std::abs(lambdaHigh));
      // Orientation only where there is a ridge (cv::fastAtan2: degrees, about 0.3° accurate).
      orientation[x] = strength[x] > 0.0f ? 0.5f * cv::fastAtan2(2.0f * xy[x], xx[x] - yy[x]) : 0.0f;
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
  maps.strength *= maps.noiseLevel > 1e-3 ? 1.0 / maps.noiseLevel : 0.0;
}

}  // namespace hipguide::tracking
