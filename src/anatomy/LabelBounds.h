#pragma once
/// Index-space bounding boxes of every label of a volume, found in one pass.

#include <hipguide/anatomy/LabelVolume.h>

#include <array>

namespace hipguide::anatomy {

/// Inclusive voxel-index box of one label; empty when `count` is 0.
struct LabelBox {
  std::array<int, 3> first{0, 0, 0};
  std::array<int, 3> last{-1, -1, -1};
  std::size_t count = 0;
};

/// One box per label value (index 0 is the background's).
std::array<LabelBox, 256> labelBoxes(const LabelVolume& volume);

}  // namespace hipguide::anatomy
