#include "AcrossContrast.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace hipguide::tracking {
namespace {

double median(std::vector<float>& values) {
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

double spread(const std::vector<float>& values) {
  double sum = 0.0, squares = 0.0;
  for (const float v : values) sum += v, squares += double(v) * v;
  const double mean = sum / double(values.size());
  return std::sqrt(std::max(0.0, squares / double(values.size()) - mean * mean));
}

}  // namespace

AcrossContrast::AcrossContrast(float sideFromPx, float sideToPx, double minSpreadGrey)
    : m_sideFromPx(sideFromPx), m_sideToPx(sideToPx), m_minSpreadGrey(minSpreadGrey) {
  if (!(sideFromPx >= 1.0f && sideToPx >= sideFromPx))
    throw std::invalid_argument("across-contrast side band must satisfy 1 <= from <= to, not " +
                                std::to_string(sideFromPx) + ".." + std::to_string(sideToPx));
  if (!(minSpreadGrey > 0.0))
    throw std::invalid_argument("across-contrast minimum spread must be > 0, not " +
                                std::to_string(minSpreadGrey));
}

AcrossContrastResult AcrossContrast::measure(const Line& line, float t0, float t1, const cv::Mat& greyF,
                                             const cv::Mat& sector) {
  CV_Assert(greyF.type() == CV_32F && sector.type() == CV_8U && sector.size() == greyF.size());
  const cv::Point2f normal = line.downNormal();
  m_above.clear();
  m_below.clear();
  m_sideAbove.clear();
  m_sideBelow.clear();
  for (float t = t0; t <= t1; t += 1.0f) {
    const cv::Point2f p = line.at(t);
    if (!insideMask(sector, p - normal * m_sideToPx) || !insideMask(sector, p + normal * m_sideToPx))
      continue;
    float shaft = 0.0f;
    for (float o = -1.0f; o <= 1.0f; o += 0.5f)
      shaft = std::max(shaft, sampleBilinear(greyF, p + normal * o));
    float above = 0.0f, below = 0.0f;
    int count = 0;
    for (float o = m_sideFromPx; o <= m_sideToPx; o += 1.0f, ++count) {
      const float up = sampleBilinear(greyF, p - normal * o), down = sampleBilinear(greyF, p + normal * o);
      above += up;
      below += down;
      m_sideAbove.push_back(up);
      m_sideBelow.push_back(down);
    }
    m_above.push_back(shaft - above / float(count));
    m_below.push_back(shaft - below / float(count));
  }
  AcrossContrastResult result;
  result.samples = static_cast<int>(m_above.size());
  if (m_above.empty()) return result;
  // Each side's own spread, so different tissues above and below do not count as speckle.
  const double spreadAbove = spread(m_sideAbove), spreadBelow = spread(m_sideBelow);
  result.spreadGrey =
      std::max(m_minSpreadGrey, std::sqrt(0.5 * (spreadAbove * spreadAbove + spreadBelow * spreadBelow)));
  result.aboveSigma = median(m_above) / result.spreadGrey;
  result.belowSigma = median(m_below) / result.spreadGrey;
  return result;
}

}  // namespace hipguide::tracking
