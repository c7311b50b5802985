#include <hipguide/core/SteadyClock.h>
#include <hipguide/session/ReplayDriver.h>

#include <algorithm>
#include <stdexcept>

namespace hipguide::session {
namespace {

constexpr double kMinSpeed = 0.25;
constexpr double kMaxSpeed = 4.0;
/// Longest wait between two frames, so a gap in a recording does not stall the replay.
constexpr std::int64_t kMaxFrameGapNs = 2'000'000'000;
/// How far behind schedule the replay may fall before it stops catching up.
constexpr std::int64_t kMaxLagNs = 100'000'000;

bool byFrameId(const SessionEvent& a, const SessionEvent& b) { return a.frameId < b.frameId; }

}  // namespace

ReplayDriver::ReplayDriver(const std::filesystem::path& path, ReplayOptions options)
    : m_reader(openRecording(path)),
      m_info(m_reader->info()),
      m_frameCount(m_reader->frameCount()),
      m_path(path) {
  if (m_frameCount == 0) throw std::runtime_error(path.string() + ": the recording has no frames to replay");
  if (m_info.trackerOnly)
    throw std::runtime_error(path.string() + ": a tracker-only recording has no images to replay");
  m_reader->prepareForSeeking();  // compressed PLUS files: index the stream in the background
  setSpeed(options.speed);
  m_loop = options.loop;
  m_paused = options.startPaused;
  m_events = m_reader->events();
  for (const SessionEvent& event : m_events)
    if (event.kind != event_kind::kNeedleEstimate)
      m_timeline.push_back({m_reader->frameIndexAtTime(event.timestampNs), event});
  std::stable_sort(m_events.begin(), m_events.end(), byFrameId);
}

ReplayDriver::~ReplayDriver() { stop(); }

std::string ReplayDriver::description() const { return "replay of " + m_path.filename().string(); }

void ReplayDriver::play() {
  std::lock_guard lock(m_mutex);
  if (m_nextIndex >= m_frameCount) m_nextIndex = 0;  // play at the end starts again
  m_paused = false;
  m_pendingSteps = 0;
  m_changed.notify_all();
}

void ReplayDriver::pause() {
  std::lock_guard lock(m_mutex);
  m_paused = true;
  m_changed.notify_all();
}

bool ReplayDriver::paused() const {
  std::lock_guard lock(m_mutex);
  return m_paused;
}

void ReplayDriver::step(std::int64_t frames) {
  std::lock_guard lock(m_mutex);
  m_paused = true;
  m_pendingSteps += frames;
  m_changed.notify_all();
}

void ReplayDriver::seekToFrame(std::int64_t index) {
  std::lock_guard lock(m_mutex);
  m_nextIndex = std::clamp<std::int64_t>(index, 0, m_frameCount - 1);
  m_pendingSteps = 0;
  m_seekPending = true;
  m_changed.notify_all();
}

void ReplayDriver::seekToTime(std::int64_t offsetNs) {
  seekToFrame(m_reader->frameIndexAtTime(m_reader->timestampNs(0) + offsetNs));
}

void ReplayDriver::setSpeed(double speed) {
  if (!(speed >= kMinSpeed && speed <= kMaxSpeed))
    throw std::invalid_argument("replay speed " + std::to_string(speed) + " is outside 0.25..4");
  std::lock_guard lock(m_mutex);
  m_speed = speed;
  m_changed.notify_all();
}

double ReplayDriver::speed() const {
  std::lock_guard lock(m_mutex);
  return m_speed;
}

void ReplayDriver::setLoop(bool loop) {
  std::lock_guard lock(m_mutex);
  m_loop = loop;
  m_changed.notify_all();
}

std::int64_t ReplayDriver::currentFrameIndex() const {
  std::lock_guard lock(m_mutex);
  return m_seekPending ? m_nextIndex : std::max<std::int64_t>(m_shownIndex, 0);
}

std::vector<SessionEvent> ReplayDriver::eventsForFrame(std::uint64_t frameId) const {
  SessionEvent probe;
  probe.frameId = frameId;
  const auto [first, last] = std::equal_range(m_events.begin(), m_events.end(), probe, byFrameId);
  return {first, last};
}

std::optional<core::NeedleEstimate> ReplayDriver::recordedEstimate(std::uint64_t frameId) const {
  for (const SessionEvent& event : eventsForFrame(frameId))
    if (auto estimate = needleEstimateFrom(event)) return estimate;
  return std::nullopt;
}

void ReplayDriver::run(std::stop_token stop) {
  setState(acquisition::DriverState::Streaming);
  std::int64_t deadlineNs = 0;  // steady time the next frame is due while playing
  std::unique_lock lock(m_mutex);
  while (!stop.stop_requested()) {
    std::int64_t index = -1;
    if (m_seekPending) {
      index = m_nextIndex;
      m_seekPending = false;
    } else if (m_paused && m_pendingSteps != 0) {
      const std::int64_t direction = m_pendingSteps > 0 ? 1 : -1;
      m_pendingSteps -= direction;
      index = std::clamp<std::int64_t>(m_shownIndex + direction, 0, m_frameCount - 1);
    } else if (!m_paused && m_nextIndex >= m_frameCount && !m_loop) {
      m_paused = true;  // the end: hold the last frame
      continue;
    } else if (!m_paused) {
      if (m_nextIndex >= m_frameCount) m_nextIndex = 0;
      const bool interrupted = m_changed.wait_until(
          lock, stop, std::chrono::steady_clock::time_point(std::chrono::nanoseconds(deadlineNs)),
          [&] { return m_seekPending || m_paused; });
      if (interrupted || stop.stop_requested()) continue;
      index = m_nextIndex;
    } else {
      m_changed.wait(lock, stop, [&] { return m_seekPending || !m_paused || m_pendingSteps != 0; });
      deadlineNs = core::steadyNowNs();
      continue;
    }
    const double speed = m_speed;
    lock.unlock();
    publishIndex(index);
    const std::int64_t next = index + 1 < m_frameCount ? index + 1 : 0;
    std::int64_t gapNs = m_reader->timestampNs(next) - m_reader->timestampNs(index);
    if (next == 0 || gapNs < 0)
      gapNs = m_info.framesPerSecond > 0 ? static_cast<std::int64_t>(1e9 / m_info.framesPerSecond) : 0;
    // Keep the recorded cadence; after a stall (slow disk, pause) restart from now, no burst.
    const std::int64_t nowNs = core::steadyNowNs();
    const std::int64_t baseNs = deadlineNs < nowNs - kMaxLagNs ? nowNs : deadlineNs;
    deadlineNs =
        baseNs + static_cast<std::int64_t>(static_cast<double>(std::min(gapNs, kMaxFrameGapNs)) / speed);
    lock.lock();
    m_shownIndex = index;
    if (!m_seekPending) m_nextIndex = index + 1;
  }
}

void ReplayDriver::setPixelSizeMm(std::optional<double> mm) {
  if (mm && !core::isCalibratedSpacingMm(*mm))
    throw std::invalid_argument("a replay's pixel size must be above 0 and at most " +
                                std::to_string(core::kMaxCalibratedSpacingMm) + " mm, not " +
                                std::to_string(*mm));
  {
    std::lock_guard lock(m_mutex);
    m_pixelSizeMm = mm;
  }
  seekToFrame(currentFrameIndex());  // shown again at the new size
}

std::optional<double> ReplayDriver::pixelSizeMm() const {
  std::lock_guard lock(m_mutex);
  return m_pixelSizeMm;
}

void ReplayDriver::publishIndex(std::int64_t index) {
  RecordedFrame recorded = m_reader->readFrame(index);
  if (const std::optional<double> mm = pixelSizeMm()) recorded.frame.spacingMm = {*mm, *mm};
  recorded.frame.hostReceiveNs = 0;  // publish() stamps the replay time
  publish(std::move(recorded.frame));
}

}  // namespace hipguide::session
