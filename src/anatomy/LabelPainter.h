#pragma once
/// Rasterises solid shapes into a label grid, later shapes over earlier ones (painter's order).

#include "Shapes.h"

#include <hipguide/anatomy/LabelVolume.h>

#include <bitset>
#include <cstdint>
#include <initializer_list>

namespace hipguide::anatomy {

/// Which labels a shape may overwrite.
using LabelMask = std::bitset<256>;
LabelMask labelMask(std::initializer_list<std::uint8_t> values);

/// Paints shapes into an axis-aligned grid (direction = identity). Single-threaded owner.
class LabelPainter {
 public:
  /// A grid covering [lowMm, highMm] with cubic voxels of `voxelMm`, all background.
  LabelPainter(const core::Vec3& lowMm, const core::Vec3& highMm, double voxelMm);

  /// Sets `label` at every voxel centre inside `shape` whose current label is in `overwrite`.
  void paint(const shapes::Shape& shape, std::uint8_t label, const LabelMask& overwrite);
  /// Label at the voxel nearest to a point; 0 outside.
  std::uint8_t at(const core::Vec3& pointMm) const { return m_volume.labelAt(pointMm); }
  LabelVolume& volume() { return m_volume; }

 private:
  LabelVolume m_volume;
};

/// Walks from `startMm` along unit `direction` in steps of `stepMm` while `keepGoing(label)`
/// holds, up to `maxMm`; returns the distance walked (the first point where it failed).
template <typename Predicate>
double walk(const LabelPainter& painter, const core::Vec3& startMm, const core::Vec3& direction,
            Predicate keepGoing, double maxMm = 200.0, double stepMm = 0.05) {
  double distance = 0.0;
  while (distance < maxMm && keepGoing(painter.at(startMm + distance * direction))) distance += stepMm;
  return distance;
}

}  // namespace hipguide::anatomy
