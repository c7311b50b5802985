#include "PixelStream.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace hipguide::session::detail {
namespace {

constexpr std::int64_t kInputChunkBytes = 256 * 1024;
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
}

PixelStream::~PixelStream() {
  if (m_zlibOpen) inflateEnd(&m_zlib);
  if (m_fd >= 0) ::close(m_fd);
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
  if (index == m_nextFrame - 1 && !m_last.empty()) {
    out = m_last;
    return;
  }
  if (index < m_nextFrame || !m_zlibOpen) restartInflate();
  m_last.resize(static_cast<std::size_t>(m_block.frameBytes));
  while (m_nextFrame <= index) {
    inflateFrame(m_last.data());
    ++m_nextFrame;
  }
  out = m_last;
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

void PixelStream::restartInflate() {
  if (m_zlibOpen) inflateEnd(&m_zlib);
  m_zlib = z_stream{};
  // 15 + 32: accept both zlib (MetaImage) and gzip (NRRD) headers.
  if (inflateInit2(&m_zlib, 15 + 32) != Z_OK) fail(m_block.sourceName, "cannot initialise zlib");
  m_zlibOpen = true;
  m_inputConsumed = 0;
  m_nextFrame = 0;
  m_input.resize(static_cast<std::size_t>(kInputChunkBytes));
}

void PixelStream::inflateFrame(std::uint8_t* destination) {
  m_zlib.next_out = destination;
  m_zlib.avail_out = static_cast<uInt>(m_block.frameBytes);
  while (m_zlib.avail_out > 0) {
    if (m_zlib.avail_in == 0) {
      const std::int64_t wanted = std::min(kInputChunkBytes, m_block.storedBytes - m_inputConsumed);
      const ssize_t got = wanted > 0 ? ::pread(m_fd, m_input.data(), static_cast<std::size_t>(wanted),
                                               static_cast<off_t>(m_block.offset + m_inputConsumed))
                                     : 0;
      if (got <= 0)
        fail(m_block.sourceName, "compressed pixel data ends inside frame " + std::to_string(m_nextFrame) +
                                     " of " + std::to_string(m_block.frameCount));
      m_inputConsumed += got;
      m_zlib.next_in = m_input.data();
      m_zlib.avail_in = static_cast<uInt>(got);
    }
    const int status = ::inflate(&m_zlib, Z_NO_FLUSH);
    if (status == Z_STREAM_END && m_zlib.avail_out > 0)
      fail(m_block.sourceName, "compressed pixel data ends inside frame " + std::to_string(m_nextFrame) +
                                   " of " + std::to_string(m_block.frameCount));
    if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR)
      fail(m_block.sourceName, "compressed pixel data is corrupt in frame " + std::to_string(m_nextFrame) +
                                   " (" + (m_zlib.msg ? m_zlib.msg : "zlib error") + ")");
  }
}

}  // namespace hipguide::session::detail
