#pragma once
/// Frame-by-frame access to the pixel block of a sequence file, raw or one zlib/gzip stream.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <zlib.h>

namespace hipguide::session::detail {

/// Where the pixel block is and how it is stored.
struct PixelBlock {
  std::filesystem::path file;
  std::int64_t offset = 0;       ///< First byte of the block in `file`.
  std::int64_t storedBytes = 0;  ///< Bytes available for the block (capped by the file).
  std::int64_t frameBytes = 0;   ///< Decoded bytes per frame.
  std::int64_t frameCount = 0;
  bool compressed = false;  ///< One zlib or gzip stream over all frames.
  std::string sourceName;   ///< For messages.
};

/// Reads frame i of a pixel block. Raw blocks are read at their offset (random access);
/// compressed blocks are inflated in order, keeping the position so that sequential reads
/// cost one frame each and a backwards read restarts from the beginning. The constructor
/// refuses blocks too small for their frames. Not thread-safe.
class PixelStream {
 public:
  explicit PixelStream(PixelBlock block);
  ~PixelStream();
  PixelStream(const PixelStream&) = delete;
  PixelStream& operator=(const PixelStream&) = delete;

  /// Fills `out` (resized to frameBytes) with frame `index`; throws naming the file.
  void read(std::int64_t index, std::vector<std::uint8_t>& out);
  bool seekable() const { return !m_block.compressed; }

 private:
  void readRaw(std::int64_t index, std::vector<std::uint8_t>& out);
  void restartInflate();
  void inflateFrame(std::uint8_t* destination);

  PixelBlock m_block;
  int m_fd = -1;
  z_stream m_zlib{};
  bool m_zlibOpen = false;
  std::vector<std::uint8_t> m_input;
  std::int64_t m_inputConsumed = 0;  ///< Compressed bytes handed to zlib so far.
  std::int64_t m_nextFrame = 0;      ///< The frame the stream will decode next.
  std::vector<std::uint8_t> m_last;  ///< The last decoded frame (index m_nextFrame - 1).
};

}  // namespace hipguide::session::detail
