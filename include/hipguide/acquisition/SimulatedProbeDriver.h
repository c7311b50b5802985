#pragma once
/// The simulated probe as a live source: renders the hip phantom on its own thread.

#include <hipguide/acquisition/Capabilities.h>
#include <hipguide/acquisition/ProbeDriver.h>
#include <hipguide/acquisition/Scenario.h>
#include <hipguide/acquisition/UltrasoundSimulator.h>

#include <memory>
#include <optional>

namespace hipguide::acquisition {

/// Streams simulated B-mode frames at a set rate (0 = as fast as possible), either playing a
/// scenario or driven by hand (training mode). Every setter is thread-safe and takes effect
/// from the next frame. Setting the probe pose or the needle by hand stops scenario playback.
/// Ground truth of each published frame is stored before the frame is published, so a
/// subscriber can read truthFor(frame->frameId) (the last kTruthHistory frames are kept).
/// Scenario time advances by 1/fps per frame (1/20 s when fps is 0), so runs are reproducible.
class SimulatedProbeDriver final : public ProbeDriver,
                                   public DepthControl,
                                   public GainControl,
                                   public FreezeControl {
 public:
  static constexpr std::size_t kTruthHistory = 256;

  /// Plays the named scenario (looping when `loop`) on the phantom it needs, built with `seed`
  /// on the driver's thread when it starts (state Connecting meanwhile). Throws
  /// std::invalid_argument for an unknown scenario.
  SimulatedProbeDriver(const std::string& scenarioName, std::uint32_t seed, double framesPerSecond = 20.0,
                       bool loop = true);
  /// Images a given phantom, driven by hand (no needle, probe at the skin above the recess).
  SimulatedProbeDriver(std::shared_ptr<const anatomy::Phantom> phantom, std::uint32_t seed,
                       double framesPerSecond = 20.0);
  ~SimulatedProbeDriver() override;

  std::string description() const override;

  /// Plays a scenario built on this driver's phantom; applies its probe and imaging setup.
  void playScenario(const Scenario& scenario, bool loop);
  /// Stops playback where it is; the probe and needle stay put.
  void stopScenario();
  bool playingScenario() const;
  /// The phantom, once built (null before the first frame of a scenario-built driver).
  std::shared_ptr<const anatomy::Phantom> phantom() const;

  void setProbePose(const core::Transform3& probeToReference);
  void setNeedle(const std::optional<NeedleState>& needle);
  void setProbeModel(const ProbeModel& probe);
  void setImaging(const ImagingSettings& imaging);
  ImagingSettings imaging() const;
  ProbeModel probeModel() const;
  void setFramesPerSecond(double framesPerSecond);

  void setDepthMm(double depthMm) override;
  double depthMm() const override;
  void setGainDb(double gainDb) override;
  double gainDb() const override;
  void setFrozen(bool frozen) override;
  bool frozen() const override;

  /// Truth of a published frame, or nullopt when unknown or too old.
  std::optional<FrameTruth> truthFor(std::uint64_t frameId) const;
  /// Truth of the newest published frame.
  std::optional<FrameTruth> latestTruth() const;

 protected:
  void run(std::stop_token stop) override;

 private:
  struct Control;
  SimulatorInput nextInput(std::uint64_t frameIndex);
  void ensurePhantom();
  void remember(const FrameTruth& truth);

  std::unique_ptr<Control> m_control;
  std::unique_ptr<UltrasoundSimulator> m_simulator;  ///< Used on the driver's thread only.
};

}  // namespace hipguide::acquisition
