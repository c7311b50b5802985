#include "PixelStream.h"

#include <hipguide/core/Logging.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace hipguide::session::detail {
namespace {

/// Deflate cannot expand data by more than about 1032:1.
constexpr std::int64_t kMaxInflateRatio = 1032;

[[noreturn]] void fail(const std::string& source, const std::string& problem) {
  throw std::runtime_error(source + ": " + problem);
}

}  // namespace

PixelStream::PixelStream(PixelBlock block) : m_block(std::move(block)) {
  const std::int64_t needed = m_block.frameBytes * m_block.frameCount;
  if (!m_block.compressed && needed > m_block.storedBytes)
    fail(m_block.sourceName, "pixel data truncated: the image size needs " + std::to_string(needed) +
                                 " bytes, the file holds " + std::to_string(m_block.storedBytes));
  if (m_block.compressed && needed > m_block.storedBytes * kMaxInflateRatio + 1024)
    fail(m_block.sourceName, "pixel data truncated: the image size needs " + std::to_string(needed) +
                                 " bytes, more than " + std::to_string(m_block.storedBytes) +
                                 " compressed bytes can hold");
  m_fd = ::open(m_block.file.c_str(), O_RDONLY | O_CLOEXEC);
  if (m_fd < 0) fail(m_block.file.string(), std::string("cannot open pixel data: ") + std::strerror(errno));
  if (m_block.compressed) {
    m_index = std::make_unique<InflateSeekIndex>(
        m_block.seekSpacingBytes > 0 ? m_block.seekSpacingBytes : InflateSeekIndex::spacingFor(needed));
    m_cursor = std::make_unique<InflateCursor>(compressedSource(), *m_index);
  }
}

PixelStream::~PixelStream() {
  m_indexer = std::jthread();  // stop and join the background pass before the index and fd go
  m_cursor.reset();
  if (m_fd >= 0) ::close(m_fd);
}

CompressedSource PixelStream::compressedSource() const {
  return {m_fd, m_block.offset, m_block.storedBytes, m_block.sourceName};
}

void PixelStream::read(std::int64_t index, std::vector<std::uint8_t>& out) {
  if (index < 0 || index >= m_block.frameCount)
    throw std::out_of_range(m_block.sourceName + ": frame " + std::to_string(index) + " outside 0.." +
                            std::to_string(m_block.frameCount - 1));
  out.resize(static_cast<std::size_t>(m_block.frameBytes));
  if (!m_block.compressed) {
    readRaw(index, out);
    return;
  }
  if (index == m_lastIndex) {
    out = m_last;
    return;
  }
  m_lastIndex = -1;
  try {
    m_cursor->seek(index * m_block.frameBytes);
    m_cursor->read(out.data(), m_block.frameBytes);
  } catch (const std::runtime_error& error) {
    throw std::runtime_error(std::string(error.what()) + " (reading frame " + std::to_string(index) + " of " +
                             std::to_string(m_block.frameCount) + ")");
  }
  m_last = out;
  m_lastIndex = index;
}

void PixelStream::startSeekIndexing() {
  if (!m_block.compressed || m_indexer.joinable()) return;
  m_indexer = std::jthread([this](std::stop_token stop) {
    try {
      InflateCursor cursor(compressedSource(), *m_index);
      cursor.readToEnd(stop);
    } catch (const std::exception& error) {
      m_index->noteFailure(error.what());
      core::logger("session")->warn("seek index pass stopped early: {}", error.what());
    }
  });
}

void PixelStream::waitForSeekIndex() {
  if (m_indexer.joinable()) m_indexer.join();
}

InflateSeekIndexStatus PixelStream::seekIndexStatus() const {
  return m_index ? m_index->status() : InflateSeekIndexStatus{};
}

void PixelStream::readRaw(std::int64_t index, std::vector<std::uint8_t>& out) {
  std::int64_t done = 0;
  const std::int64_t start = m_block.offset + index * m_block.frameBytes;
  while (done < m_block.frameBytes) {
    const ssize_t got = ::pread(m_fd, out.data() + done, static_cast<std::size_t>(m_block.frameBytes - done),
                                static_cast<off_t>(start + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0)
      fail(m_block.sourceName,
           "pixel data of frame " + std::to_string(index) + " cannot be read (file truncated?)");
    done += got;
  }
}

}  // namespace hipguide::session::detail
