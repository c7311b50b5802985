#include <hipguide/core/Logging.h>
#include <hipguide/core/SteadyClock.h>
#include <hipguide/session/Recorder.h>

namespace hipguide::session {

Recorder::Recorder(const std::filesystem::path& folder, RecorderOptions options)
    : m_folder(folder), m_options(options), m_writer(folder, options.writer), m_queue(options.queueCapacity) {
  m_thread = std::jthread([this](std::stop_token stop) { writerLoop(stop); });
}

Recorder::~Recorder() {
  try {
    stop();
  } catch (const std::exception& error) {
    core::logger("session")->error("{}: {}", m_folder.string(), error.what());
  }
}

void Recorder::attach(acquisition::ProbeDriver& driver) {
  detach();
  m_driver = &driver;
  m_subscription = driver.subscribe([this](const core::FramePtr& frame) { recordFrame(frame); });
}

void Recorder::detach() {
  if (!m_driver) return;
  m_driver->unsubscribe(m_subscription);
  m_driver = nullptr;
}

bool Recorder::recordFrame(const core::FramePtr& frame) { return m_queue.tryPush(Item(frame)); }

bool Recorder::recordEvent(SessionEvent event) { return m_queue.tryPush(Item(std::move(event))); }

void Recorder::writerLoop(std::stop_token stop) {
  const auto syncNs = std::chrono::duration_cast<std::chrono::nanoseconds>(m_options.syncInterval).count();
  std::int64_t lastSyncNs = core::steadyNowNs();
  try {
    // The queue is closed by stop(); pop() then returns what is left, then nullopt.
    while (auto item = m_queue.pop(stop)) {
      if (const auto* frame = std::get_if<core::FramePtr>(&*item)) {
        m_writer.append(**frame);
        ++m_framesWritten;
        m_bytesWritten = m_writer.bytesWritten();
      } else {
        m_writer.appendEvent(std::get<SessionEvent>(*item));
        ++m_eventsWritten;
      }
      if (core::steadyNowNs() - lastSyncNs >= syncNs) {
        m_writer.sync();
        lastSyncNs = core::steadyNowNs();
      }
    }
  } catch (const std::exception& error) {
    core::logger("session")->error("recording {} stopped: {}", m_folder.string(), error.what());
    m_queue.close();
  }
}

void Recorder::stop() {
  if (m_stopped) return;
  m_stopped = true;
  detach();
  m_queue.close();
  if (m_thread.joinable()) m_thread.join();
  const RecorderStats counts = stats();
  m_writer.close({{"frames_written", counts.framesWritten},
                  {"events_written", counts.eventsWritten},
                  {"dropped", counts.dropped}});
}

RecorderStats Recorder::stats() const {
  return {m_framesWritten.load(), m_eventsWritten.load(), m_queue.droppedCount(), m_bytesWritten.load()};
}

}  // namespace hipguide::session
