#include "TipLocator.h"

#include <algorithm>
#include <cmath>
#include <optional>

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

float TipLocator::halfwayInEcho(float brightGrey, float darkGrey) const {
  if (m_config.displayRangeDb <= 0.0) return 0.5f * (brightGrey + darkGrey);
  // grey = 255 / range · 20 log10(amplitude) + offset; the offset cancels (dark = amplitude 1).
  const double nepersPerGrey = m_config.displayRangeDb / 255.0 * std::log(10.0) / 20.0;
  const double bright = std::exp(nepersPerGrey * (brightGrey - darkGrey));
  // The reflector's echo at half its amplitude, added in power to the tissue's speckle.
  const double reflectorPower = std::max(0.0, bright * bright - 1.0);
  return darkGrey + static_cast<float>(0.5 * std::log(0.25 * reflectorPower + 1.0) / nepersPerGrey);
}

std::optional<float> TipLocator::fallCrossing(float threshold, std::size_t start, std::size_t first,
                                              std::size_t last) const {
  const std::size_t stay = static_cast<std::size_t>(2.0f / kStep);
  last = std::min(last, m_smooth.size() > stay ? m_smooth.size() - stay : 0);
  std::size_t i = start;
  if (i == 0 || i >= last) return std::nullopt;
  if (m_smooth[i] < threshold) {
    // Back toward the shaft to where it is still bright.
    while (i > first && m_smooth[i - 1] < threshold) --i;
    if (i <= first) return std::nullopt;
  } else {
    // Outward to where the profile falls below the threshold and stays there.
    const auto staysBelow = [&](std::size_t at) {
      return std::all_of(m_smooth.begin() + static_cast<std::ptrdiff_t>(at),
                         m_smooth.begin() + static_cast<std::ptrdiff_t>(at + stay),
                         [&](float v) { return v < threshold; });
    };
    while (i < last && (m_smooth[i] >= threshold || !staysBelow(i))) ++i;
    if (i >= last) return std::nullopt;
  }
  const float before = m_smooth[i - 1], after = m_smooth[i];
  const float fraction = before > after ? (before - threshold) / (before - after) : 0.0f;
  return float(i - 1) + fraction;
}

TipLocation TipLocator::locate(const Line& line, float ridgeEndT, const cv::Mat& greyF, const cv::Mat& sector,
                               float limitT) {
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
  const float threshold = halfwayInEcho(peak, outside);
  // A tip in the plane ends the shaft at full brightness; a shaft leaving the slice fades out.
  const std::size_t upstreamFrom = indexOf(ridgeEndT - kUpstreamWindows * window);
  const float upstream = medianOf(m_scratch, m_smooth, upstreamFrom,
                                  std::max(upstreamFrom + 1, indexOf(ridgeEndT - 2 * window)));
  result.endToShaftContrast = upstream - outside > 1e-3f ? (inside - outside) / (upstream - outside) : 1.0;
  // The ridge already ends where the line structure does: the profile only refines that end,
  // from the ridge's end outward while the shaft is bright there, else back toward the shaft.
  // Dips inside the shaft before the end and bright tissue beyond the tip (a capsule, cortex)
  // must not move it, so the search stays within maxShiftPx.
  const auto shift = static_cast<float>(m_config.maxShiftPx);
  const std::optional<float> crossing = fallCrossing(threshold, endIndex, indexOf(ridgeEndT - shift),
                                                     indexOf(std::min(ridgeEndT + shift, limitT)));
  if (crossing) {
    result.tipT = from + *crossing * kStep;
    result.fromProfile = true;
  }
  return result;
}

}  // namespace hipguide::tracking
