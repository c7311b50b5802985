#pragma once
/// A named scenario rendered frame by frame with its ground truth: what `hipguide-cli simulate`
/// writes, what `hipguide-cli bench` times and what the tracking regression tests check.

#include <hipguide/acquisition/UltrasoundSimulator.h>

#include <cstdint>
#include <memory>
#include <string>

namespace hipguide::acquisition {

/// One scenario on its own phantom (built from the scenario's name and seed), at `fps` frames
/// per second. Frame `index` gets id index + 1 and timestamp index / fps, as in PLUS files the
/// simulator writes and in their truth CSV. Not thread-safe.
class ScenarioSequence {
 public:
  /// Throws std::invalid_argument for an unknown scenario name.
  ScenarioSequence(const std::string& scenario, std::uint32_t seed, double fps = 20.0);
  ~ScenarioSequence();
  ScenarioSequence(const ScenarioSequence&) = delete;
  ScenarioSequence& operator=(const ScenarioSequence&) = delete;

  /// Images with another probe or depth than the scenario's own (before rendering).
  void setProbe(const ProbeModel& probe);
  void setDepthMm(double depthMm);

  /// Frames in the whole scripted scenario.
  std::uint64_t frameCount() const;
  /// Frame `index` (0-based) with its truth, both numbered and timestamped.
  SimulatedFrame render(std::uint64_t index);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace hipguide::acquisition
