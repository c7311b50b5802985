#include <hipguide/session/PlusSequenceReader.h>

#include "FrameTiming.h"
#include "PixelConversion.h"
#include "PixelStream.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <stdexcept>

namespace hipguide::session {
namespace {

constexpr std::size_t kReadChunkBytes = 1 << 20;

/// Offset just past the MetaImage `ElementDataFile = ...` line, or npos.
std::size_t metaImageHeaderEnd(const std::string& text, std::size_t searchFrom) {
  constexpr std::string_view kKey = "ElementDataFile";
  for (std::size_t at = text.find(kKey, searchFrom); at != std::string::npos; at = text.find(kKey, at + 1)) {
    const std::size_t lineStart = at == 0 ? 0 : text.find_last_of('\n', at - 1) + 1;
    if (text.find_first_not_of(" \t", lineStart) != at) continue;
    const std::size_t lineEnd = text.find('\n', at);
    return lineEnd == std::string::npos ? std::string::npos : lineEnd + 1;
  }
  return std::string::npos;
}

/// Offset just past the blank line ending a NRRD header, or npos.
std::size_t nrrdHeaderEnd(const std::string& text, std::size_t searchFrom) {
  for (std::size_t at = text.find('\n', searchFrom); at != std::string::npos; at = text.find('\n', at + 1)) {
    std::size_t next = at + 1;
    if (next < text.size() && text[next] == '\r') ++next;
    if (next < text.size() && text[next] == '\n') return next + 1;
  }
  return std::string::npos;
}

}  // namespace

SequenceHeader readSequenceHeader(const std::filesystem::path& path) {
  const std::string source = path.string();
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error(source + ": cannot open the file");
  std::string text;
  bool nrrd = false;
  std::size_t end = std::string::npos;
  std::vector<char> chunk(kReadChunkBytes);
  while (end == std::string::npos) {
    file.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(file.gcount());
    const std::size_t searchFrom = text.size() > 64 ? text.size() - 64 : 0;
    text.append(chunk.data(), got);
    if (searchFrom == 0) nrrd = text.rfind("NRRD000", 0) == 0;
    end = nrrd ? nrrdHeaderEnd(text, searchFrom) : metaImageHeaderEnd(text, searchFrom);
    if (end != std::string::npos) break;
    if (got == 0) {
      // A MetaImage whose ElementDataFile line is the last line without a newline, or nothing.
      if (!nrrd && metaImageHeaderEnd(text + "\n", searchFrom) != std::string::npos) {
        end = text.size();
        break;
      }
      throw std::runtime_error(source +
                               (nrrd ? ": the NRRD header never ends (no blank line)"
                                     : ": field 'ElementDataFile': missing (not a MetaImage sequence?)"));
    }
    if (static_cast<std::int64_t>(text.size()) > kMaxHeaderBytes)
      throw std::runtime_error(source + ": header larger than " + std::to_string(kMaxHeaderBytes) + " bytes");
  }
  text.resize(end);
  SequenceHeader header = nrrd ? parseNrrdHeader(text, source) : parseMetaImageHeader(text, source);
  header.headerBytes = static_cast<std::int64_t>(end);
  return header;
}

PlusSequenceReader::PlusSequenceReader(const std::filesystem::path& path, PlusReaderOptions options)
    : m_path(path), m_header(readSequenceHeader(path)) {
  const std::string source = path.string();
  detail::PixelBlock block;
  block.sourceName = source;
  block.frameBytes = m_header.frameBytes();
  block.frameCount = m_header.frameCount;
  block.compressed = m_header.encoding == SequenceHeader::Encoding::Zlib;
  block.seekSpacingBytes = options.seekSpacingBytes;
  if (m_header.dataFile.empty()) {
    block.file = path;
    block.offset = m_header.headerBytes;
  } else {
    block.file = path.parent_path() / m_header.dataFile;
    if (!std::filesystem::is_regular_file(block.file))
      throw std::runtime_error(source + ": field 'ElementDataFile': data file '" + block.file.string() +
                               "' not found");
  }
  std::error_code error;
  const auto fileBytes = static_cast<std::int64_t>(std::filesystem::file_size(block.file, error));
  if (error) throw std::runtime_error(block.file.string() + ": cannot read its size: " + error.message());
  block.storedBytes = std::max<std::int64_t>(0, fileBytes - block.offset);
  if (m_header.compressedBytes && block.compressed) {
    if (*m_header.compressedBytes > block.storedBytes)
      throw std::runtime_error(
          source + ": field 'CompressedDataSize': " + std::to_string(*m_header.compressedBytes) +
          " bytes but only " + std::to_string(block.storedBytes) + " follow the header (file truncated)");
    block.storedBytes = *m_header.compressedBytes;
  }
  if (block.frameBytes == 0 && m_header.frameCount > static_cast<std::int64_t>(m_header.frames.size()))
    throw std::runtime_error(source + ": the image has no pixels and only " +
                             std::to_string(m_header.frames.size()) +
                             " frames have fields, but the size says " + std::to_string(m_header.frameCount));
  m_pixels = std::make_unique<detail::PixelStream>(std::move(block));
  fillInfo();
  m_events = readSidecarEvents(path);
}

PlusSequenceReader::~PlusSequenceReader() = default;

void PlusSequenceReader::fillInfo() {
  std::int64_t last = 0;
  m_timestampsNs.reserve(m_header.frames.size());
  std::set<std::string> fieldNames;
  std::set<std::string> transformNames;
  for (const FrameMetadata& frame : m_header.frames) {
    if (frame.timestampSec) last = std::llround(*frame.timestampSec * 1e9);
    m_timestampsNs.push_back(last);
    if (frame.timestampSec) fieldNames.insert("Timestamp");
    if (frame.frameNumber) fieldNames.insert("FrameNumber");
    for (const NamedTransform& transform : frame.transforms) transformNames.insert(transform.name);
    for (const TextField& field : frame.otherFields) fieldNames.insert(field.first);
  }
  const bool nrrd = m_header.container == SequenceHeader::Container::Nrrd;
  m_info.formatName =
      std::string(nrrd ? "PLUS NRRD (.igs.nrrd)" : "PLUS MetaImage (.igs.mha/.mhd)") +
      (m_header.encoding == SequenceHeader::Encoding::Zlib ? ", compressed (one stream)" : ", raw");
  m_info.width = m_header.width;
  m_info.height = m_header.height;
  m_info.channels = m_header.channels;
  m_info.spacingMm = m_header.spacingMm;
  m_info.frameCount = m_header.frameCount;
  detail::fillDurationAndRate(m_info, timestampNs(0), timestampNs(m_info.frameCount - 1));
  m_info.seekable = m_pixels->seekable();
  m_info.trackerOnly = m_header.trackerOnly();
  m_info.frameFieldNames.assign(fieldNames.begin(), fieldNames.end());
  m_info.transformNames.assign(transformNames.begin(), transformNames.end());
  m_info.globalFields = m_header.globalFields;
}

std::int64_t PlusSequenceReader::timestampNs(std::int64_t index) const {
  if (m_timestampsNs.empty() || index < 0) return 0;
  return m_timestampsNs[static_cast<std::size_t>(
      std::min<std::int64_t>(index, std::ssize(m_timestampsNs) - 1))];
}

void PlusSequenceReader::prepareForSeeking() { m_pixels->startSeekIndexing(); }

void PlusSequenceReader::waitForSeekIndex() { m_pixels->waitForSeekIndex(); }

SeekIndexStatus PlusSequenceReader::seekIndexStatus() const {
  const detail::InflateSeekIndexStatus index = m_pixels->seekIndexStatus();
  SeekIndexStatus status;
  status.checkpoints = index.checkpoints;
  status.spacingBytes = index.spacingBytes;
  status.memoryBytes = index.memoryBytes;
  status.indexedBytes = index.indexedBytes;
  status.complete = index.complete;
  status.failure = index.failure;
  return status;
}

RecordedFrame PlusSequenceReader::readFrame(std::int64_t index) {
  m_pixels->read(index, m_stored);
  RecordedFrame recorded;
  detail::storedPixelsToFrame(m_stored, m_header, recorded.frame);
  recorded.frame.spacingMm = m_header.spacingMm;
  recorded.frame.deviceTimestampNs = timestampNs(index);
  recorded.frame.frameId = static_cast<std::uint64_t>(index + 1);
  if (index < std::ssize(m_header.frames)) {
    const FrameMetadata& metadata = m_header.frames[static_cast<std::size_t>(index)];
    if (metadata.frameNumber && *metadata.frameNumber > 0)
      recorded.frame.frameId = static_cast<std::uint64_t>(*metadata.frameNumber);
    recorded.frame.imageValid = metadata.imageValid;
    recorded.transforms = metadata.transforms;
    recorded.fields = metadata.otherFields;
  }
  deriveFrameTransforms(recorded);
  return recorded;
}

}  // namespace hipguide::session
