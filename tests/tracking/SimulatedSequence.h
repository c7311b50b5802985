#pragma once
/// A named simulator scenario with its ground truth as the tracker's truth rows, for the
/// tracking regression tests.

#include <hipguide/acquisition/ScenarioSequence.h>
#include <hipguide/core/SteadyClock.h>
#include <hipguide/tracking/TrackCsv.h>

#include <string>

namespace hipguide::test {

/// acquisition::ScenarioSequence (rendered as `hipguide-cli simulate` writes it) whose truth
/// comes as the truth CSV's rows.
class SimulatedSequence {
 public:
  SimulatedSequence(const std::string& scenario, std::uint32_t seed, double fps = 20.0)
      : m_sequence(scenario, seed, fps) {}

  /// Images the scenario with another probe or at another depth than its own.
  void setProbe(const acquisition::ProbeModel& probe) { m_sequence.setProbe(probe); }
  void setDepthMm(double depthMm) { m_sequence.setDepthMm(depthMm); }

  /// Frames in the whole scripted scenario.
  std::uint64_t frameCount() const { return m_sequence.frameCount(); }

  /// Frame `index` (0-based) and its truth row.
  acquisition::SimulatedFrame render(std::uint64_t index, tracking::TruthRow& truth) {
    acquisition::SimulatedFrame result = m_sequence.render(index);
    truth.frame = static_cast<std::int64_t>(result.frame.frameId);
    truth.timestampS = core::nsToSeconds(result.frame.deviceTimestampNs);
    truth.needleVisible = result.truth.needleVisible;
    truth.tipXMm = result.truth.tipImageMm.x();
    truth.tipYMm = result.truth.tipImageMm.y();
    truth.angleDeg = result.truth.angleDeg;
    truth.visibleLengthMm = result.truth.visibleLengthMm;
    return result;
  }

 private:
  acquisition::ScenarioSequence m_sequence;
};

}  // namespace hipguide::test
