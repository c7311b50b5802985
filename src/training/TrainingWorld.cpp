#include <hipguide/training/TrainingWorld.h>

#include <hipguide/training/ClearPath.h>
#include <hipguide/training/Exercise.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hipguide::training {

core::Vec3 targetPointFor(const anatomy::PhantomLandmarks& landmarks, const std::string& targetStructure) {
  if (targetStructure == "anterior_recess") return landmarks.anteriorRecessTargetMm;
  if (targetStructure == "trochanteric_bursa") return landmarks.trochantericBursaMm;
  if (targetStructure == "iliopsoas_bursa") return landmarks.iliopsoasBursaMm;
  throw std::invalid_argument("unknown training target '" + targetStructure +
                              "' (known: anterior_recess, trochanteric_bursa, iliopsoas_bursa)");
}

acquisition::Scenario::Plan planAimedAt(const acquisition::Scenario::Plan& plan,
                                        const anatomy::LabelVolume& volume, const core::Vec3& targetMm) {
  acquisition::Scenario::Plan aimed = plan;
  if (!plan.hasNeedle) return aimed;
  const core::Vec3 beam = plan.beamDirection.normalized();
  const core::Vec3 lateral = (plan.lateralDirection - plan.lateralDirection.dot(beam) * beam).normalized();
  const core::Vec3 oldEnd = plan.needle.pointAt(plan.finalInsertionMm);
  // The probe keeps its offset along the array from the needle's end point.
  const double probeOffsetMm = (plan.skinPointMm - oldEnd).dot(lateral);
  aimed.skinPointMm = acquisition::skinPointAlong(volume, targetMm + probeOffsetMm * lateral, -beam);
  aimed.needle.entryMm = acquisition::skinPointAlong(volume, targetMm, -plan.needle.direction);
  const double pathMm = (targetMm - aimed.needle.entryMm).norm();
  aimed.finalInsertionMm = std::max(5.0, pathMm);
  aimed.needle.lengthMm = std::max(plan.needle.lengthMm, pathMm + 15.0 <= 90.0 ? 90.0 : 127.0);
  const double targetDepthMm = (targetMm - aimed.skinPointMm).dot(beam);
  aimed.setup.imaging.depthMm = std::clamp(10.0 * std::ceil((targetDepthMm + 30.0) / 10.0), 50.0, 160.0);
  return aimed;
}

std::shared_ptr<const TrainingWorld> buildTrainingWorld(const std::string& scenarioName, std::uint32_t seed,
                                                        const std::string& targetStructure) {
  const Exercise& exercise = exerciseFor(scenarioName);
  anatomy::Phantom phantom = anatomy::makeHipPhantom(acquisition::scenarioPhantomOptions(scenarioName, seed));
  const std::string target = targetStructure.empty() ? exercise.targetStructure : targetStructure;
  const core::Vec3 targetMm = targetPointFor(phantom.landmarks, target);
  acquisition::Scenario::Plan plan = acquisition::makeScenario(scenarioName, phantom, seed).plan();
  if (!targetStructure.empty()) plan = planAimedAt(plan, phantom.volume, targetMm);
  anatomy::Anatomy anatomy = anatomy::Anatomy::fromPhantom(std::move(phantom));
  // Guidance warns at 5 mm; 2 mm more leaves room for the hand's tremor and the needle's flex.
  if (!targetStructure.empty()) plan = planClearPath(plan, anatomy, targetMm, 7.0);
  auto holder = std::make_shared<const anatomy::Anatomy>(anatomy);
  std::shared_ptr<const anatomy::LabelVolume> volume(holder, &holder->volume());
  return std::make_shared<const TrainingWorld>(
      TrainingWorld{scenarioName, seed, std::move(anatomy), std::move(volume),
                    acquisition::Scenario(std::move(plan)), target, targetMm});
}

}  // namespace hipguide::training
