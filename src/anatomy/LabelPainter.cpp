#include "LabelPainter.h"

#include <algorithm>
#include <cmath>

namespace hipguide::anatomy {

LabelMask labelMask(std::initializer_list<std::uint8_t> values) {
  LabelMask mask;
  for (std::uint8_t value : values) mask.set(value);
  return mask;
}

LabelPainter::LabelPainter(const core::Vec3& lowMm, const core::Vec3& highMm, double voxelMm) {
  m_volume.spacingMm = core::Vec3::Constant(voxelMm);
  m_volume.originMm = lowMm;
  for (int axis = 0; axis < 3; ++axis)
    m_volume.size[axis] = static_cast<int>(std::floor((highMm[axis] - lowMm[axis]) / voxelMm)) + 1;
  m_volume.labels.assign(m_volume.voxelCount(), 0);
}

void LabelPainter::paint(const shapes::Shape& shape, std::uint8_t label, const LabelMask& overwrite) {
  std::array<int, 3> first{}, last{};
  for (int axis = 0; axis < 3; ++axis) {
    const double s = m_volume.spacingMm[axis];
    const double o = m_volume.originMm[axis];
    first[axis] = std::max(0, static_cast<int>(std::ceil((shape.lowMm[axis] - o) / s)));
    last[axis] =
        std::min(m_volume.size[axis] - 1, static_cast<int>(std::floor((shape.highMm[axis] - o) / s)));
    if (first[axis] > last[axis]) return;
  }
  const core::Vec3& s = m_volume.spacingMm;
  const core::Vec3& o = m_volume.originMm;
  for (int k = first[2]; k <= last[2]; ++k)
    for (int j = first[1]; j <= last[1]; ++j) {
      std::uint8_t* row = &m_volume.labels[m_volume.index(0, j, k)];
      for (int i = first[0]; i <= last[0]; ++i) {
        if (!overwrite.test(row[i])) continue;
        if (shape.inside(core::Vec3(o.x() + i * s.x(), o.y() + j * s.y(), o.z() + k * s.z()))) row[i] = label;
      }
    }
}

}  // namespace hipguide::anatomy
