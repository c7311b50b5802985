#include "LabelBounds.h"

#include <algorithm>

namespace hipguide::anatomy {

std::array<LabelBox, 256> labelBoxes(const LabelVolume& volume) {
  std::array<LabelBox, 256> boxes{};
  for (LabelBox& box : boxes) {
    box.first = volume.size;
    box.last = {-1, -1, -1};
  }
  for (int k = 0; k < volume.size[2]; ++k)
    for (int j = 0; j < volume.size[1]; ++j) {
      const std::uint8_t* row = &volume.labels[volume.index(0, j, k)];
      for (int i = 0; i < volume.size[0]; ++i) {
        LabelBox& box = boxes[row[i]];
        ++box.count;
        box.first = {std::min(box.first[0], i), std::min(box.first[1], j), std::min(box.first[2], k)};
        box.last = {std::max(box.last[0], i), std::max(box.last[1], j), std::max(box.last[2], k)};
      }
    }
  return boxes;
}

}  // namespace hipguide::anatomy
