#include <hipguide/anatomy/LabelVolume.h>

#include <cmath>

namespace hipguide::anatomy {

core::Vec3 LabelVolume::physicalToIndex(const core::Vec3& pointMm) const {
  const core::Vec3 local = direction.transpose() * (pointMm - originMm);
  return local.cwiseQuotient(spacingMm);
}

core::Vec3 LabelVolume::indexToPhysical(const core::Vec3& index) const {
  return originMm + direction * index.cwiseProduct(spacingMm);
}

std::uint8_t LabelVolume::labelAt(const core::Vec3& pointMm) const {
  const core::Vec3 index = physicalToIndex(pointMm);
  const int i = static_cast<int>(std::lround(index.x()));
  const int j = static_cast<int>(std::lround(index.y()));
  const int k = static_cast<int>(std::lround(index.z()));
  return contains(i, j, k) ? labels[this->index(i, j, k)] : 0;
}

}  // namespace hipguide::anatomy
