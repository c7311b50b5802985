#include "OrientedHough.h"

#include <cmath>

namespace hipguide::tracking {
namespace {
constexpr int kAngleBins = 180;
constexpr int kSuppressAngleBins = 10;
constexpr int kSuppressOffsetBins = 10;
}  // namespace

OrientedHough::OrientedHough(double voteThreshold, double strengthCap, double spreadDeg)
    : m_voteThreshold(voteThreshold),
      m_strengthCap(strengthCap),
      m_spreadBins(std::max(0, static_cast<int>(std::lround(spreadDeg)))),
      m_cos(kAngleBins),
      m_sin(kAngleBins) {
  for (int a = 0; a < kAngleBins; ++a) {
    m_cos[a] = static_cast<float>(std::cos(a * CV_PI / 180.0));
    m_sin[a] = static_cast<float>(std::sin(a * CV_PI / 180.0));
  }
}

std::vector<HoughPeak> OrientedHough::peaks(const RidgeMaps& ridges, int maxPeaks) {
  const cv::Size size = ridges.strength.size();
  // Offsets are measured from the image centre so that a small change of angle moves a line's
  // offset little, wherever it lies.
  const int maxOffset = static_cast<int>(std::ceil(std::hypot(size.width, size.height) / 2.0)) + 1;
  const float cx = 0.5f * float(size.width - 1), cy = 0.5f * float(size.height - 1);
  const int offsetBins = 2 * maxOffset + 1;
  m_accumulator.create(kAngleBins, offsetBins, CV_32F);
  m_accumulator.setTo(0.0f);
  const auto threshold = static_cast<float>(m_voteThreshold);
  const auto cap = static_cast<float>(m_strengthCap);
  for (int y = 0; y < size.height; ++y) {
    const float* strength = ridges.strength.ptr<float>(y);
    const float* orientation = ridges.orientationDeg.ptr<float>(y);
    for (int x = 0; x < size.width; ++x) {
      if (strength[x] < threshold) continue;
      const float weight = std::min(strength[x], cap);
      const int normalBin = static_cast<int>(std::lround(orientation[x])) + 90;
      for (int k = -m_spreadBins; k <= m_spreadBins; ++k) {
        int a = normalBin + k;
        a = ((a % kAngleBins) + kAngleBins) % kAngleBins;
        const int rho = static_cast<int>(std::lround((x - cx) * m_cos[a] + (y - cy) * m_sin[a])) + maxOffset;
        m_accumulator.at<float>(a, rho) += weight;
      }
    }
  }
  std::vector<HoughPeak> result;
  for (int i = 0; i < maxPeaks; ++i) {
    double best = 0.0;
    cv::Point location;
    cv::minMaxLoc(m_accumulator, nullptr, &best, nullptr, &location);
    if (best <= 0.0) break;
    const int a = location.y;
    const float rho = float(location.x - maxOffset);
    HoughPeak peak;
    peak.votes = best;
    const cv::Point2f normal(m_cos[a], m_sin[a]);
    peak.line.point = cv::Point2f(cx, cy) + normal * rho;
    peak.line.direction = {-normal.y, normal.x};
    result.push_back(peak);
    for (int da = -kSuppressAngleBins; da <= kSuppressAngleBins; ++da) {
      int row = a + da;
      // Angle wraps: normal angle a + 180 is the same line with the offset negated.
      const bool wrapped = row < 0 || row >= kAngleBins;
      row = ((row % kAngleBins) + kAngleBins) % kAngleBins;
      const int centre = wrapped ? 2 * maxOffset - location.x : location.x;
      const int from = std::max(0, centre - kSuppressOffsetBins);
      const int to = std::min(offsetBins - 1, centre + kSuppressOffsetBins);
      float* cells = m_accumulator.ptr<float>(row);
      for (int r = from; r <= to; ++r) cells[r] = 0.0f;
    }
  }
  return result;
}

}  // namespace hipguide::tracking
