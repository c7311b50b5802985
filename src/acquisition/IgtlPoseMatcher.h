#pragma once
/// Matches probe poses to images by their OpenIGTLink timestamps.

#include <hipguide/core/Geometry.h>

#include <cstdint>
#include <deque>
#include <optional>

namespace hipguide::acquisition::detail {

/// Keeps the most recent poses of one transform (by sender timestamp) and finds the one
/// nearest to an image's timestamp. Used on the driver's thread only.
class IgtlPoseMatcher {
 public:
  explicit IgtlPoseMatcher(std::int64_t toleranceNs, std::size_t capacity = 64)
      : m_toleranceNs(toleranceNs), m_capacity(capacity) {}

  /// Adds a pose received with sender time `wallNs`.
  void add(std::int64_t wallNs, const core::Transform3& pose);
  /// The pose nearest in time to `wallNs`, when one lies within the tolerance.
  std::optional<core::Transform3> nearest(std::int64_t wallNs) const;
  /// True when a pose at or after `wallNs` has arrived (no later pose can be nearer).
  bool hasPoseAtOrAfter(std::int64_t wallNs) const {
    return !m_poses.empty() && m_poses.back().wallNs >= wallNs;
  }
  /// True once any pose arrived since the last clear(): images then wait for their pose.
  bool expectingPoses() const { return !m_poses.empty(); }
  void clear() { m_poses.clear(); }
  std::int64_t toleranceNs() const { return m_toleranceNs; }

 private:
  struct Stamped {
    std::int64_t wallNs;
    core::Transform3 pose;
  };
  std::deque<Stamped> m_poses;
  std::int64_t m_toleranceNs;
  std::size_t m_capacity;
};

}  // namespace hipguide::acquisition::detail
