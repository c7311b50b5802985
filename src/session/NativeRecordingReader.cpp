#include <hipguide/session/NativeRecording.h>

#include "FrameTiming.h"
#include "NativeRecord.h"

#include <hipguide/core/Logging.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <stdexcept>

namespace hipguide::session {
namespace {

bool preadAll(int fd, std::uint8_t* data, std::size_t size, std::uint64_t offset) {
  while (size > 0) {
    const ssize_t done = ::pread(fd, data, size, static_cast<off_t>(offset));
    if (done < 0 && errno == EINTR) continue;
    if (done <= 0) return false;
    data += done;
    size -= static_cast<std::size_t>(done);
    offset += static_cast<std::uint64_t>(done);
  }
  return true;
}

}  // namespace

bool isNativeRecording(const std::filesystem::path& path) {
  return std::filesystem::is_directory(path) && std::filesystem::exists(path / "recording.json");
}

NativeRecordingReader::NativeRecordingReader(const std::filesystem::path& folder)
    : m_folder(folder), m_codec(std::make_unique<detail::PixelCodec>()) {
  const std::string source = folder.string();
  try {
    m_manifest = nlohmann::json::parse(std::ifstream(folder / "recording.json"));
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(source + ": recording.json is unreadable: " + error.what());
  }
  if (m_manifest.value("format", "") != "hipguide-recording" || m_manifest.value("version", 0) != 1)
    throw std::runtime_error(source +
                             ": recording.json: field 'format'/'version' is not hipguide-recording 1");
  m_framesFd = ::open((folder / "frames.bin").c_str(), O_RDONLY | O_CLOEXEC);
  if (m_framesFd < 0) throw std::runtime_error(source + "/frames.bin: cannot open: " + std::strerror(errno));
  const auto framesBytes = static_cast<std::uint64_t>(std::filesystem::file_size(folder / "frames.bin"));
  loadIndex(framesBytes);
  recoverTail(framesBytes);
  if (std::filesystem::exists(folder / "events.jsonl")) m_events = readEventLog(folder / "events.jsonl");
  fillInfo();
}

NativeRecordingReader::~NativeRecordingReader() {
  if (m_framesFd >= 0) ::close(m_framesFd);
}

void NativeRecordingReader::loadIndex(std::uint64_t framesBytes) {
  const auto indexPath = m_folder / "index.bin";
  if (!std::filesystem::exists(indexPath)) return;
  std::ifstream index(indexPath, std::ios::binary);
  std::uint8_t bytes[detail::kIndexEntryBytes];
  std::uint64_t expectedOffset = 0;
  while (index.read(reinterpret_cast<char*>(bytes), sizeof bytes)) {
    const detail::IndexEntry entry = detail::decodeIndexEntry(bytes);
    // Entries must tile frames.bin in order and lie inside it; the first that does not ends the index.
    if (entry.offset != expectedOffset || entry.offset + entry.recordBytes > framesBytes ||
        entry.recordBytes < detail::kRecordHeaderBytes || entry.recordBytes > detail::kMaxRecordBytes)
      break;
    m_entries.push_back({entry.offset, entry.recordBytes, entry.deviceTimestampNs});
    expectedOffset = entry.offset + entry.recordBytes;
  }
}

void NativeRecordingReader::recoverTail(std::uint64_t framesBytes) {
  std::uint64_t offset = m_entries.empty() ? 0 : m_entries.back().offset + m_entries.back().recordBytes;
  std::vector<std::uint8_t> header(detail::kRecordHeaderBytes);
  while (offset + detail::kRecordHeaderBytes <= framesBytes) {
    if (!preadAll(m_framesFd, header.data(), header.size(), offset)) break;
    const auto record = detail::peekRecordHeader(header.data(), header.size());
    if (!record || offset + record->recordBytes > framesBytes) break;
    m_record.resize(record->recordBytes);
    if (!preadAll(m_framesFd, m_record.data(), m_record.size(), offset) ||
        detail::recordCrc(m_record.data(), m_record.size()) != record->crc)
      break;
    m_entries.push_back({offset, record->recordBytes, record->deviceTimestampNs});
    offset += record->recordBytes;
  }
}

std::optional<RecordedFrame> NativeRecordingReader::firstReadableFrame() {
  constexpr std::int64_t kTried = 10;
  for (std::int64_t i = 0; i < std::min<std::int64_t>(kTried, std::ssize(m_entries)); ++i) {
    try {
      return readFrame(i);
    } catch (const std::runtime_error& error) {
      core::logger("session")->warn("{}", error.what());
    }
  }
  return std::nullopt;
}

void NativeRecordingReader::fillInfo() {
  m_info.formatName = "HipGuide native recording (.hgrec)";
  m_info.formatName += m_manifest.value("closed", false) ? "" : ", not closed (recovered after a crash)";
  m_info.frameCount = std::ssize(m_entries);
  if (const auto first = firstReadableFrame()) {
    m_info.width = first->frame.width;
    m_info.height = first->frame.height;
    m_info.spacingMm = first->frame.spacingMm;
    std::set<std::string> transforms;
    std::set<std::string> fields = {"Timestamp", "FrameNumber"};
    for (const NamedTransform& transform : first->transforms) transforms.insert(transform.name);
    for (const TextField& field : first->fields) fields.insert(field.first);
    m_info.transformNames.assign(transforms.begin(), transforms.end());
    m_info.frameFieldNames.assign(fields.begin(), fields.end());
  }
  detail::fillDurationAndRate(m_info, timestampNs(0), timestampNs(m_info.frameCount - 1));
  for (const auto& [key, value] : m_manifest.items())
    if (!value.is_object()) m_info.globalFields.emplace_back(key, value.dump());
}

std::int64_t NativeRecordingReader::timestampNs(std::int64_t index) const {
  if (m_entries.empty()) return 0;
  index = std::clamp<std::int64_t>(index, 0, std::ssize(m_entries) - 1);
  return m_entries[static_cast<std::size_t>(index)].deviceTimestampNs;
}

RecordedFrame NativeRecordingReader::readFrame(std::int64_t index) {
  if (index < 0 || index >= std::ssize(m_entries))
    throw std::out_of_range(m_folder.string() + ": frame " + std::to_string(index) + " outside 0.." +
                            std::to_string(std::ssize(m_entries) - 1));
  const Entry& entry = m_entries[static_cast<std::size_t>(index)];
  m_record.resize(entry.recordBytes);
  if (!preadAll(m_framesFd, m_record.data(), m_record.size(), entry.offset))
    throw std::runtime_error(m_folder.string() + "/frames.bin: frame " + std::to_string(index) +
                             " cannot be read");
  return detail::decodeRecord(m_record, *m_codec, m_folder.string());
}

}  // namespace hipguide::session
