#include <hipguide/training/ClearPath.h>
#include <hipguide/training/TrainingWorld.h>

#include <cmath>
#include <limits>
#include <numbers>

namespace hipguide::training {
namespace {

constexpr double kMinAngleDeg = 15.0;  ///< Shallower: too long a path through the skin.
constexpr double kMaxAngleDeg = 70.0;  ///< Steeper: the shaft's echo is lost.
constexpr double kStepDeg = 1.0;
constexpr double kEntryBeyondFaceMm = 5.0;
constexpr double kLongestPathMm = 110.0;  ///< A 127 mm needle with 15 mm outside the skin.

double halfFootprintMm(const acquisition::ProbeModel& probe) {
  if (probe.kind == acquisition::ProbeKind::Linear) return 0.5 * probe.widthMm;
  return probe.radiusMm * std::sin(0.5 * probe.sectorDeg * std::numbers::pi / 180.0);
}

}  // namespace

double pathClearanceMm(const anatomy::Anatomy& anatomy, const core::Vec3& entryMm,
                       const core::Vec3& targetMm) {
  const std::vector<anatomy::Clearance> clearances = anatomy.segmentClearances(entryMm, targetMm);
  return clearances.empty() ? std::numeric_limits<double>::infinity() : clearances.front().distanceMm;
}

acquisition::Scenario::Plan planClearPath(const acquisition::Scenario::Plan& aimed,
                                          const anatomy::Anatomy& anatomy, const core::Vec3& targetMm,
                                          double marginMm) {
  if (!aimed.hasNeedle) return aimed;
  double bestClearance = pathClearanceMm(anatomy, aimed.needle.entryMm, targetMm);
  if (bestClearance >= marginMm) return aimed;

  const core::Vec3 beam = aimed.beamDirection.normalized();
  const core::Vec3 lateral = (aimed.lateralDirection - aimed.lateralDirection.dot(beam) * beam).normalized();
  const core::Vec3 elevation = lateral.cross(beam);
  const core::Vec3 original = aimed.needle.direction.normalized();
  const double side = original.dot(lateral) < 0.0 ? -1.0 : 1.0;
  const double outOfPlane = original.dot(elevation);
  const double inPlane = std::sqrt(std::max(0.0, 1.0 - outOfPlane * outOfPlane));
  const double originalDeg =
      std::atan2(original.dot(beam), std::abs(original.dot(lateral))) * 180.0 / std::numbers::pi;

  acquisition::Scenario::Plan best = aimed;
  double bestChangeDeg = 0.0;
  for (double angleDeg = kMinAngleDeg; angleDeg <= kMaxAngleDeg; angleDeg += kStepDeg) {
    const double radians = angleDeg * std::numbers::pi / 180.0;
    acquisition::Scenario::Plan candidate = aimed;
    candidate.needle.direction =
        inPlane * (side * std::cos(radians) * lateral + std::sin(radians) * beam) + outOfPlane * elevation;
    candidate = planAimedAt(candidate, anatomy.volume(), targetMm);
    const double entryBesideMm = std::abs((candidate.needle.entryMm - candidate.skinPointMm).dot(lateral));
    if (entryBesideMm < halfFootprintMm(aimed.setup.probe) + kEntryBeyondFaceMm) continue;
    if ((targetMm - candidate.needle.entryMm).norm() > kLongestPathMm) continue;
    const double clearance = pathClearanceMm(anatomy, candidate.needle.entryMm, targetMm);
    const double changeDeg = std::abs(angleDeg - originalDeg);
    const bool clear = clearance >= marginMm;
    const bool bestClear = bestClearance >= marginMm;
    if ((clear && (!bestClear || changeDeg < bestChangeDeg)) ||
        (!clear && !bestClear && clearance > bestClearance)) {
      best = candidate;
      bestClearance = clearance;
      bestChangeDeg = changeDeg;
    }
  }
  return best;
}

}  // namespace hipguide::training
