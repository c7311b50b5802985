#pragma once
/// The parsed header of a PLUS tracked-sequence file (.igs.mha, .igs.mhd, .igs.nrrd).

#include <hipguide/session/RecordedFrame.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hipguide::session {

/// What the header says about one frame (`Seq_FrameNNNN_*` fields), already checked.
struct FrameMetadata {
  std::optional<double> timestampSec;       ///< `Timestamp`, seconds.
  std::optional<std::int64_t> frameNumber;  ///< `FrameNumber`.
  bool imageValid = true;                   ///< `ImageStatus` (MetaImage) or `Status` (NRRD).
  std::vector<NamedTransform> transforms;
  std::vector<TextField> otherFields;  ///< Everything else (UnfilteredTimestamp, ...).
};

/// Pixel types the reader converts to 8-bit grey (clamped to 0..255).
enum class PixelType { UInt8, Int8, UInt16, Int16, UInt32, Int32, Float32, Float64 };

/// Bytes of one channel of one pixel.
int bytesPerPixel(PixelType type);
/// MetaImage spelling (MET_UCHAR, ...).
std::string_view metaImageTypeName(PixelType type);

/// Everything a reader needs before touching the pixels. Produced by parseMetaImageHeader()
/// or parseNrrdHeader(); those throw std::runtime_error naming the source and the field for
/// anything malformed, and never allocate more than a small multiple of the header text.
struct SequenceHeader {
  enum class Container { MetaImage, Nrrd };
  enum class Encoding { Raw, Zlib };  ///< Zlib = one zlib or gzip stream over all frames.

  Container container = Container::MetaImage;
  std::string sourceName;  ///< The file, for messages.
  int width = 0;           ///< 0 with height 0 for tracker-only files without pixels.
  int height = 0;
  std::int64_t frameCount = 0;
  int channels = 1;
  PixelType pixelType = PixelType::UInt8;
  bool bigEndian = false;
  core::Vec2 spacingMm{1.0, 1.0};
  Encoding encoding = Encoding::Raw;
  std::optional<std::int64_t> compressedBytes;  ///< MetaImage `CompressedDataSize`.
  std::string dataFile;                         ///< "LOCAL"/"" = after the header, else a file name.
  std::int64_t headerBytes = 0;                 ///< Offset of the pixel data in the header's file.
  std::vector<TextField> globalFields;          ///< Every non-frame field, in file order.
  std::vector<FrameMetadata> frames;            ///< frameCount entries.

  /// Bytes of one frame's pixels as stored.
  std::int64_t frameBytes() const;
  /// True when the pixels are 1×1 placeholders or absent (PLUS tracker-only buffers).
  bool trackerOnly() const { return width * static_cast<std::int64_t>(height) <= 1; }
  /// Value of a global field, or nullopt.
  std::optional<std::string> globalField(std::string_view name) const;
};

/// Largest header text the parsers accept (bytes).
constexpr std::int64_t kMaxHeaderBytes = 512LL * 1024 * 1024;

/// Parses a MetaImage header; `text` ends with the `ElementDataFile = ...` line (included).
SequenceHeader parseMetaImageHeader(std::string_view text, const std::string& sourceName);
/// Parses a NRRD header; `text` is everything before the blank line that ends it.
SequenceHeader parseNrrdHeader(std::string_view text, const std::string& sourceName);

}  // namespace hipguide::session
