#pragma once
/// Byte layout of HipGuide's native recording (docs/recording-format.md): frame records in
/// frames.bin and fixed 32-byte entries in index.bin, little-endian.

#include <hipguide/session/RecordedFrame.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <zlib.h>

namespace hipguide::session::detail {

constexpr std::uint32_t kRecordMagic = 0x31464748;  ///< "HGF1"
constexpr std::size_t kRecordHeaderBytes = 264;
constexpr std::size_t kIndexEntryBytes = 32;
constexpr std::uint32_t kMaxRecordBytes = 300u * 1024 * 1024;

/// One index.bin entry: where a record is and what it holds.
struct IndexEntry {
  std::uint64_t offset = 0;
  std::uint64_t frameId = 0;
  std::int64_t deviceTimestampNs = 0;
  std::uint32_t recordBytes = 0;
  std::uint32_t crc = 0;
};

/// zlib streams kept across frames: creating one per frame costs ~300 KB of zeroed memory.
class PixelCodec {
 public:
  PixelCodec();
  ~PixelCodec();
  PixelCodec(const PixelCodec&) = delete;
  PixelCodec& operator=(const PixelCodec&) = delete;
  /// Deflates `size` bytes (fastest level); the result lives until the next call.
  const std::vector<std::uint8_t>& compress(const std::uint8_t* data, std::size_t size);
  /// Inflates exactly `out.size()` bytes; false when the data are corrupt or the wrong size.
  bool decompress(const std::uint8_t* data, std::size_t size, std::vector<std::uint8_t>& out);

 private:
  z_stream m_deflate{};
  z_stream m_inflate{};
  std::vector<std::uint8_t> m_compressed;
};

/// Serialises a frame into `out`; with a codec the pixels are deflated.
void encodeRecord(const RecordedFrame& frame, PixelCodec* codec, std::vector<std::uint8_t>& out,
                  IndexEntry& entry);

/// What a record header says, before the pixels are decoded.
struct RecordHeader {
  std::uint32_t recordBytes = 0;
  std::uint64_t frameId = 0;
  std::int64_t deviceTimestampNs = 0;
  std::uint32_t crc = 0;
};
/// Parses the fixed header at the start of `bytes` (at least kRecordHeaderBytes); nullopt
/// when the magic or sizes are wrong.
std::optional<RecordHeader> peekRecordHeader(const std::uint8_t* bytes, std::size_t available);
/// Decodes a whole record; throws std::runtime_error with `source` for a bad CRC or layout.
RecordedFrame decodeRecord(const std::vector<std::uint8_t>& record, PixelCodec& codec,
                           const std::string& source);
/// The CRC a record stores (over everything after the CRC field).
std::uint32_t recordCrc(const std::uint8_t* record, std::size_t size);

void encodeIndexEntry(const IndexEntry& entry, std::uint8_t* out);
IndexEntry decodeIndexEntry(const std::uint8_t* bytes);

}  // namespace hipguide::session::detail
