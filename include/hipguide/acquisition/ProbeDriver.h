#pragma once
/// The interface every ultrasound source implements: simulator, replay, OpenIGTLink, video.

#include <hipguide/acquisition/DriverState.h>
#include <hipguide/core/Frame.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace hipguide::acquisition {

/// Called on the driver's thread for every published frame. Must not block: push into a
/// LatestSlot or a BoundedQueue and return.
using FrameSubscriber = std::function<void(const core::FramePtr&)>;

/// Counters a source keeps about its own stream (readable from any thread).
struct DriverCounters {
  std::uint64_t framesPublished = 0;
  std::uint64_t framesLostAtSource = 0;  ///< Gaps in the device's frame numbers.
  std::uint64_t timestampsRefused = 0;   ///< Device timestamps that went backwards.
  std::uint64_t messagesRefused = 0;     ///< Malformed input refused (bad CRC, bad size, ...).
};

/// Base of all drivers. start() runs `run()` on the driver's own thread; stop() requests it to
/// end and joins. The driver publishes immutable frames with publish(); subscribers receive
/// them on that thread. start/stop/subscribe/state are called from any thread (usually the
/// GUI's). Derived classes must call stop() in their destructor, before their members die.
/// Optional capabilities (DepthControl, FreezeControl, ...) are separate small interfaces a
/// driver also inherits; ask with dynamic_cast.
class ProbeDriver {
 public:
  virtual ~ProbeDriver();
  ProbeDriver(const ProbeDriver&) = delete;
  ProbeDriver& operator=(const ProbeDriver&) = delete;

  /// Starts streaming on a new thread; no effect when already running.
  void start();
  /// Stops streaming and joins the thread; safe to call twice.
  void stop();
  bool running() const { return m_thread.joinable(); }

  DriverState state() const { return m_state.load(); }
  /// Why the driver went to the error state (or stalled), empty otherwise.
  std::string lastError() const;
  DriverCounters counters() const;

  /// Adds a subscriber before or during streaming; returns a handle for unsubscribe().
  int subscribe(FrameSubscriber subscriber);
  void unsubscribe(int handle);

  /// Human-readable name of the source, e.g. "simulated probe (anterior-hip)".
  virtual std::string description() const = 0;

 protected:
  ProbeDriver() = default;
  /// The acquisition loop, on the driver's thread; return when stop is requested. Exceptions
  /// are caught by the base, logged and turned into the error state.
  virtual void run(std::stop_token stop) = 0;

  /// Stamps frameId (when 0) and hostReceiveNs (when 0) and hands the frame to subscribers.
  void publish(core::Frame frame);
  void setState(DriverState state, std::string reason = {});
  void countLostAtSource(std::uint64_t count) { m_lostAtSource += count; }
  void countTimestampRefused() { ++m_timestampsRefused; }
  void countMessageRefused() { ++m_messagesRefused; }
  /// Sleeps until a steady-clock time; false when stop was requested first.
  static bool sleepUntilNs(std::stop_token stop, std::int64_t deadlineNs);

 private:
  void threadMain(std::stop_token stop);

  std::jthread m_thread;
  std::atomic<DriverState> m_state{DriverState::Disconnected};
  mutable std::mutex m_mutex;  ///< Guards m_lastError and m_subscribers.
  std::string m_lastError;
  std::vector<std::pair<int, FrameSubscriber>> m_subscribers;
  int m_nextHandle = 1;
  std::uint64_t m_nextFrameId = 1;
  std::atomic<std::uint64_t> m_published{0};
  std::atomic<std::uint64_t> m_lostAtSource{0};
  std::atomic<std::uint64_t> m_timestampsRefused{0};
  std::atomic<std::uint64_t> m_messagesRefused{0};
};

}  // namespace hipguide::acquisition
