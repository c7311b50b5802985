#include <hipguide/session/EventLog.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>

namespace hipguide::session {

EventLogWriter::EventLogWriter(const std::filesystem::path& path) : m_path(path) {
  m_file = std::fopen(path.c_str(), "ae");
  if (!m_file)
    throw std::runtime_error(path.string() + ": cannot create the events file: " + std::strerror(errno));
}

EventLogWriter::~EventLogWriter() {
  if (m_file) {
    flush();
    std::fclose(m_file);
  }
}

void EventLogWriter::append(const SessionEvent& event) {
  const std::string line = toJson(event).dump() + "\n";
  if (std::fwrite(line.data(), 1, line.size(), m_file) != line.size())
    throw std::runtime_error(m_path.string() + ": cannot write an event: " + std::strerror(errno));
  std::fflush(m_file);  // into the kernel: a killed process loses no event
  ++m_count;
}

void EventLogWriter::flush() {
  std::fflush(m_file);
  ::fsync(::fileno(m_file));
}

std::vector<SessionEvent> readEventLog(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error(path.string() + ": cannot open the events file");
  std::vector<SessionEvent> events;
  std::string line;
  std::size_t lineNumber = 0;
  while (std::getline(file, line)) {
    ++lineNumber;
    const bool complete = !file.eof();  // getline hit a newline
    if (line.empty()) continue;
    try {
      events.push_back(sessionEventFromJson(nlohmann::json::parse(line)));
    } catch (const std::exception& error) {
      if (!complete) break;  // torn last line of a killed recording
      throw std::runtime_error(path.string() + ": line " + std::to_string(lineNumber) + ": " + error.what());
    }
  }
  std::stable_sort(events.begin(), events.end(), [](const SessionEvent& a, const SessionEvent& b) {
    return a.timestampNs < b.timestampNs;
  });
  return events;
}

}  // namespace hipguide::session
