#include "TipLocator.h"

#include <algorithm>
#include <cmath>

namespace hipguide::tracking {
namespace {

constexpr float kStep = 0.25f;
constexpr double kMinContrast = 4.0;
/// The shaft level upstream is measured this many level windows before the ridge's end.
constexpr float kUpstreamWindows = 3.0f;

float medianOf(std::vector<float>& scratch, const std::vector<float>& values, std::size_t from,
               std::size_t to) {
  scratch.assign(values.begin() + static_cast<std::ptrdiff_t>(from),
                 values.begin() + static_cast<std::ptrdiff_t>(to));
  const auto middle = scratch.begin() + static_cast<std::ptrdiff_t>(scratch.size() / 2);
  std::nth_element(scratch.begin(), middle, scratch.end());
  return *middle;
}

}  // namespace

TipLocator::TipLocator(const TipConfig& config) : m_config(config) {}

TipLocation TipLocator::locate(const Line& line, float ridgeEndT, const cv::Mat& greyF,
                               const cv::Mat& sector) {
  TipLocation result;
  result.tipT = ridgeEndT;
  const auto window = static_cast<float>(m_config.levelWindowPx);
  // The profile starts upstream, or where the line enters the sector when that is later.
  float from = ridgeEndT - kUpstreamWindows * window - 2.0f;
  const cv::Point2f normal = line.downNormal();
  m_profile.clear();
  for (float t = from; t <= ridgeEndT + static_cast<float>(m_config.searchBeyondPx); t += kStep) {
    const cv::Point2f p = line.at(t);
    const int x = static_cast<int>(std::lround(p.x)), y = static_cast<int>(std::lround(p.y));
    if (x < 0 || y < 0 || x >= sector.cols || y >= sector.rows || !sector.at<std::uint8_t>(y, x)) {
      if (t < ridgeEndT && m_profile.empty()) {
        from = t + kStep;
        continue;
      }
      break;
    }
    m_profile.push_back(
        (sampleBilinear(greyF, p - normal) + sampleBilinear(greyF, p) + sampleBilinear(greyF, p + normal)) /
        3.0f);
  }
  const auto indexOf = [&](float t) {
    return static_cast<std::size_t>(std::max(0.0f, std::round((t - from) / kStep)));
  };
  const std::size_t endIndex = indexOf(ridgeEndT);
  const std::size_t outFrom = indexOf(ridgeEndT + 3.0f);
  const std::size_t outTo = std::min(m_profile.size(), indexOf(ridgeEndT + 3.0f + window));
  if (outTo < outFrom + static_cast<std::size_t>(window / kStep / 2) || endIndex >= m_profile.size())
    return result;
  // Smooth along the shaft over ±1 pixel so single speckle grains cannot end it.
  m_smooth.assign(m_profile.size(), 0.0f);
  constexpr int kHalf = 4;
  for (std::size_t i = 0; i < m_profile.size(); ++i) {
    const std::size_t a = i >= kHalf ? i - kHalf : 0, b = std::min(m_profile.size(), i + kHalf + 1);
    float sum = 0.0f;
    for (std::size_t k = a; k < b; ++k) sum += m_profile[k];
    m_smooth[i] = sum / float(b - a);
  }
  const float inside = medianOf(m_scratch, m_smooth, indexOf(ridgeEndT - window), endIndex);
  const float outside = medianOf(m_scratch, m_smooth, outFrom, outTo);
  result.contrast = inside - outside;
  if (result.contrast < kMinContrast) return result;
  // Half the tip echo's height above the background: the bright bevel is blurred by the beam,
  // and its half-maximum on the far side is where the needle ends.
  const auto peakFrom = m_smooth.begin() + static_cast<std::ptrdiff_t>(indexOf(ridgeEndT - window / 2));
  const auto peakTo = m_smooth.begin() + static_cast<std::ptrdiff_t>(std::min(m_smooth.size(), outFrom));
  const float peak = peakFrom < peakTo ? std::max(inside, *std::max_element(peakFrom, peakTo)) : inside;
  const float threshold = 0.5f * (peak + outside);
  // A tip in the plane ends the shaft at full brightness; a shaft leaving the slice fades out.
  const std::size_t upstreamFrom = indexOf(ridgeEndT - kUpstreamWindows * window);
  const float upstream = medianOf(m_scratch, m_smooth, upstreamFrom,
                                  std::max(upstreamFrom + 1, indexOf(ridgeEndT - 2 * window)));
  result.endToShaftContrast = upstream - outside > 1e-3f ? (inside - outside) / (upstream - outside) : 1.0;
  const std::size_t stay = static_cast<std::size_t>(2.0f / kStep);
  // The ridge already ends where the line structure does: the profile only refines that end.
  // Bright tissue beyond the tip (a capsule, cortex) must not carry the tip along the line.
  const std::size_t last =
      std::min(m_smooth.size(), indexOf(ridgeEndT + static_cast<float>(m_config.maxShiftPx)));
  for (std::size_t i = indexOf(ridgeEndT - static_cast<float>(m_config.maxShiftPx));
       i < last && i + stay < m_smooth.size(); ++i) {
    if (m_smooth[i] >= threshold || i == 0) continue;
    const bool staysBelow = std::all_of(m_smooth.begin() + static_cast<std::ptrdiff_t>(i),
                                        m_smooth.begin() + static_cast<std::ptrdiff_t>(i + stay),
                                        [&](float v) { return v < threshold; });
    if (!staysBelow) continue;
    const float before = m_smooth[i - 1], after = m_smooth[i];
    const float fraction = before > after ? (before - threshold) / (before - after) : 0.0f;
    result.tipT = from + (float(i - 1) + fraction) * kStep;
    result.fromProfile = true;
    return result;
  }
  return result;
}

}  // namespace hipguide::tracking
