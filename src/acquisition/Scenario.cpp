#include <hipguide/acquisition/Scenario.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hipguide::acquisition {
namespace {

constexpr double kTwoPi = 2.0 * core::kPi;
constexpr double kPauseS = 0.8;        ///< The operator stops once to look.
constexpr double kRedirectMm = 3.0;    ///< ... and withdraws a little before the last advance.
constexpr double kSwingPeriodS = 6.0;  ///< Out-of-plane drift period.

/// A deterministic phase in [0, 2π) from the seed and a slot number.
double phase(std::uint32_t seed, int slot) {
  std::uint32_t h = seed * 0x9e3779b9U + static_cast<std::uint32_t>(slot) * 0x85ebca6bU;
  h ^= h >> 15;
  h *= 0x2c1b3c6dU;
  h ^= h >> 12;
  return kTwoPi * (h % 10000) / 10000.0;
}

}  // namespace

Scenario::Scenario(Plan plan) : m_plan(std::move(plan)) {
  const double speed = std::max(0.1, m_plan.insertionSpeedMmPerS);
  double time = m_plan.preRollS;
  m_insertionKeys.emplace_back(0.0, 0.0);
  m_insertionKeys.emplace_back(time, 0.0);
  if (m_plan.hasNeedle) {
    const double final = m_plan.finalInsertionMm;
    const double first = 0.55 * final;
    const double second = std::max(first, final - kRedirectMm);
    time += first / speed;
    m_insertionKeys.emplace_back(time, first);
    time += kPauseS;
    m_insertionKeys.emplace_back(time, first);
    time += (second - first) / speed;
    m_insertionKeys.emplace_back(time, second);
    time += kRedirectMm / speed;
    m_insertionKeys.emplace_back(time, std::max(first, second - kRedirectMm));
    time += (final - std::max(first, second - kRedirectMm)) / speed;
    m_insertionKeys.emplace_back(time, final);
  } else {
    time += 10.0;  // A survey scan.
  }
  m_durationS = time + m_plan.holdS;
  m_insertionKeys.emplace_back(m_durationS, m_insertionKeys.back().second);
}

double Scenario::insertionAt(double timeS) const {
  for (std::size_t index = 1; index < m_insertionKeys.size(); ++index) {
    const auto [t1, d1] = m_insertionKeys[index];
    if (timeS > t1) continue;
    const auto [t0, d0] = m_insertionKeys[index - 1];
    return t1 > t0 ? d0 + (d1 - d0) * (timeS - t0) / (t1 - t0) : d1;
  }
  return m_insertionKeys.back().second;
}

core::Transform3 Scenario::probeAt(double timeS) const {
  const Plan& plan = m_plan;
  const core::Vec3 beam = plan.beamDirection.normalized();
  const core::Vec3 lateral = (plan.lateralDirection - plan.lateralDirection.dot(beam) * beam).normalized();
  const core::Vec3 elevation = lateral.cross(beam);
  const auto wave = [&](double periodS, int slot) {
    return std::sin(kTwoPi * timeS / periodS + phase(plan.seed, slot));
  };
  core::Vec3 point = plan.skinPointMm;
  point += plan.tremorMm * (wave(1.3, 1) * lateral + wave(1.7, 2) * elevation + 0.5 * wave(2.1, 3) * beam);
  point += plan.probeSlideMm * (wave(7.0, 4) * lateral + 0.6 * wave(5.0, 5) * elevation);
  point += plan.probeSweepMm * std::sin(kTwoPi * timeS / 8.0) * elevation;
  const Eigen::Matrix3d tilt = core::rotationDeg(lateral, plan.probeTiltDeg * wave(6.0, 6));
  return probePoseOnSkin(point, tilt * beam, tilt * lateral);
}

ScenarioState Scenario::at(double timeS) const {
  ScenarioState state;
  state.timeS = std::clamp(timeS, 0.0, m_durationS);
  state.probeToReference = probeAt(state.timeS);
  if (!m_plan.hasNeedle) return state;
  NeedleState needle = m_plan.needle;
  const core::Vec3 beam = m_plan.beamDirection.normalized();
  const core::Vec3 elevation = m_plan.lateralDirection.cross(beam).normalized();
  if (m_plan.outOfPlaneSwingDeg != 0.0 && state.timeS > m_plan.preRollS) {
    const double swing =
        m_plan.outOfPlaneSwingDeg * std::sin(kTwoPi * (state.timeS - m_plan.preRollS) / kSwingPeriodS);
    needle.direction = (core::rotationDeg(beam, swing) * needle.direction).normalized();
  }
  needle.insertionDepthMm = std::min(insertionAt(state.timeS), needle.lengthMm);
  if (m_plan.finalBendMm != 0.0 && m_plan.finalInsertionMm > 0.0) {
    const double fraction = needle.insertionDepthMm / m_plan.finalInsertionMm;
    needle.tipDeflectionMm = m_plan.finalBendMm * fraction * fraction;
    needle.bendDirection = elevation.cross(needle.direction).normalized();
  }
  state.needle = needle;
  return state;
}

ScenarioState Scenario::atFrame(std::uint64_t index, double framesPerSecond) const {
  if (!(framesPerSecond > 0.0))
    throw std::invalid_argument("Scenario::atFrame: framesPerSecond must be positive");
  return at(static_cast<double>(index) / framesPerSecond);
}

core::Vec3 skinPointAlong(const anatomy::LabelVolume& volume, const core::Vec3& insideMm,
                          const core::Vec3& outward) {
  const core::Vec3 step = 0.25 * outward.normalized();
  core::Vec3 point = insideMm;
  core::Vec3 lastInside = insideMm;
  for (int index = 0; index < 4000; ++index, point += step) {
    if (volume.labelAt(point) != 0) {
      lastInside = point;
      continue;
    }
    // Outside: accept once 5 mm of air follows (skips small gaps between labels).
    bool air = true;
    for (double ahead = 0.25; ahead <= 5.0 && air; ahead += 0.25)
      air = volume.labelAt(point + ahead * outward.normalized()) == 0;
    if (air) return lastInside;
  }
  throw std::runtime_error("skinPointAlong: no skin found walking 1 m from the start point");
}

}  // namespace hipguide::acquisition
