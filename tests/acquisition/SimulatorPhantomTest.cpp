/// The simulator and the scenarios on the real hip phantom: anatomy where the phantom puts it,
/// scripted insertions that start outside the image and reach it, reproducibly.

#include <hipguide/acquisition/Scenario.h>
#include <hipguide/acquisition/UltrasoundSimulator.h>

#include <gtest/gtest.h>

#include <map>
#include <memory>

namespace hipguide::acquisition {
namespace {

/// Phantoms are built once per options (a few seconds each).
std::shared_ptr<const anatomy::Phantom> phantomFor(const std::string& scenario, std::uint32_t seed) {
  static std::map<std::tuple<int, bool, std::uint32_t>, std::shared_ptr<const anatomy::Phantom>> cache;
  const anatomy::PhantomOptions options = scenarioPhantomOptions(scenario, seed);
  auto& slot = cache[{static_cast<int>(options.habitus), options.effusion, seed}];
  if (!slot) slot = std::make_shared<const anatomy::Phantom>(anatomy::makeHipPhantom(options));
  return slot;
}

UltrasoundSimulator simulatorOn(const std::shared_ptr<const anatomy::Phantom>& phantom) {
  return UltrasoundSimulator(std::shared_ptr<const anatomy::LabelVolume>(phantom, &phantom->volume),
                             acousticMapFrom(phantom->table));
}

TEST(SimulatorPhantom, CapsuleAppearsAtThePhantomsDepth) {
  const auto phantom = phantomFor("anterior-hip", 1);
  const anatomy::PhantomLandmarks& landmarks = phantom->landmarks;
  SimulatorInput input;
  input.probeToReference = probePoseOnSkin(
      landmarks.anteriorSkinAboveRecessMm,
      landmarks.anteriorRecessTargetMm - landmarks.anteriorSkinAboveRecessMm, landmarks.neckAxis);
  // Where the label map puts the capsule's anterior surface under the central line.
  const std::uint8_t capsule = phantom->table.valueOf("joint_capsule");
  double capsuleDepthMm = -1;
  for (double depth = 0; depth < 120.0 && capsuleDepthMm < 0; depth += 0.05)
    if (phantom->volume.labelAt(input.probeToReference * core::Vec3(0, depth, 0)) == capsule)
      capsuleDepthMm = depth;
  ASSERT_GT(capsuleDepthMm, 10.0);
  auto simulator = simulatorOn(phantom);
  const core::Frame frame = simulator.render(input).frame;
  const ScanGeometry& geometry = simulator.lastGeometry();
  // Column profile over ±1 mm around the centre; the echo's leading edge (half its peak).
  const core::Vec2 face = geometry.faceCentreImageMm();
  const int centre = static_cast<int>(std::lround(face.x() / frame.spacingMm.x()));
  const int halfWidth = static_cast<int>(1.0 / frame.spacingMm.x());
  const auto rowMean = [&](int row) {
    double sum = 0;
    for (int column = centre - halfWidth; column <= centre + halfWidth; ++column)
      sum += frame.at(column, row);
    return sum / (2 * halfWidth + 1);
  };
  const auto rowOf = [&](double depthMm) {
    return static_cast<int>(std::lround((depthMm + face.y()) / frame.spacingMm.y()));
  };
  // Scanning down from 3 mm above: the first echo well above the tissue above it, its local
  // maximum, and that echo's leading edge (half way up from the background).
  double background = 0;
  for (int row = rowOf(capsuleDepthMm - 4.0); row <= rowOf(capsuleDepthMm - 2.0); ++row)
    background += rowMean(row);
  background /= rowOf(capsuleDepthMm - 2.0) - rowOf(capsuleDepthMm - 4.0) + 1;
  std::string profile;
  int peakRow = -1;
  for (int row = rowOf(capsuleDepthMm - 3.0); row <= rowOf(capsuleDepthMm + 3.0); ++row) {
    profile += std::to_string(static_cast<int>(rowMean(row))) + " ";
    if (peakRow < 0 && rowMean(row) > background + 40.0) peakRow = row;
  }
  ASSERT_GE(peakRow, 0) << "no echo near the capsule: " << profile;
  while (rowMean(peakRow + 1) > rowMean(peakRow)) ++peakRow;
  int edgeRow = peakRow;
  while (edgeRow > 0 && rowMean(edgeRow - 1) > 0.5 * (rowMean(peakRow) + background)) --edgeRow;
  const double edgeDepthMm = edgeRow * frame.spacingMm.y() - face.y();
  EXPECT_NEAR(edgeDepthMm, capsuleDepthMm, 0.5) << "profile from 3 mm above: " << profile;
  EXPECT_GT(rowMean(peakRow), background + 40.0);
}

TEST(SimulatorPhantom, EveryScenarioStartsOutsideTheImageAndIsReproducible) {
  for (const std::string& name : scenarioNames()) {
    const auto phantom = phantomFor(name, 1);
    const Scenario scenario = makeScenario(name, *phantom, 1);
    const Scenario again = makeScenario(name, *phantom, 1);
    auto simulator = simulatorOn(phantom);
    SimulatorInput input;
    input.probe = scenario.setup().probe;
    input.imaging = scenario.setup().imaging;
    int visibleFrames = 0, framesAfterPreRoll = 0;
    const double stepS = 0.25;
    for (double time = 0.0; time <= scenario.durationS(); time += stepS) {
      const ScenarioState state = scenario.at(time);
      const ScenarioState repeat = again.at(time);
      ASSERT_TRUE(state.probeToReference.isApprox(repeat.probeToReference)) << name;
      ASSERT_EQ(state.needle, repeat.needle) << name;
      input.probeToReference = state.probeToReference;
      input.needle = state.needle;
      const FrameTruth truth = simulator.truth(input);
      if (time < scenario.plan().preRollS) {
        EXPECT_FALSE(truth.needleVisible) << name << " at " << time << " s";
      } else {
        ++framesAfterPreRoll;
        visibleFrames += truth.needleVisible ? 1 : 0;
      }
    }
    if (name == "no-needle") {
      EXPECT_EQ(visibleFrames, 0);
    } else {
      EXPECT_GT(visibleFrames, framesAfterPreRoll / 10) << name << ": the needle is seldom visible";
    }
  }
}

TEST(SimulatorPhantom, SeedsChangeTheInsertion) {
  const auto phantom = phantomFor("anterior-hip", 1);
  const Scenario one = makeScenario("anterior-hip", *phantom, 1);
  const Scenario two = makeScenario("anterior-hip", *phantom, 2);
  EXPECT_FALSE(one.at(10.0).needle->direction.isApprox(two.at(10.0).needle->direction));
  EXPECT_THROW(makeScenario("sideways", *phantom, 1), std::invalid_argument);
}

}  // namespace
}  // namespace hipguide::acquisition
