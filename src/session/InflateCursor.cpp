#include "InflateCursor.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace hipguide::session::detail {
namespace {

constexpr std::int64_t kInputChunkBytes = 256 * 1024;
/// How often readToEnd() reports progress to the index and checks its stop token.
constexpr int kStepsPerProgressNote = 32;
/// inflateInit2 window bits: 15 + 32 detects a zlib (MetaImage) or gzip (NRRD) header; -15 is a
/// raw deflate stream, used when resuming from a checkpoint past the header.
constexpr int kAutoHeaderWindowBits = 15 + 32;
constexpr int kRawWindowBits = -15;

/// Bit 7 of z_stream::data_type: inflate stopped at the end of a block (or of the header);
/// bit 6: that block is the last one.
bool atBlockBoundary(const z_stream& zlib) { return (zlib.data_type & 128) && !(zlib.data_type & 64); }

}  // namespace

InflateCursor::InflateCursor(CompressedSource source, InflateSeekIndex& index)
    : m_source(std::move(source)),
      m_index(index),
      m_input(static_cast<std::size_t>(kInputChunkBytes)),
      m_ring(static_cast<std::size_t>(kInflateWindowBytes)) {}

InflateCursor::~InflateCursor() {
  if (m_open) inflateEnd(&m_zlib);
}

void InflateCursor::seek(std::int64_t outputOffset) {
  if (outputOffset < 0) throw std::out_of_range(m_source.sourceName + ": negative decoded offset");
  const auto checkpoint = m_index.before(outputOffset);
  const bool goOn = m_open && m_position <= outputOffset &&
                    (checkpoint == nullptr || checkpoint->outputOffset <= m_position);
  if (!goOn) restart(checkpoint.get());
  read(nullptr, outputOffset - m_position);
}

void InflateCursor::read(std::uint8_t* destination, std::int64_t size) {
  if (!m_open) restart(nullptr);
  while (size > 0) {
    if (m_streamEnd)
      fail("ends at decoded byte " + std::to_string(m_position) + ", " + std::to_string(size) +
           " bytes short of what the image size needs");
    const std::int64_t got = inflateStep(destination, size);
    size -= got;
    if (destination) destination += got;
  }
  m_index.noteProgress(m_position, m_streamEnd);
}

std::int64_t InflateCursor::readToEnd(std::stop_token stop) {
  if (!m_open) restart(nullptr);
  for (int step = 1; !m_streamEnd && !stop.stop_requested(); ++step) {
    inflateStep(nullptr, kInflateWindowBytes);
    if (step % kStepsPerProgressNote == 0) m_index.noteProgress(m_position, false);
  }
  m_index.noteProgress(m_position, m_streamEnd);
  return m_position;
}

void InflateCursor::restart(const InflateCheckpoint* from) {
  if (m_open) inflateEnd(&m_zlib);
  m_open = false;
  m_streamEnd = false;
  m_zlib = z_stream{};
  if (inflateInit2(&m_zlib, from ? kRawWindowBits : kAutoHeaderWindowBits) != Z_OK)
    throw std::runtime_error(m_source.sourceName + ": cannot initialise zlib");
  m_open = true;
  m_position = from ? from->outputOffset : 0;
  m_inputConsumed = from ? from->inputOffset : 0;
  m_ringPos = 0;
  if (!from) return;
  if (from->bits > 0 && inflatePrime(&m_zlib, from->bits, from->primeByte >> (8 - from->bits)) != Z_OK)
    fail("cannot resume at decoded byte " + std::to_string(from->outputOffset) + " (inflatePrime)");
  if (inflateSetDictionary(&m_zlib, from->window.data(), static_cast<uInt>(from->window.size())) != Z_OK)
    fail("cannot resume at decoded byte " + std::to_string(from->outputOffset) + " (inflateSetDictionary)");
  std::copy(from->window.begin(), from->window.end(), m_ring.begin());  // oldest byte at m_ringPos = 0
}

void InflateCursor::refillInput() {
  const std::int64_t wanted = std::min(kInputChunkBytes, m_source.storedBytes - m_inputConsumed);
  if (wanted <= 0) return;  // inflate may still hold output; inflateStep() detects the end
  ssize_t got = -1;
  do {
    got = ::pread(m_source.fd, m_input.data(), static_cast<std::size_t>(wanted),
                  static_cast<off_t>(m_source.offset + m_inputConsumed));
  } while (got < 0 && errno == EINTR);
  if (got <= 0)
    fail("cannot be read at compressed byte " + std::to_string(m_inputConsumed) + " (file truncated?)");
  m_inputConsumed += got;
  m_zlib.next_in = m_input.data();
  m_zlib.avail_in = static_cast<uInt>(got);
}

std::int64_t InflateCursor::inflateStep(std::uint8_t* destination, std::int64_t wanted) {
  if (m_ringPos == kInflateWindowBytes) m_ringPos = 0;
  const std::int64_t room = std::min(wanted, kInflateWindowBytes - m_ringPos);
  if (m_zlib.avail_in == 0) refillInput();
  m_zlib.next_out = m_ring.data() + m_ringPos;
  m_zlib.avail_out = static_cast<uInt>(room);
  const int status = ::inflate(&m_zlib, Z_BLOCK);
  const std::int64_t produced = room - m_zlib.avail_out;
  if (destination) std::memcpy(destination, m_ring.data() + m_ringPos, static_cast<std::size_t>(produced));
  m_ringPos += produced;
  m_position += produced;
  if (status == Z_STREAM_END) {
    m_streamEnd = true;
  } else if (status == Z_BUF_ERROR && m_zlib.avail_in == 0) {
    fail("ends early: the file holds " + std::to_string(m_source.storedBytes) +
         " compressed bytes, all used by decoded byte " + std::to_string(m_position) + " (file truncated?)");
  } else if (status != Z_OK) {
    fail("is corrupt near decoded byte " + std::to_string(m_position) + " (compressed byte " +
         std::to_string(m_inputConsumed - m_zlib.avail_in) +
         "): " + (m_zlib.msg ? m_zlib.msg : "zlib error"));
  } else if (atBlockBoundary(m_zlib)) {
    maybeAddCheckpoint();
  }
  return produced;
}

void InflateCursor::maybeAddCheckpoint() {
  if (m_position < kInflateWindowBytes || !m_index.wants(m_position)) return;
  InflateCheckpoint checkpoint;
  checkpoint.outputOffset = m_position;
  checkpoint.inputOffset = m_inputConsumed - m_zlib.avail_in;
  checkpoint.bits = m_zlib.data_type & 7;
  if (checkpoint.bits > 0 && ::pread(m_source.fd, &checkpoint.primeByte, 1,
                                     static_cast<off_t>(m_source.offset + checkpoint.inputOffset - 1)) != 1)
    fail("cannot be read at compressed byte " + std::to_string(checkpoint.inputOffset - 1));
  checkpoint.window.reserve(static_cast<std::size_t>(kInflateWindowBytes));
  checkpoint.window.insert(checkpoint.window.end(), m_ring.begin() + m_ringPos, m_ring.end());
  checkpoint.window.insert(checkpoint.window.end(), m_ring.begin(), m_ring.begin() + m_ringPos);
  m_index.add(std::move(checkpoint));
}

void InflateCursor::fail(const std::string& problem) {
  const std::string message = m_source.sourceName + ": compressed pixel data " + problem;
  if (m_open) inflateEnd(&m_zlib);
  m_open = false;
  throw std::runtime_error(message);
}

}  // namespace hipguide::session::detail
