#include "IgtlPoseMatcher.h"

#include <cstdlib>

namespace hipguide::acquisition::detail {

void IgtlPoseMatcher::add(std::int64_t wallNs, const core::Transform3& pose) {
  // A sender that restarts its clock would leave older-looking poses behind: start afresh.
  if (!m_poses.empty() && wallNs < m_poses.back().wallNs) m_poses.clear();
  m_poses.push_back({wallNs, pose});
  while (m_poses.size() > m_capacity) m_poses.pop_front();
}

std::optional<core::Transform3> IgtlPoseMatcher::nearest(std::int64_t wallNs) const {
  const Stamped* best = nullptr;
  std::int64_t bestDistance = 0;
  for (const Stamped& entry : m_poses) {
    const std::int64_t distance = std::llabs(entry.wallNs - wallNs);
    if (!best || distance < bestDistance) {
      best = &entry;
      bestDistance = distance;
    }
  }
  if (!best || bestDistance > m_toleranceNs) return std::nullopt;
  return best->pose;
}

}  // namespace hipguide::acquisition::detail
