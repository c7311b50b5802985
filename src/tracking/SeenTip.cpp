#include "SeenTip.h"

#include <cmath>

namespace hipguide::tracking {

SeenTip::SeenTip(const FilterConfig& config) : m_config(config) {}

void SeenTip::see(const core::Vec2& tipMm, double angleDeg, bool established) {
  m_seen = true;
  m_established = established;
  m_secondsSince = 0.0;
  m_tipMm = tipMm;
  m_angleDeg = angleDeg;
}

void SeenTip::age(double dtSeconds) { m_secondsSince += dtSeconds; }

void SeenTip::forget() { m_seen = false; }

bool SeenTip::remembered() const { return m_seen && m_secondsSince <= m_config.seenTipMemoryS; }

SeenTip::Relation SeenTip::relationOf(const core::Vec2& tipMm, double angleDeg) const {
  if (!remembered() || core::orientationDifferenceDeg(angleDeg, m_angleDeg) > m_config.seenTipAngleDeg)
    return Relation::Elsewhere;
  // Orientations lie in [0, 180) from +x toward +y (down): this direction points into the body.
  const double radians = core::degToRad(m_angleDeg);
  const core::Vec2 deeper(std::cos(radians), std::sin(radians));
  const core::Vec2 offset = tipMm - m_tipMm;
  const double along = offset.dot(deeper);
  const double across = std::abs(offset.x() * deeper.y() - offset.y() * deeper.x());
  if (across > m_config.seenTipAcrossMm) return Relation::Elsewhere;
  if (along < -m_config.seenTipShortMm) return Relation::Short;
  if (along <= m_config.seenTipShortMm) return Relation::AtIt;
  return Relation::Elsewhere;
}

}  // namespace hipguide::tracking
