#include <hipguide/acquisition/SimulatedProbeDriver.h>
#include <hipguide/core/Logging.h>
#include <hipguide/core/SteadyClock.h>

#include <cmath>
#include <deque>
#include <mutex>
#include <stdexcept>

namespace hipguide::acquisition {

/// Everything the controlling threads may change, guarded by one mutex.
struct SimulatedProbeDriver::Control {
  mutable std::mutex mutex;
  std::string scenarioName;  ///< Scenario to build at start (scenario-built drivers).
  std::uint32_t seed = 1;
  bool loop = true;
  double framesPerSecond = 20.0;
  std::shared_ptr<const anatomy::Phantom> phantom;
  std::optional<Scenario> scenario;
  std::uint64_t scenarioStartIndex = 0;
  SimulatorInput input;
  bool frozen = false;
  std::deque<FrameTruth> truths;
};

namespace {

constexpr double kNominalFramesPerSecond = 20.0;

void requireRate(double framesPerSecond) {
  if (!(framesPerSecond >= 0.0 && framesPerSecond <= 1000.0))
    throw std::invalid_argument("simulated probe: frames per second " + std::to_string(framesPerSecond) +
                                " is out of range (0 = as fast as possible, up to 1000)");
}

/// The probe resting above the anterior recess, array along the neck.
core::Transform3 restingPose(const anatomy::Phantom& phantom) {
  const anatomy::PhantomLandmarks& l = phantom.landmarks;
  return probePoseOnSkin(l.anteriorSkinAboveRecessMm, l.anteriorRecessTargetMm - l.anteriorSkinAboveRecessMm,
                         l.neckAxis);
}

}  // namespace

SimulatedProbeDriver::SimulatedProbeDriver(const std::string& scenarioName, std::uint32_t seed,
                                           double framesPerSecond, bool loop)
    : m_control(std::make_unique<Control>()) {
  requireRate(framesPerSecond);
  scenarioPhantomOptions(scenarioName, seed);  // Validates the name now, not on the thread.
  m_control->scenarioName = scenarioName;
  m_control->seed = seed;
  m_control->loop = loop;
  m_control->framesPerSecond = framesPerSecond;
}

SimulatedProbeDriver::SimulatedProbeDriver(std::shared_ptr<const anatomy::Phantom> phantom,
                                           std::uint32_t seed, double framesPerSecond)
    : m_control(std::make_unique<Control>()) {
  requireRate(framesPerSecond);
  if (!phantom) throw std::invalid_argument("simulated probe: no phantom given");
  m_control->seed = seed;
  m_control->framesPerSecond = framesPerSecond;
  m_control->input.probeToReference = restingPose(*phantom);
  m_control->phantom = std::move(phantom);
}

SimulatedProbeDriver::~SimulatedProbeDriver() { stop(); }

std::string SimulatedProbeDriver::description() const {
  std::lock_guard lock(m_control->mutex);
  if (m_control->scenario) return "simulated probe (" + m_control->scenario->name() + ")";
  if (!m_control->scenarioName.empty()) return "simulated probe (" + m_control->scenarioName + ")";
  return "simulated probe (manual)";
}

void SimulatedProbeDriver::ensurePhantom() {
  std::string name;
  std::uint32_t seed = 1;
  {
    std::lock_guard lock(m_control->mutex);
    if (m_control->phantom) return;
    name = m_control->scenarioName;
    seed = m_control->seed;
  }
  core::logger("acquisition")
      ->info("simulated probe: building the phantom for scenario '{}' (seed {})", name, seed);
  auto phantom =
      std::make_shared<const anatomy::Phantom>(anatomy::makeHipPhantom(scenarioPhantomOptions(name, seed)));
  const Scenario scenario = makeScenario(name, *phantom, seed);
  bool loop = true;
  {
    std::lock_guard lock(m_control->mutex);
    m_control->phantom = phantom;
    loop = m_control->loop;
  }
  playScenario(scenario, loop);
}

void SimulatedProbeDriver::playScenario(const Scenario& scenario, bool loop) {
  std::lock_guard lock(m_control->mutex);
  m_control->scenario = scenario;
  m_control->loop = loop;
  m_control->scenarioStartIndex = static_cast<std::uint64_t>(-1);  // Restart at the next frame.
  m_control->input.probe = scenario.setup().probe;
  m_control->input.imaging = scenario.setup().imaging;
}

void SimulatedProbeDriver::stopScenario() {
  std::lock_guard lock(m_control->mutex);
  m_control->scenario.reset();
}

bool SimulatedProbeDriver::playingScenario() const {
  std::lock_guard lock(m_control->mutex);
  return m_control->scenario.has_value();
}

std::shared_ptr<const anatomy::Phantom> SimulatedProbeDriver::phantom() const {
  std::lock_guard lock(m_control->mutex);
  return m_control->phantom;
}

void SimulatedProbeDriver::setProbePose(const core::Transform3& probeToReference) {
  std::lock_guard lock(m_control->mutex);
  m_control->scenario.reset();
  m_control->input.probeToReference = probeToReference;
}

void SimulatedProbeDriver::setNeedle(const std::optional<NeedleState>& needle) {
  if (needle) needle->validate();
  std::lock_guard lock(m_control->mutex);
  m_control->scenario.reset();
  m_control->input.needle = needle;
}

void SimulatedProbeDriver::setProbeModel(const ProbeModel& probe) {
  probe.validate();
  std::lock_guard lock(m_control->mutex);
  m_control->input.probe = probe;
}

void SimulatedProbeDriver::setImaging(const ImagingSettings& imaging) {
  imaging.validate();
  std::lock_guard lock(m_control->mutex);
  m_control->input.imaging = imaging;
}

ImagingSettings SimulatedProbeDriver::imaging() const {
  std::lock_guard lock(m_control->mutex);
  return m_control->input.imaging;
}

ProbeModel SimulatedProbeDriver::probeModel() const {
  std::lock_guard lock(m_control->mutex);
  return m_control->input.probe;
}

void SimulatedProbeDriver::setFramesPerSecond(double framesPerSecond) {
  requireRate(framesPerSecond);
  std::lock_guard lock(m_control->mutex);
  m_control->framesPerSecond = framesPerSecond;
}

void SimulatedProbeDriver::setDepthMm(double depthMm) {
  ImagingSettings settings = imaging();
  settings.depthMm = depthMm;
  setImaging(settings);
}

double SimulatedProbeDriver::depthMm() const { return imaging().depthMm; }

void SimulatedProbeDriver::setGainDb(double gainDb) {
  ImagingSettings settings = imaging();
  settings.gainDb = gainDb;
  setImaging(settings);
}

double SimulatedProbeDriver::gainDb() const { return imaging().gainDb; }

void SimulatedProbeDriver::setFrozen(bool frozen) {
  std::lock_guard lock(m_control->mutex);
  m_control->frozen = frozen;
}

bool SimulatedProbeDriver::frozen() const {
  std::lock_guard lock(m_control->mutex);
  return m_control->frozen;
}

std::optional<FrameTruth> SimulatedProbeDriver::truthFor(std::uint64_t frameId) const {
  std::lock_guard lock(m_control->mutex);
  for (auto it = m_control->truths.rbegin(); it != m_control->truths.rend(); ++it)
    if (it->frameId == frameId) return *it;
  return std::nullopt;
}

std::optional<FrameTruth> SimulatedProbeDriver::latestTruth() const {
  std::lock_guard lock(m_control->mutex);
  if (m_control->truths.empty()) return std::nullopt;
  return m_control->truths.back();
}

void SimulatedProbeDriver::remember(const FrameTruth& truth) {
  std::lock_guard lock(m_control->mutex);
  m_control->truths.push_back(truth);
  while (m_control->truths.size() > kTruthHistory) m_control->truths.pop_front();
}

SimulatorInput SimulatedProbeDriver::nextInput(std::uint64_t frameIndex) {
  std::lock_guard lock(m_control->mutex);
  Control& control = *m_control;
  if (control.scenario) {
    if (control.scenarioStartIndex > frameIndex) control.scenarioStartIndex = frameIndex;
    const double rate = control.framesPerSecond > 0.0 ? control.framesPerSecond : kNominalFramesPerSecond;
    double timeS = static_cast<double>(frameIndex - control.scenarioStartIndex) / rate;
    if (control.loop) timeS = std::fmod(timeS, control.scenario->durationS());
    const ScenarioState state = control.scenario->at(timeS);
    control.input.probeToReference = state.probeToReference;
    control.input.needle = state.needle;
  }
  control.input.frameIndex = frameIndex;
  return control.input;
}

void SimulatedProbeDriver::run(std::stop_token stop) {
  setState(DriverState::Connecting);
  ensurePhantom();
  {
    std::lock_guard lock(m_control->mutex);
    m_simulator = std::make_unique<UltrasoundSimulator>(
        std::shared_ptr<const anatomy::LabelVolume>(m_control->phantom, &m_control->phantom->volume),
        acousticMapFrom(m_control->phantom->table), SimulatorOptions{.seed = m_control->seed});
  }
  setState(DriverState::Streaming);
  std::optional<SimulatedFrame> last;
  std::int64_t next = core::steadyNowNs();
  for (std::uint64_t index = 0; !stop.stop_requested(); ++index) {
    if (!frozen() || !last) last = m_simulator->render(nextInput(index));
    SimulatedFrame published = *last;
    published.frame.frameId = index + 1;
    published.frame.deviceTimestampNs = core::steadyNowNs();
    published.truth.frameId = published.frame.frameId;
    published.truth.timestampNs = published.frame.deviceTimestampNs;
    remember(published.truth);
    publish(std::move(published.frame));
    double rate = 0;
    {
      std::lock_guard lock(m_control->mutex);
      rate = m_control->framesPerSecond;
    }
    if (rate <= 0.0) {
      next = core::steadyNowNs();
      continue;
    }
    next += core::secondsToNs(1.0 / rate);
    if (!sleepUntilNs(stop, next)) break;
  }
}

}  // namespace hipguide::acquisition
