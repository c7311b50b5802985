#include <hipguide/core/Logging.h>
#include <hipguide/session/NativeRecording.h>

#include "NativeRecord.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace hipguide::session {
namespace {

int openForAppend(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error(path.string() + ": cannot create: " + std::strerror(errno));
  return fd;
}

void writeAll(int fd, const std::uint8_t* data, std::size_t size, const std::filesystem::path& path) {
  while (size > 0) {
    const ssize_t done = ::write(fd, data, size);
    if (done < 0 && errno == EINTR) continue;
    if (done <= 0) throw std::runtime_error(path.string() + ": write failed: " + std::strerror(errno));
    data += done;
    size -= static_cast<std::size_t>(done);
  }
}

std::string utcNow() {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return text;
}

}  // namespace

NativeRecordingWriter::NativeRecordingWriter(const std::filesystem::path& folder, NativeWriterOptions options)
    : m_folder(folder), m_options(std::move(options)) {
  if (std::filesystem::exists(folder) &&
      (!std::filesystem::is_directory(folder) || !std::filesystem::is_empty(folder)))
    throw std::runtime_error(folder.string() + ": already exists; a recording needs a new folder");
  std::filesystem::create_directories(folder);
  m_options.metadata["created_utc"] = utcNow();
  writeManifest(false, nlohmann::json::object());
  m_framesFd = openForAppend(folder / "frames.bin");
  m_indexFd = openForAppend(folder / "index.bin");
  m_events = std::make_unique<EventLogWriter>(folder / "events.jsonl");
  if (m_options.compressPixels) m_codec = std::make_unique<detail::PixelCodec>();
}

NativeRecordingWriter::~NativeRecordingWriter() {
  if (!m_closed) {
    try {
      close();
    } catch (const std::exception& error) {
      core::logger("session")->error("{}", error.what());
    }
  }
  if (m_framesFd >= 0) ::close(m_framesFd);
  if (m_indexFd >= 0) ::close(m_indexFd);
}

void NativeRecordingWriter::append(const core::Frame& frame) { append(recordedFrameFrom(frame)); }

void NativeRecordingWriter::append(const RecordedFrame& frame) {
  if (m_closed) throw std::logic_error(m_folder.string() + ": append after close");
  detail::IndexEntry entry;
  detail::encodeRecord(frame, m_codec.get(), m_record, entry);
  entry.offset = m_offset;
  writeAll(m_framesFd, m_record.data(), m_record.size(), m_folder / "frames.bin");
  m_offset += m_record.size();
  std::uint8_t indexBytes[detail::kIndexEntryBytes];
  detail::encodeIndexEntry(entry, indexBytes);
  writeAll(m_indexFd, indexBytes, sizeof indexBytes, m_folder / "index.bin");
  ++m_frameCount;
}

void NativeRecordingWriter::appendEvent(const SessionEvent& event) { m_events->append(event); }

void NativeRecordingWriter::sync() {
  ::fdatasync(m_framesFd);
  ::fdatasync(m_indexFd);
  m_events->flush();
}

void NativeRecordingWriter::close(const nlohmann::json& summary) {
  if (m_closed) return;
  m_closed = true;
  sync();
  m_events.reset();
  writeManifest(true, summary);
}

void NativeRecordingWriter::writeManifest(bool closed, const nlohmann::json& summary) {
  nlohmann::json manifest = {{"format", "hipguide-recording"},
                             {"version", 1},
                             {"closed", closed},
                             {"pixel_compression", m_options.compressPixels ? "zlib" : "none"},
                             {"metadata", m_options.metadata}};
  if (closed) {
    manifest["frame_count"] = m_frameCount;
    manifest["summary"] = summary;
  }
  const auto temporary = m_folder / "recording.json.part";
  {
    std::ofstream out(temporary);
    out << manifest.dump(2) << "\n";
    if (!out.flush()) throw std::runtime_error(temporary.string() + ": cannot write");
  }
  std::filesystem::rename(temporary, m_folder / "recording.json");
}

}  // namespace hipguide::session
