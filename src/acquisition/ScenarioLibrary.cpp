// The named scenarios: which phantom, where the probe sits, and how the needle goes in.
#include <hipguide/acquisition/Scenario.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

namespace hipguide::acquisition {
namespace {

/// Seeded parameters, identical on every platform (mt19937 output is specified).
class Dice {
 public:
  explicit Dice(std::uint32_t seed) : m_engine(seed) {}
  double uniform(double low, double high) { return low + (high - low) * (m_engine() / 4294967296.0); }

 private:
  std::mt19937 m_engine;
};

/// A target, the probe above it and a needle path to it at `angleDeg` to the skin, coming from
/// the −lateral side of the image.
struct Approach {
  core::Vec3 targetMm;
  core::Vec3 beam;     ///< Probe beam, toward the target.
  core::Vec3 lateral;  ///< Image +x; the needle advances toward +x.
  double angleDeg = 35;
  double stopShortMm = 0;     ///< Tip stops this far before the target.
  double probeOffsetMm = -8;  ///< Probe shifted along the array toward the entry.
};

/// The inward skin normal near where a probe looking along `beam` touches the skin above
/// `insideMm`, from four skin points 8 mm to either side (the probe sits flat on the skin).
core::Vec3 inwardSkinNormal(const anatomy::LabelVolume& volume, const core::Vec3& insideMm,
                            const core::Vec3& beam, const core::Vec3& lateral) {
  constexpr double kSpanMm = 8.0;
  const core::Vec3 elevation = lateral.cross(beam).normalized();
  const auto skin = [&](const core::Vec3& shift) {
    return skinPointAlong(volume, insideMm + kSpanMm * shift, -beam);
  };
  const core::Vec3 across = skin(lateral) - skin(-lateral);
  const core::Vec3 along = skin(elevation) - skin(-elevation);
  core::Vec3 normal = across.cross(along).normalized();
  if (normal.dot(beam) < 0.0) normal = -normal;
  // A steep or ragged skin patch: keep the beam within 25° of the planned one.
  return normal.dot(beam.normalized()) > std::cos(core::degToRad(25.0)) ? normal : beam.normalized();
}

Scenario::Plan planFor(const std::string& name, const anatomy::Phantom& phantom, std::uint32_t seed,
                       const Approach& approach, Dice& dice) {
  Scenario::Plan plan;
  plan.name = name;
  plan.seed = seed;
  plan.setup.phantom = scenarioPhantomOptions(name, seed);
  const core::Vec3 planned = approach.beam.normalized();
  const core::Vec3 plannedLateral = (approach.lateral - approach.lateral.dot(planned) * planned).normalized();
  const core::Vec3 probeAxisPoint = approach.targetMm + approach.probeOffsetMm * plannedLateral;
  // The probe sits flat on the skin; the image plane still contains the target.
  const core::Vec3 beam = inwardSkinNormal(phantom.volume, probeAxisPoint, planned, plannedLateral);
  const core::Vec3 lateral = (plannedLateral - plannedLateral.dot(beam) * beam).normalized();
  plan.skinPointMm =
      skinPointAlong(phantom.volume, approach.targetMm + approach.probeOffsetMm * lateral, -beam);
  plan.beamDirection = beam;
  plan.lateralDirection = lateral;
  const double angle = core::degToRad(approach.angleDeg);
  const core::Vec3 direction = (std::cos(angle) * lateral + std::sin(angle) * beam).normalized();
  plan.needle.direction = direction;
  plan.needle.entryMm = skinPointAlong(phantom.volume, approach.targetMm, -direction);
  const double pathMm = (approach.targetMm - plan.needle.entryMm).norm();
  plan.finalInsertionMm = std::max(5.0, pathMm - approach.stopShortMm);
  plan.needle.lengthMm = pathMm + 15.0 <= 90.0 ? 90.0 : (pathMm + 15.0 <= 127.0 ? 127.0 : 178.0);
  plan.needle.gauge = 22;
  plan.finalBendMm = dice.uniform(-0.6, 0.6);
  const double targetDepthMm = (approach.targetMm - plan.skinPointMm).dot(beam);
  plan.setup.imaging.depthMm = std::clamp(10.0 * std::ceil((targetDepthMm + 30.0) / 10.0), 50.0, 160.0);
  plan.setup.probe.focusDepthMm = std::max(20.0, targetDepthMm);
  plan.setup.probe.elevationFocusMm = std::max(30.0, targetDepthMm);
  return plan;
}

Approach anteriorApproach(const anatomy::Phantom& phantom, Dice& dice, double minDeg, double maxDeg) {
  const anatomy::PhantomLandmarks& landmarks = phantom.landmarks;
  Approach approach;
  approach.targetMm = landmarks.anteriorRecessTargetMm;
  approach.beam = landmarks.anteriorRecessTargetMm - landmarks.anteriorSkinAboveRecessMm;
  approach.lateral = landmarks.neckAxis;  // Oblique-sagittal along the neck, head to the right.
  approach.angleDeg = dice.uniform(minDeg, maxDeg);
  return approach;
}

}  // namespace

const std::vector<std::string>& scenarioNames() {
  static const std::vector<std::string> names = {
      "anterior-hip",       "steep",    "obese", "effusion", "out-of-plane", "probe-motion", "vessel-risk",
      "trochanteric-bursa", "no-needle"};
  return names;
}

anatomy::PhantomOptions scenarioPhantomOptions(const std::string& name, std::uint32_t seed) {
  if (std::find(scenarioNames().begin(), scenarioNames().end(), name) == scenarioNames().end()) {
    std::string list;
    for (const std::string& known : scenarioNames()) list += (list.empty() ? "" : ", ") + known;
    throw std::invalid_argument("unknown scenario '" + name + "' (known: " + list + ")");
  }
  anatomy::PhantomOptions options;
  options.seed = seed;
  if (name == "obese") options.habitus = anatomy::Habitus::Obese;
  if (name == "effusion") options.effusion = true;
  return options;
}

Scenario makeScenario(const std::string& name, const anatomy::Phantom& phantom, std::uint32_t seed) {
  scenarioPhantomOptions(name, seed);  // Validates the name.
  Dice dice(seed);
  const anatomy::PhantomLandmarks& landmarks = phantom.landmarks;
  if (name == "steep")
    return Scenario(planFor(name, phantom, seed, anteriorApproach(phantom, dice, 47, 58), dice));
  if (name == "vessel-risk") {
    Approach approach = anteriorApproach(phantom, dice, 30, 38);
    approach.targetMm = landmarks.femoralArteryMm;
    approach.beam = core::Vec3{0, 1, 0};  // Straight posterior (LPS) over the vessels.
    approach.stopShortMm = 6.0;           // Stops at the vessel wall.
    return Scenario(planFor(name, phantom, seed, approach, dice));
  }
  if (name == "trochanteric-bursa") {
    Approach approach;
    approach.targetMm = landmarks.trochantericBursaMm;
    const double medial =
        phantom.landmarks.femoralHeadCentreMm.x() > landmarks.greaterTrochanterMm.x() ? 1.0 : -1.0;
    approach.beam = core::Vec3{medial, 0, 0};
    approach.lateral = core::Vec3{0, 0, 1};  // Long axis of the femur, needle from distal.
    approach.angleDeg = dice.uniform(35, 45);
    return Scenario(planFor(name, phantom, seed, approach, dice));
  }
  Scenario::Plan plan = planFor(name, phantom, seed, anteriorApproach(phantom, dice, 32, 40), dice);
  if (name == "obese") {
    plan.setup.probe.centreFrequencyMHz = 3.5;
    plan.needle.gauge = 20;
  } else if (name == "out-of-plane") {
    plan.outOfPlaneSwingDeg = dice.uniform(2.5, 3.5);
  } else if (name == "probe-motion") {
    plan.probeSlideMm = 4.0;
    plan.probeTiltDeg = 5.0;
  } else if (name == "no-needle") {
    plan.hasNeedle = false;
    plan.probeSweepMm = 8.0;
  }
  return Scenario(std::move(plan));
}

}  // namespace hipguide::acquisition
