#include "MotionCue.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace hipguide::tracking {

MotionCue::MotionCue(double backgroundRate, double rateIntervalS)
    : m_rate(backgroundRate), m_rateIntervalS(rateIntervalS) {
  if (!(backgroundRate > 0.0 && backgroundRate <= 1.0))
    throw std::invalid_argument("motion.backgroundRate must be in (0, 1], not " +
                                std::to_string(backgroundRate));
  if (!(rateIntervalS > 0.0))
    throw std::invalid_argument("motion.rateIntervalS must be > 0, not " + std::to_string(rateIntervalS));
}

double MotionCue::rateFor(double dtSeconds) const {
  if (dtSeconds >= m_rateIntervalS) return m_rate;
  return 1.0 - std::pow(1.0 - m_rate, std::max(0.0, dtSeconds) / m_rateIntervalS);
}

void MotionCue::reset() {
  m_background.release();
  m_change.release();
}

const cv::Mat& MotionCue::update(const cv::Mat& greyF, const cv::Mat& mask, double dtSeconds) {
  CV_Assert(greyF.type() == CV_32F && mask.type() == CV_8U && mask.size() == greyF.size());
  if (m_background.size() != greyF.size()) {
    greyF.copyTo(m_background);
    m_change = cv::Mat::zeros(greyF.size(), CV_32F);
    return m_change;
  }
  cv::subtract(greyF, m_background, m_change);
  const double meanAbsolute = cv::mean(cv::abs(m_change), mask)[0];
  cv::threshold(m_change, m_change, 0.0, 0.0, cv::THRESH_TOZERO);
  m_change *= meanAbsolute > 1e-3 ? 1.0 / meanAbsolute : 0.0;
  m_change.setTo(0.0f, mask == 0);
  cv::accumulateWeighted(greyF, m_background, rateFor(dtSeconds));
  return m_change;
}

double MotionCue::meanAlong(const cv::Point2f& a, const cv::Point2f& b) const {
  if (m_change.empty()) return 0.0;
  const int steps = std::max(1, static_cast<int>(std::ceil(cv::norm(b - a))));
  double sum = 0.0;
  int count = 0;
  for (int i = 0; i <= steps; ++i) {
    const cv::Point2f p = a + (b - a) * (float(i) / float(steps));
    const int x = static_cast<int>(std::lround(p.x));
    const int y = static_cast<int>(std::lround(p.y));
    if (x < 0 || y < 0 || x >= m_change.cols || y >= m_change.rows) continue;
    sum += m_change.at<float>(y, x);
    ++count;
  }
  return count ? sum / count : 0.0;
}

}  // namespace hipguide::tracking
