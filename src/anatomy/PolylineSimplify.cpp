#include "PolylineSimplify.h"

#include <algorithm>
#include <utility>

namespace hipguide::anatomy {
namespace {

double distanceToSegment(const core::Vec2& point, const core::Vec2& a, const core::Vec2& b) {
  const core::Vec2 along = b - a;
  const double lengthSquared = along.squaredNorm();
  if (lengthSquared == 0.0) return (point - a).norm();
  const double t = std::clamp((point - a).dot(along) / lengthSquared, 0.0, 1.0);
  return (point - (a + t * along)).norm();
}

/// Marks the points of [first, last] to keep (iterative, so long outlines cannot overflow the stack).
void markKept(const std::vector<core::Vec2>& points, std::size_t first, std::size_t last, double toleranceMm,
              std::vector<bool>& keep) {
  std::vector<std::pair<std::size_t, std::size_t>> spans{{first, last}};
  while (!spans.empty()) {
    const auto [from, to] = spans.back();
    spans.pop_back();
    double farthest = -1.0;
    std::size_t index = from;
    for (std::size_t i = from + 1; i < to; ++i) {
      const double distance = distanceToSegment(points[i], points[from], points[to]);
      if (distance > farthest) {
        farthest = distance;
        index = i;
      }
    }
    if (farthest <= toleranceMm) continue;
    keep[index] = true;
    spans.emplace_back(from, index);
    spans.emplace_back(index, to);
  }
}

}  // namespace

std::vector<core::Vec2> simplifyPolyline(const std::vector<core::Vec2>& points, double toleranceMm,
                                         bool closed) {
  if (points.size() < 3) return points;
  std::vector<bool> keep(points.size(), false);
  keep.front() = keep.back() = true;
  std::size_t split = points.size() - 1;
  if (closed) {
    double farthest = -1.0;
    for (std::size_t i = 1; i < points.size(); ++i)
      if (const double distance = (points[i] - points.front()).norm(); distance > farthest) {
        farthest = distance;
        split = i;
      }
    keep[split] = true;
  }
  markKept(points, 0, split, toleranceMm, keep);
  if (split < points.size() - 1) markKept(points, split, points.size() - 1, toleranceMm, keep);
  std::vector<core::Vec2> result;
  for (std::size_t i = 0; i < points.size(); ++i)
    if (keep[i]) result.push_back(points[i]);
  return result;
}

}  // namespace hipguide::anatomy
