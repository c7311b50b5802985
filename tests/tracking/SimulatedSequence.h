#pragma once
/// Renders a named simulator scenario frame by frame with its ground truth, for the tracking
/// regression tests.

#include <hipguide/acquisition/Scenario.h>
#include <hipguide/acquisition/UltrasoundSimulator.h>
#include <hipguide/anatomy/HipPhantom.h>
#include <hipguide/tracking/TrackCsv.h>

#include <memory>
#include <string>

namespace hipguide::test {

/// One scenario on its phantom, rendered at `fps` frames per second (20 by default) as
/// `hipguide-cli simulate` does (frame ids from 1, truth rows with the same ids).
class SimulatedSequence {
 public:
  SimulatedSequence(const std::string& scenario, std::uint32_t seed, double fps = 20.0)
      : m_fps(fps),
        m_phantom(std::make_shared<const anatomy::Phantom>(
            anatomy::makeHipPhantom(acquisition::scenarioPhantomOptions(scenario, seed)))),
        m_scenario(acquisition::makeScenario(scenario, *m_phantom, seed)),
        m_simulator(std::shared_ptr<const anatomy::LabelVolume>(m_phantom, &m_phantom->volume),
                    acquisition::acousticMapFrom(m_phantom->table), {.seed = seed}) {
    m_input.probe = m_scenario.setup().probe;
    m_input.imaging = m_scenario.setup().imaging;
  }

  /// Frames in the whole scripted scenario.
  std::uint64_t frameCount() const { return static_cast<std::uint64_t>(m_scenario.durationS() * m_fps) + 1; }

  /// Frame `index` (0-based) and its truth row.
  acquisition::SimulatedFrame render(std::uint64_t index, tracking::TruthRow& truth) {
    const acquisition::ScenarioState state = m_scenario.atFrame(index, m_fps);
    m_input.probeToReference = state.probeToReference;
    m_input.needle = state.needle;
    m_input.frameIndex = index;
    acquisition::SimulatedFrame result = m_simulator.render(m_input);
    result.frame.frameId = index + 1;
    result.frame.deviceTimestampNs = static_cast<std::int64_t>(double(index) * 1e9 / m_fps);
    truth.frame = static_cast<std::int64_t>(result.frame.frameId);
    truth.timestampS = double(index) / m_fps;
    truth.needleVisible = result.truth.needleVisible;
    truth.tipXMm = result.truth.tipImageMm.x();
    truth.tipYMm = result.truth.tipImageMm.y();
    truth.angleDeg = result.truth.angleDeg;
    truth.visibleLengthMm = result.truth.visibleLengthMm;
    return result;
  }

 private:
  double m_fps;
  std::shared_ptr<const anatomy::Phantom> m_phantom;
  acquisition::Scenario m_scenario;
  acquisition::UltrasoundSimulator m_simulator;
  acquisition::SimulatorInput m_input;
};

}  // namespace hipguide::test
