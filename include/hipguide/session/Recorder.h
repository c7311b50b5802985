#pragma once
/// Records a live source to a native recording on its own thread, never blocking the driver.

#include <hipguide/acquisition/ProbeDriver.h>
#include <hipguide/core/BoundedQueue.h>
#include <hipguide/session/NativeRecording.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <thread>
#include <variant>

namespace hipguide::session {

/// How a Recorder behaves.
struct RecorderOptions {
  std::size_t queueCapacity = 120;               ///< Frames and events waiting for the disk (2 s at 60 fps).
  std::chrono::milliseconds syncInterval{1000};  ///< fsync at least this often (crash loss bound).
  NativeWriterOptions writer;                    ///< Pixel compression and recording.json metadata.
};

/// Counts a Recorder keeps (readable from any thread).
struct RecorderStats {
  std::uint64_t framesWritten = 0;
  std::uint64_t eventsWritten = 0;
  std::uint64_t dropped = 0;  ///< Frames or events refused because the queue was full.
  std::uint64_t bytesWritten = 0;
};

/// Streams frames and SessionEvents into a NativeRecordingWriter. attach() subscribes to a
/// driver: its thread only tries to push the FramePtr into a BoundedQueue (never blocks; a
/// full queue counts a drop). The recorder's thread pops, writes and syncs every
/// syncInterval. recordEvent() may be called from any thread (tracker, guidance, GUI).
/// Memory is bounded by the queue. stop() (or the destructor) drains the queue and closes
/// the recording.
class Recorder {
 public:
  /// Creates the recording folder and starts the writer thread; throws std::runtime_error.
  Recorder(const std::filesystem::path& folder, RecorderOptions options = {});
  ~Recorder();
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  /// Subscribes to a driver (one at a time); the driver must outlive detach()/stop().
  void attach(acquisition::ProbeDriver& driver);
  void detach();
  /// Queues a frame (what the subscription calls). Thread-safe, never blocks.
  bool recordFrame(const core::FramePtr& frame);
  /// Queues an event. Thread-safe, never blocks.
  bool recordEvent(SessionEvent event);
  /// Detaches, writes everything queued, closes the recording. Safe to call twice.
  void stop();
  RecorderStats stats() const;
  const std::filesystem::path& folder() const { return m_folder; }

 private:
  using Item = std::variant<core::FramePtr, SessionEvent>;
  void writerLoop(std::stop_token stop);

  std::filesystem::path m_folder;
  RecorderOptions m_options;
  NativeRecordingWriter m_writer;
  core::BoundedQueue<Item> m_queue;
  acquisition::ProbeDriver* m_driver = nullptr;
  int m_subscription = 0;
  std::atomic<std::uint64_t> m_framesWritten{0};
  std::atomic<std::uint64_t> m_eventsWritten{0};
  std::atomic<std::uint64_t> m_bytesWritten{0};
  std::jthread m_thread;
  bool m_stopped = false;
};

}  // namespace hipguide::session
