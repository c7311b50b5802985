#pragma once
/// Scripted, reproducible needle insertions on the hip phantom for the simulated probe.

#include <hipguide/acquisition/NeedleState.h>
#include <hipguide/acquisition/ProbeModel.h>
#include <hipguide/anatomy/HipPhantom.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hipguide::acquisition {

/// Where the probe and the needle are at one moment of a scenario.
struct ScenarioState {
  core::Transform3 probeToReference = core::Transform3::Identity();
  std::optional<NeedleState> needle;  ///< Empty when the scenario has no needle.
  double timeS = 0;
};

/// What a scenario images with and on which phantom.
struct ScenarioSetup {
  anatomy::PhantomOptions phantom;
  ProbeModel probe = ProbeModel::curvilinear();
  ImagingSettings imaging;
};

/// A scenario: a pure function of time → (probe pose, needle state), so training mode and the
/// command line can replay the same plan. Immutable after construction; thread-safe.
/// Every scenario starts with `preRollS` seconds in which the needle has not reached the image.
class Scenario {
 public:
  /// A plan's parameters (see ScenarioLibrary.cpp for how each named scenario sets them).
  struct Plan {
    std::string name;
    ScenarioSetup setup;
    core::Vec3 skinPointMm{0, 0, 0};  ///< Probe face centre at rest.
    core::Vec3 beamDirection{0, 1, 0};
    core::Vec3 lateralDirection{1, 0, 0};
    bool hasNeedle = true;
    NeedleState needle;           ///< Entry, direction, gauge, length; insertion 0.
    double finalInsertionMm = 0;  ///< Depth of the tip at the end of the insertion.
    double insertionSpeedMmPerS = 4.0;
    double preRollS = 2.0;
    double holdS = 3.0;             ///< Time at the target before the plan ends.
    double finalBendMm = 0;         ///< Tip deflection at full insertion (in-plane).
    double outOfPlaneSwingDeg = 0;  ///< Needle drifts out of the plane and back by this much.
    double probeSlideMm = 0;        ///< Probe slides along its array and across by this much.
    double probeTiltDeg = 0;        ///< Probe rocks about its array by this much.
    double probeSweepMm = 0;        ///< Survey sweep across the plane (no-needle).
    double tremorMm = 0.15;         ///< Hand tremor of the probe.
    std::uint32_t seed = 1;
  };

  explicit Scenario(Plan plan);

  const std::string& name() const { return m_plan.name; }
  const ScenarioSetup& setup() const { return m_plan.setup; }
  const Plan& plan() const { return m_plan; }
  /// Length of the scripted insertion including pre-roll and hold, seconds.
  double durationS() const { return m_durationS; }
  /// The state at a time in seconds (clamped to [0, durationS]).
  ScenarioState at(double timeS) const;
  /// The state of frame `index` (0-based) at `framesPerSecond`.
  ScenarioState atFrame(std::uint64_t index, double framesPerSecond) const;

 private:
  double insertionAt(double timeS) const;
  core::Transform3 probeAt(double timeS) const;

  Plan m_plan;
  double m_durationS = 0;
  std::vector<std::pair<double, double>> m_insertionKeys;  ///< (time s, insertion mm), piecewise linear.
};

/// The names accepted by makeScenario, in help order: anterior-hip, steep, obese, effusion,
/// out-of-plane, probe-motion, vessel-risk, trochanteric-bursa, no-needle.
const std::vector<std::string>& scenarioNames();

/// The phantom a scenario needs (habitus, effusion) for a seed. Throws std::invalid_argument
/// listing the names for an unknown name.
anatomy::PhantomOptions scenarioPhantomOptions(const std::string& name, std::uint32_t seed);

/// Builds a named scenario on a phantom built with scenarioPhantomOptions(name, seed).
/// Deterministic per (name, phantom, seed). Throws std::invalid_argument for an unknown name.
Scenario makeScenario(const std::string& name, const anatomy::Phantom& phantom, std::uint32_t seed);

/// The last point inside the body (label ≠ 0) walking from `insideMm` along `outward`, in
/// 0.25 mm steps; throws std::runtime_error when the walk never leaves the body.
core::Vec3 skinPointAlong(const anatomy::LabelVolume& volume, const core::Vec3& insideMm,
                          const core::Vec3& outward);

}  // namespace hipguide::acquisition
