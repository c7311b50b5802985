#pragma once
/// A clearly labelled synthetic source for plumbing tests: a sector with moving bands and a line.

#include <hipguide/acquisition/ProbeDriver.h>

namespace hipguide::acquisition {

/// Generates 640×480 frames at a set rate (0 = as fast as possible) showing a curvilinear
/// sector, drifting bands and a bright line that sweeps like a needle. Not ultrasound: it
/// exists so the frame path can be tested without the simulator.
class TestPatternDriver final : public ProbeDriver {
 public:
  explicit TestPatternDriver(double framesPerSecond = 30.0, int width = 640, int height = 480);
  ~TestPatternDriver() override;
  std::string description() const override { return "synthetic test pattern (not ultrasound)"; }

 protected:
  void run(std::stop_token stop) override;

 private:
  core::Frame makeFrame(std::uint64_t index) const;
  double m_framesPerSecond;
  int m_width;
  int m_height;
};

}  // namespace hipguide::acquisition
