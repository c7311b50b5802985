#include <hipguide/acquisition/Scenario.h>
#include <hipguide/acquisition/ScenarioSequence.h>

namespace hipguide::acquisition {

struct ScenarioSequence::Impl {
  Impl(const std::string& name, std::uint32_t seed, double fps)
      : fps(fps),
        phantom(std::make_shared<const anatomy::Phantom>(
            anatomy::makeHipPhantom(scenarioPhantomOptions(name, seed)))),
        scenario(makeScenario(name, *phantom, seed)),
        simulator(std::shared_ptr<const anatomy::LabelVolume>(phantom, &phantom->volume),
                  acousticMapFrom(phantom->table), {.seed = seed}) {
    input.probe = scenario.setup().probe;
    input.imaging = scenario.setup().imaging;
  }

  double fps;
  std::shared_ptr<const anatomy::Phantom> phantom;
  Scenario scenario;
  UltrasoundSimulator simulator;
  SimulatorInput input;
};

ScenarioSequence::ScenarioSequence(const std::string& scenario, std::uint32_t seed, double fps)
    : m_impl(std::make_unique<Impl>(scenario, seed, fps)) {}

ScenarioSequence::~ScenarioSequence() = default;

void ScenarioSequence::setProbe(const ProbeModel& probe) { m_impl->input.probe = probe; }

void ScenarioSequence::setDepthMm(double depthMm) { m_impl->input.imaging.depthMm = depthMm; }

std::uint64_t ScenarioSequence::frameCount() const {
  return static_cast<std::uint64_t>(m_impl->scenario.durationS() * m_impl->fps) + 1;
}

SimulatedFrame ScenarioSequence::render(std::uint64_t index) {
  Impl& s = *m_impl;
  const ScenarioState state = s.scenario.atFrame(index, s.fps);
  s.input.probeToReference = state.probeToReference;
  s.input.needle = state.needle;
  s.input.frameIndex = index;
  SimulatedFrame result = s.simulator.render(s.input);
  result.frame.frameId = index + 1;
  result.frame.deviceTimestampNs = static_cast<std::int64_t>(double(index) * 1e9 / s.fps);
  result.frame.hostReceiveNs = result.frame.deviceTimestampNs;
  result.truth.frameId = result.frame.frameId;
  result.truth.timestampNs = result.frame.deviceTimestampNs;
  return result;
}

}  // namespace hipguide::acquisition
