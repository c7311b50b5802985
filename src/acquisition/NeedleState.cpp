#include <hipguide/acquisition/NeedleState.h>

#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

namespace hipguide::acquisition {

double needleOuterDiameterMm(int gauge) {
  // Stubs' iron wire gauge, nominal outer diameters (ISO 9626).
  static constexpr std::array<double, 8> kDiameterMm = {1.27, 1.07, 0.91, 0.82, 0.72, 0.64, 0.57, 0.51};
  if (gauge < 18 || gauge > 25)
    throw std::invalid_argument("needle.gauge = " + std::to_string(gauge) + " is out of range (18 to 25)");
  return kDiameterMm[static_cast<std::size_t>(gauge - 18)];
}

void NeedleState::validate() const {
  needleOuterDiameterMm(gauge);
  if (!(lengthMm >= 10.0 && lengthMm <= 250.0))
    throw std::invalid_argument("needle.lengthMm = " + std::to_string(lengthMm) +
                                " is out of range (10 to 250)");
  if (std::abs(direction.norm() - 1.0) > 1e-3)
    throw std::invalid_argument("needle.direction must be a unit vector (length " +
                                std::to_string(direction.norm()) + ")");
  if (!(insertionDepthMm >= 0.0 && insertionDepthMm <= lengthMm))
    throw std::invalid_argument("needle.insertionDepthMm = " + std::to_string(insertionDepthMm) +
                                " is out of range (0 to lengthMm " + std::to_string(lengthMm) + ")");
  if (std::abs(tipDeflectionMm) > 0.0 && std::abs(bendDirection.dot(direction)) > 1e-3 * bendDirection.norm())
    throw std::invalid_argument("needle.bendDirection must be perpendicular to needle.direction");
}

core::Vec3 NeedleState::pointAt(double arcMm) const {
  core::Vec3 point = entryMm + arcMm * direction;
  if (tipDeflectionMm != 0.0 && insertionDepthMm > 0.0) {
    const double fraction = arcMm / insertionDepthMm;
    point += tipDeflectionMm * fraction * fraction * bendDirection.normalized();
  }
  return point;
}

std::vector<core::Vec3> NeedleState::shaftPoints(double stepMm) const {
  std::vector<core::Vec3> points;
  if (insertionDepthMm <= 0.0 || stepMm <= 0.0) return points;
  const int count = static_cast<int>(std::ceil(insertionDepthMm / stepMm));
  points.reserve(static_cast<std::size_t>(count) + 1);
  for (int index = 0; index < count; ++index) points.push_back(pointAt(index * stepMm));
  points.push_back(tipMm());
  return points;
}

}  // namespace hipguide::acquisition
