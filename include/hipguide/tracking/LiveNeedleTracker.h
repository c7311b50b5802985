#pragma once
/// Runs a NeedleTracker on its own thread against a live frame channel.

#include <hipguide/core/Frame.h>
#include <hipguide/core/LatestSlot.h>
#include <hipguide/core/NeedleEstimate.h>
#include <hipguide/tracking/TrackerConfig.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>

namespace hipguide::tracking {

/// Reads the newest frame from a latest-frame slot (the driver's or the display's), tracks
/// it and publishes the estimate to its own slot and to an optional callback. It only ever
/// reads the slot, so acquisition never waits for it: when tracking is slower than the frame
/// rate, frames are skipped (counted in skippedFrames()). The input slot is owned by the
/// caller and must outlive this object. start()/stop() from one controlling thread; the
/// counters and estimates() are thread-safe; the callback runs on the tracking thread.
class LiveNeedleTracker {
 public:
  using Callback = std::function<void(const core::NeedleEstimate&)>;

  LiveNeedleTracker(core::LatestSlot<core::FramePtr>& frames, const TrackerConfig& config = {},
                    Callback callback = {});
  ~LiveNeedleTracker();  ///< Stops the thread.
  LiveNeedleTracker(const LiveNeedleTracker&) = delete;
  LiveNeedleTracker& operator=(const LiveNeedleTracker&) = delete;

  /// Starts the tracking thread (no effect when running).
  void start();
  /// Stops it and waits for it to finish its current frame.
  void stop();
  /// Estimates, newest wins; closed after stop().
  core::LatestSlot<core::NeedleEstimate>& estimates() { return m_estimates; }
  std::uint64_t processedFrames() const { return m_processed.load(); }
  /// Frames published while the tracker was busy and never seen by it.
  std::uint64_t skippedFrames() const { return m_skipped.load(); }

 private:
  void run(std::stop_token stop);

  core::LatestSlot<core::FramePtr>& m_frames;
  TrackerConfig m_config;
  Callback m_callback;
  core::LatestSlot<core::NeedleEstimate> m_estimates;
  std::atomic<std::uint64_t> m_processed{0};
  std::atomic<std::uint64_t> m_skipped{0};
  std::jthread m_thread;
};

}  // namespace hipguide::tracking
