#include <hipguide/tracking/LiveNeedleTracker.h>
#include <hipguide/tracking/NeedleTracker.h>

#include <hipguide/core/Logging.h>

#include <exception>

namespace hipguide::tracking {

LiveNeedleTracker::LiveNeedleTracker(core::LatestSlot<core::FramePtr>& frames, const TrackerConfig& config,
                                     Callback callback)
    : m_frames(frames), m_config(config), m_callback(std::move(callback)) {}

LiveNeedleTracker::~LiveNeedleTracker() { stop(); }

void LiveNeedleTracker::start() {
  if (m_thread.joinable()) return;
  m_thread = std::jthread([this](std::stop_token stop) { run(stop); });
}

void LiveNeedleTracker::stop() {
  if (!m_thread.joinable()) return;
  m_thread.request_stop();
  m_thread.join();
  m_estimates.close();
}

void LiveNeedleTracker::run(std::stop_token stop) {
  try {
    NeedleTracker tracker(m_config);
    std::uint64_t seen = 0;
    while (!stop.stop_requested()) {
      const auto entry = m_frames.waitNewer(seen, stop);
      if (!entry) break;
      m_skipped += entry->sequence - seen - 1;
      seen = entry->sequence;
      if (!entry->value) continue;
      const core::NeedleEstimate estimate = tracker.process(*entry->value);
      ++m_processed;
      m_estimates.publish(estimate);
      if (m_callback) m_callback(estimate);
    }
  } catch (const std::exception& error) {
    core::logger("tracking")->error("live needle tracker stopped: {}", error.what());
  }
}

}  // namespace hipguide::tracking
