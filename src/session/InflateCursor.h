#pragma once
/// A position in the decoded output of one zlib/gzip stream, moved with the help of a seek index.

#include "InflateSeekIndex.h"

#include <cstdint>
#include <stop_token>
#include <string>
#include <vector>

#include <zlib.h>

namespace hipguide::session::detail {

/// Where a compressed stream lies: `storedBytes` bytes at `offset` of the open file `fd`.
struct CompressedSource {
  int fd = -1;  ///< Read with pread only, so several cursors may share it; not owned.
  std::int64_t offset = 0;
  std::int64_t storedBytes = 0;
  std::string sourceName;  ///< For messages.
};

/// Decodes one zlib or gzip stream (the header decides) from any output offset: seek() goes on
/// from the current position when that is nearest, else resumes from the index's checkpoint
/// before the target (inflatePrime + inflateSetDictionary on a raw inflate) or from the start,
/// and discards the bytes up to the target. While decoding it adds to the index every
/// checkpoint the index wants. Errors (truncated or corrupt data) throw std::runtime_error
/// starting "compressed pixel data" and naming the decoded byte offset; the cursor then
/// restarts on the next seek. Used by one thread; the index may be shared.
class InflateCursor {
 public:
  /// `index` must outlive the cursor.
  InflateCursor(CompressedSource source, InflateSeekIndex& index);
  ~InflateCursor();
  InflateCursor(const InflateCursor&) = delete;
  InflateCursor& operator=(const InflateCursor&) = delete;

  /// Decoded offset the next read() starts at.
  std::int64_t position() const { return m_position; }
  /// Moves to decoded offset `outputOffset`; throws when the stream cannot get there.
  void seek(std::int64_t outputOffset);
  /// Decodes the next `size` bytes into `destination` (null: discard them); throws when the
  /// stream ends first or is corrupt.
  void read(std::uint8_t* destination, std::int64_t size);
  /// Decodes to the end of the stream (a full indexing pass), returning early when `stop` is
  /// requested; returns the decoded size reached.
  std::int64_t readToEnd(std::stop_token stop);

 private:
  void restart(const InflateCheckpoint* from);
  void refillInput();
  /// One inflate call into the window ring; returns the bytes produced, copied to destination.
  std::int64_t inflateStep(std::uint8_t* destination, std::int64_t wanted);
  void maybeAddCheckpoint();
  [[noreturn]] void fail(const std::string& problem);

  CompressedSource m_source;
  InflateSeekIndex& m_index;
  z_stream m_zlib{};
  bool m_open = false;       ///< m_zlib initialised and positioned at m_position.
  bool m_streamEnd = false;  ///< inflate() returned Z_STREAM_END.
  std::int64_t m_position = 0;
  std::int64_t m_inputConsumed = 0;  ///< Compressed bytes handed to zlib (from the stream start).
  std::vector<std::uint8_t> m_input;
  std::vector<std::uint8_t> m_ring;  ///< The last kInflateWindowBytes of output, circular.
  std::int64_t m_ringPos = 0;        ///< Where the next output byte goes in m_ring.
};

}  // namespace hipguide::session::detail
