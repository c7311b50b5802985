#pragma once
/// Frame-by-frame access to the pixel block of a sequence file, raw or one zlib/gzip stream.

#include "InflateCursor.h"
#include "InflateSeekIndex.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace hipguide::session::detail {

/// Where the pixel block is and how it is stored.
struct PixelBlock {
  std::filesystem::path file;
  std::int64_t offset = 0;       ///< First byte of the block in `file`.
  std::int64_t storedBytes = 0;  ///< Bytes available for the block (capped by the file).
  std::int64_t frameBytes = 0;   ///< Decoded bytes per frame.
  std::int64_t frameCount = 0;
  bool compressed = false;            ///< One zlib or gzip stream over all frames.
  std::int64_t seekSpacingBytes = 0;  ///< Seek index spacing; 0: InflateSeekIndex::spacingFor().
  std::string sourceName;             ///< For messages.
};

/// Reads frame i of a pixel block. Raw blocks are read at their offset (one pread). Compressed
/// blocks go through an InflateCursor and the block's InflateSeekIndex: sequential reads cost
/// one frame each; any other read resumes from the nearest checkpoint before the frame (at
/// most InflateSeekIndex::spacingBytes() of extra decoding) once the index covers it. The
/// index grows as frames are read, and in one background pass after startSeekIndexing().
/// The constructor refuses blocks too small for their frames. Owned and used by one thread
/// (the background pass has its own cursor and stops in the destructor).
class PixelStream {
 public:
  explicit PixelStream(PixelBlock block);
  ~PixelStream();
  PixelStream(const PixelStream&) = delete;
  PixelStream& operator=(const PixelStream&) = delete;

  /// Fills `out` (resized to frameBytes) with frame `index`; throws naming the file.
  void read(std::int64_t index, std::vector<std::uint8_t>& out);
  bool seekable() const { return !m_block.compressed; }
  /// Compressed blocks: starts indexing the whole stream on a background thread (once); returns
  /// at once. A pass that meets corrupt data logs a warning and stops. No-op for raw blocks.
  void startSeekIndexing();
  /// Waits for the background pass started by startSeekIndexing(), if any.
  void waitForSeekIndex();
  /// The seek index so far (all zero for raw blocks).
  InflateSeekIndexStatus seekIndexStatus() const;

 private:
  void readRaw(std::int64_t index, std::vector<std::uint8_t>& out);
  CompressedSource compressedSource() const;

  PixelBlock m_block;
  int m_fd = -1;
  std::unique_ptr<InflateSeekIndex> m_index;  ///< Compressed blocks only.
  std::unique_ptr<InflateCursor> m_cursor;    ///< Compressed blocks only.
  std::int64_t m_lastIndex = -1;              ///< The frame held in m_last (compressed blocks).
  std::vector<std::uint8_t> m_last;
  std::jthread m_indexer;  ///< Last member: stopped and joined before the index goes.
};

}  // namespace hipguide::session::detail
