#include "EntryWatch.h"

#include <hipguide/core/Geometry.h>

#include <cmath>

namespace hipguide::tracking {

EntryWatch::EntryWatch(const EntryConfig& config) : m_config(config) {}

void EntryWatch::reset() {
  m_frames = 0;
  m_seconds = 0.0;
}

bool EntryWatch::continuesLine(const ShaftCandidate& candidate) const {
  if (core::orientationDifferenceDeg(candidate.line.angleDeg(), m_line.angleDeg()) >
      m_config.angleToleranceDeg)
    return false;
  const cv::Point2f deepEnd = candidate.deepEnd();
  if (std::abs(m_line.offsetOf(deepEnd)) > m_config.offsetTolerancePx) return false;
  const double step = m_line.positionOf(deepEnd) - m_line.positionOf(m_deepEnd);
  return step >= -m_config.maxStepBackPx && step <= m_config.maxStepPx;
}

std::optional<std::size_t> EntryWatch::observe(const std::vector<ShaftCandidate>& candidates,
                                               double dtSeconds) {
  std::optional<std::size_t> continuing, strongest;
  for (std::size_t index = 0; index < candidates.size(); ++index) {
    const ShaftCandidate& candidate = candidates[index];
    if (!candidate.rejection.empty() || candidate.motion < m_config.minAdvance) continue;
    if (m_frames > 0 && continuesLine(candidate)) {
      continuing = index;
      break;
    }
    if (!strongest || candidate.motion > candidates[*strongest].motion) strongest = index;
  }
  // A frame without the watched line advancing starts the count again, on the most advancing line.
  const std::optional<std::size_t> watched = continuing ? continuing : strongest;
  m_frames = continuing ? m_frames + 1 : (strongest ? 1 : 0);
  m_seconds = continuing ? m_seconds + dtSeconds : 0.0;
  if (!watched) return std::nullopt;
  m_line = candidates[*watched].line;
  m_deepEnd = candidates[*watched].deepEnd();
  if (m_frames >= m_config.frames && m_seconds >= m_config.minSeconds) return watched;
  return std::nullopt;
}

}  // namespace hipguide::tracking
