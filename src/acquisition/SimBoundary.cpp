#include "SimBoundary.h"

#include <algorithm>
#include <cmath>

namespace hipguide::acquisition::sim {
namespace {

/// Trilinear interpolation of "voxel == label" at a continuous voxel index (0 outside).
double smoothIndicator(const anatomy::LabelVolume& volume, std::uint8_t label, const core::Vec3& index) {
  const int i = static_cast<int>(std::floor(index.x()));
  const int j = static_cast<int>(std::floor(index.y()));
  const int k = static_cast<int>(std::floor(index.z()));
  if (i < 0 || j < 0 || k < 0 || i + 1 >= volume.size[0] || j + 1 >= volume.size[1] ||
      k + 1 >= volume.size[2])
    return 0.0;
  const double fx = index.x() - i, fy = index.y() - j, fz = index.z() - k;
  const std::size_t row = static_cast<std::size_t>(volume.size[0]);
  const std::size_t slice = row * static_cast<std::size_t>(volume.size[1]);
  const std::uint8_t* base = volume.labels.data() + volume.index(i, j, k);
  const auto is = [label](std::uint8_t value) { return value == label ? 1.0 : 0.0; };
  const double y0 = (1 - fx) * is(base[0]) + fx * is(base[1]);
  const double y1 = (1 - fx) * is(base[row]) + fx * is(base[row + 1]);
  const double y2 = (1 - fx) * is(base[slice]) + fx * is(base[slice + 1]);
  const double y3 = (1 - fx) * is(base[slice + row]) + fx * is(base[slice + row + 1]);
  return (1 - fz) * ((1 - fy) * y0 + fy * y1) + fz * ((1 - fy) * y2 + fy * y3);
}

}  // namespace

BoundaryHit refineBoundary(const anatomy::LabelVolume& volume, std::uint8_t label,
                           const core::Vec3& startIndex, const core::Vec3& stepIndex, int sample,
                           const core::Vec3& rayDirection) {
  BoundaryHit hit;
  hit.sample = sample - 0.5;
  // Bisect for the 0.5 level of the smooth indicator within about one voxel of the crossing.
  const double stepVoxels = std::max(stepIndex.norm(), 1e-6);
  const int window = std::clamp(static_cast<int>(std::ceil(1.0 / stepVoxels)), 1, 12);
  double low = sample - 1 - window, high = sample + window;
  const auto level = [&](double at) { return smoothIndicator(volume, label, startIndex + at * stepIndex); };
  if (level(low) < 0.5 && level(high) >= 0.5) {
    for (int iteration = 0; iteration < 5; ++iteration) {
      const double middle = 0.5 * (low + high);
      (level(middle) < 0.5 ? low : high) = middle;
    }
    hit.sample = 0.5 * (low + high);
  }
  // Surface normal: gradient of the smooth indicator, central differences of one voxel.
  const core::Vec3 at = startIndex + hit.sample * stepIndex;
  core::Vec3 gradientIndex;
  for (int axis = 0; axis < 3; ++axis) {
    core::Vec3 delta = core::Vec3::Zero();
    delta[axis] = 1.0;
    gradientIndex[axis] =
        smoothIndicator(volume, label, at + delta) - smoothIndicator(volume, label, at - delta);
  }
  const core::Vec3 normal = volume.direction * gradientIndex.cwiseQuotient(volume.spacingMm);
  if (normal.norm() > 1e-9) hit.cosIncidence = std::abs(normal.normalized().dot(rayDirection));
  return hit;
}

}  // namespace hipguide::acquisition::sim
