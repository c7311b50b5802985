#pragma once
/// The events sidecar: one SessionEvent per line as JSON (JSON Lines), append-only.

#include <hipguide/session/SessionEvent.h>

#include <cstdio>
#include <filesystem>
#include <vector>

namespace hipguide::session {

/// Appends events to a `.jsonl` file. Each line reaches the kernel when appended (a killed
/// process loses none); flush() also fsync()s (power loss). Owned and used by one thread.
class EventLogWriter {
 public:
  /// Creates or appends to `path`; throws std::runtime_error naming it on failure.
  explicit EventLogWriter(const std::filesystem::path& path);
  ~EventLogWriter();
  EventLogWriter(const EventLogWriter&) = delete;
  EventLogWriter& operator=(const EventLogWriter&) = delete;

  void append(const SessionEvent& event);
  /// fsync()s the file.
  void flush();
  std::uint64_t count() const { return m_count; }

 private:
  std::filesystem::path m_path;
  std::FILE* m_file = nullptr;
  std::uint64_t m_count = 0;
};

/// Reads a sidecar. A torn last line (killed writer) is ignored; any other malformed line
/// throws std::runtime_error naming the file and the line number. Sorted by timestamp.
std::vector<SessionEvent> readEventLog(const std::filesystem::path& path);

}  // namespace hipguide::session
