#pragma once
/// The anatomy, target and scenario plan one training attempt runs on.

#include <hipguide/acquisition/Scenario.h>
#include <hipguide/anatomy/Anatomy.h>

#include <cstdint>
#include <memory>
#include <string>

namespace hipguide::training {

/// Everything built once per (scenario, seed): the phantom's anatomy (label map, distance
/// fields), the label volume for the simulator, the scenario's plan and the goal point.
/// Immutable after construction; share it between threads through shared_ptr<const>.
struct TrainingWorld {
  std::string scenarioName;
  std::uint32_t seed = 1;
  anatomy::Anatomy anatomy;
  std::shared_ptr<const anatomy::LabelVolume> volume;  ///< The anatomy's labels, for the simulator.
  acquisition::Scenario scenario;                      ///< The autopilot's plan.
  std::string targetStructure;                         ///< Label name of the goal.
  core::Vec3 targetMm{0, 0, 0};                        ///< Goal point, reference mm.
};

/// Builds the phantom of a scenario (a few seconds), its anatomy and its plan. With a
/// `targetStructure` (label name, e.g. "trochanteric_bursa", "iliopsoas_bursa") the goal and
/// the autopilot's plan are moved to that structure, at an insertion angle whose path keeps
/// clear of vessels and nerves (planClearPath); empty: the exercise's own target.
/// Throws std::invalid_argument for an unknown scenario or target.
std::shared_ptr<const TrainingWorld> buildTrainingWorld(const std::string& scenarioName, std::uint32_t seed,
                                                        const std::string& targetStructure = {});

/// The goal point of a target structure on the phantom: its landmark (anterior_recess,
/// trochanteric_bursa, iliopsoas_bursa). Throws std::invalid_argument naming the known ones.
core::Vec3 targetPointFor(const anatomy::PhantomLandmarks& landmarks, const std::string& targetStructure);

/// The plan moved so that its needle ends at `targetMm`: the probe and needle keep their
/// directions; the probe face and the needle entry are placed on the skin above the new
/// target, and the insertion depth and imaging depth follow the new path.
acquisition::Scenario::Plan planAimedAt(const acquisition::Scenario::Plan& plan,
                                        const anatomy::LabelVolume& volume, const core::Vec3& targetMm);

}  // namespace hipguide::training
