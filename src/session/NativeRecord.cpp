#include "NativeRecord.h"

#include "HeaderFields.h"

#include <zlib.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace hipguide::session::detail {
namespace {

constexpr std::uint32_t kImageValid = 1;
constexpr std::uint32_t kImageToProbeValid = 2;
constexpr std::uint32_t kProbeToReferenceValid = 4;
constexpr std::uint32_t kZlibPixels = 8;

template <typename T>
void put(std::vector<std::uint8_t>& out, std::size_t offset, T value) {
  std::memcpy(out.data() + offset, &value, sizeof value);
}

template <typename T>
T get(const std::uint8_t* bytes, std::size_t offset) {
  T value;
  std::memcpy(&value, bytes + offset, sizeof value);
  return value;
}

void putTransform(std::vector<std::uint8_t>& out, std::size_t offset, const core::Transform3& transform) {
  const auto values = core::transformToRowMajor(transform);
  for (std::size_t i = 0; i < 12; ++i) put(out, offset + i * 8, values[i]);
}

core::Transform3 getTransform(const std::uint8_t* bytes, std::size_t offset) {
  std::array<double, 16> values{};
  for (std::size_t i = 0; i < 12; ++i) values[i] = get<double>(bytes, offset + i * 8);
  values[15] = 1.0;
  return core::transformFromRowMajor(values);
}

std::string extrasText(const RecordedFrame& recorded) {
  std::string text;
  char number[32];
  for (const NamedTransform& transform : recorded.transforms) {
    text += "T\t" + transform.name + "\t" + (transform.value.valid ? "OK" : "INVALID") + "\t";
    const auto values = core::transformToRowMajor(transform.value.transform);
    for (std::size_t i = 0; i < values.size(); ++i) {
      std::snprintf(number, sizeof number, "%.17g", values[i]);
      text += (i ? " " : "") + std::string(number);
    }
    text += "\n";
  }
  for (const TextField& field : recorded.fields) {
    std::string value = field.second;
    for (char& c : value)
      if (c == '\n' || c == '\t') c = ' ';
    text += "F\t" + field.first + "\t" + value + "\n";
  }
  return text;
}

void parseExtras(std::string_view text, RecordedFrame& recorded, const std::string& source) {
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    const auto tab1 = line.find('\t');
    const auto tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos) throw std::runtime_error(source + ": malformed frame extras");
    const std::string name(line.substr(tab1 + 1, tab2 - tab1 - 1));
    if (line.substr(0, tab1) == "F") {
      recorded.fields.emplace_back(name, std::string(line.substr(tab2 + 1)));
      continue;
    }
    const auto tab3 = line.find('\t', tab2 + 1);
    if (line.substr(0, tab1) != "T" || tab3 == std::string_view::npos)
      throw std::runtime_error(source + ": malformed frame extras");
    const auto numbers = parseNumbers(line.substr(tab3 + 1), 16, source, name);
    std::array<double, 16> values{};
    std::copy(numbers.begin(), numbers.end(), values.begin());
    recorded.transforms.push_back(
        {name, {core::transformFromRowMajor(values), line.substr(tab2 + 1, tab3 - tab2 - 1) == "OK"}});
  }
}

}  // namespace

std::uint32_t recordCrc(const std::uint8_t* record, std::size_t size) {
  return static_cast<std::uint32_t>(::crc32(0L, record + 12, static_cast<uInt>(size - 12)));
}

PixelCodec::PixelCodec() {
  if (deflateInit(&m_deflate, Z_BEST_SPEED) != Z_OK || inflateInit(&m_inflate) != Z_OK)
    throw std::runtime_error("cannot initialise zlib");
}

PixelCodec::~PixelCodec() {
  deflateEnd(&m_deflate);
  inflateEnd(&m_inflate);
}

const std::vector<std::uint8_t>& PixelCodec::compress(const std::uint8_t* data, std::size_t size) {
  std::vector<std::uint8_t>& out = m_compressed;
  deflateReset(&m_deflate);
  out.resize(deflateBound(&m_deflate, static_cast<uLong>(size)));
  m_deflate.next_in = const_cast<std::uint8_t*>(data);
  m_deflate.avail_in = static_cast<uInt>(size);
  m_deflate.next_out = out.data();
  m_deflate.avail_out = static_cast<uInt>(out.size());
  if (deflate(&m_deflate, Z_FINISH) != Z_STREAM_END)
    throw std::runtime_error("zlib failed to compress a frame");
  out.resize(m_deflate.total_out);
  return out;
}

bool PixelCodec::decompress(const std::uint8_t* data, std::size_t size, std::vector<std::uint8_t>& out) {
  inflateReset(&m_inflate);
  m_inflate.next_in = const_cast<std::uint8_t*>(data);
  m_inflate.avail_in = static_cast<uInt>(size);
  m_inflate.next_out = out.data();
  m_inflate.avail_out = static_cast<uInt>(out.size());
  return inflate(&m_inflate, Z_FINISH) == Z_STREAM_END && m_inflate.total_out == out.size();
}

void encodeRecord(const RecordedFrame& recorded, PixelCodec* codec, std::vector<std::uint8_t>& out,
                  IndexEntry& entry) {
  const core::Frame& frame = recorded.frame;
  const std::string extras = extrasText(recorded);
  const bool compress = codec != nullptr;
  const std::uint8_t* pixelData = frame.grey.data();
  std::size_t pixelBytes = frame.grey.size();
  if (compress) {
    const std::vector<std::uint8_t>& pixels = codec->compress(frame.grey.data(), frame.grey.size());
    pixelData = pixels.data();
    pixelBytes = pixels.size();
  }
  out.resize(kRecordHeaderBytes + extras.size() + pixelBytes);
  const std::uint32_t flags =
      (frame.imageValid ? kImageValid : 0u) | (frame.imageToProbe.valid ? kImageToProbeValid : 0u) |
      (frame.probeToReference.valid ? kProbeToReferenceValid : 0u) | (compress ? kZlibPixels : 0u);
  put(out, 0, kRecordMagic);
  put(out, 4, static_cast<std::uint32_t>(out.size()));
  put(out, 12, flags);
  put(out, 16, static_cast<std::uint32_t>(frame.width));
  put(out, 20, static_cast<std::uint32_t>(frame.height));
  put(out, 24, frame.frameId);
  put(out, 32, frame.deviceTimestampNs);
  put(out, 40, frame.hostReceiveNs);
  put(out, 48, frame.spacingMm.x());
  put(out, 56, frame.spacingMm.y());
  putTransform(out, 64, frame.imageToProbe.transform);
  putTransform(out, 160, frame.probeToReference.transform);
  put(out, 256, static_cast<std::uint32_t>(extras.size()));
  put(out, 260, static_cast<std::uint32_t>(pixelBytes));
  std::memcpy(out.data() + kRecordHeaderBytes, extras.data(), extras.size());
  if (pixelBytes > 0) std::memcpy(out.data() + kRecordHeaderBytes + extras.size(), pixelData, pixelBytes);
  const std::uint32_t crc = recordCrc(out.data(), out.size());
  put(out, 8, crc);
  entry = {0, frame.frameId, frame.deviceTimestampNs, static_cast<std::uint32_t>(out.size()), crc};
}

std::optional<RecordHeader> peekRecordHeader(const std::uint8_t* bytes, std::size_t available) {
  if (available < kRecordHeaderBytes || get<std::uint32_t>(bytes, 0) != kRecordMagic) return std::nullopt;
  RecordHeader header{get<std::uint32_t>(bytes, 4), get<std::uint64_t>(bytes, 24),
                      get<std::int64_t>(bytes, 32), get<std::uint32_t>(bytes, 8)};
  const std::uint64_t parts =
      kRecordHeaderBytes + std::uint64_t{get<std::uint32_t>(bytes, 256)} + get<std::uint32_t>(bytes, 260);
  if (header.recordBytes < kRecordHeaderBytes || header.recordBytes > kMaxRecordBytes ||
      parts != header.recordBytes)
    return std::nullopt;
  return header;
}

RecordedFrame decodeRecord(const std::vector<std::uint8_t>& record, PixelCodec& codec,
                           const std::string& source) {
  const auto header = peekRecordHeader(record.data(), record.size());
  if (!header || header->recordBytes != record.size())
    throw std::runtime_error(source + ": malformed frame record");
  if (recordCrc(record.data(), record.size()) != header->crc)
    throw std::runtime_error(source + ": frame " + std::to_string(header->frameId) + " fails its CRC check");
  const std::uint8_t* bytes = record.data();
  const auto flags = get<std::uint32_t>(bytes, 12);
  RecordedFrame recorded;
  core::Frame& frame = recorded.frame;
  frame.width = static_cast<int>(get<std::uint32_t>(bytes, 16));
  frame.height = static_cast<int>(get<std::uint32_t>(bytes, 20));
  frame.frameId = header->frameId;
  frame.deviceTimestampNs = header->deviceTimestampNs;
  frame.hostReceiveNs = get<std::int64_t>(bytes, 40);
  frame.spacingMm = {get<double>(bytes, 48), get<double>(bytes, 56)};
  frame.imageValid = flags & kImageValid;
  frame.imageToProbe = {getTransform(bytes, 64), (flags & kImageToProbeValid) != 0};
  frame.probeToReference = {getTransform(bytes, 160), (flags & kProbeToReferenceValid) != 0};
  const auto extrasBytes = get<std::uint32_t>(bytes, 256);
  const auto pixelBytes = get<std::uint32_t>(bytes, 260);
  parseExtras({reinterpret_cast<const char*>(bytes) + kRecordHeaderBytes, extrasBytes}, recorded, source);
  const std::uint8_t* pixels = bytes + kRecordHeaderBytes + extrasBytes;
  const std::uint64_t expected =
      std::uint64_t{static_cast<std::uint32_t>(frame.width)} * static_cast<std::uint32_t>(frame.height);
  if (expected > kMaxRecordBytes)
    throw std::runtime_error(source + ": frame " + std::to_string(frame.frameId) + " has absurd size");
  frame.grey.resize(expected);
  if (flags & kZlibPixels) {
    if (!codec.decompress(pixels, pixelBytes, frame.grey))
      throw std::runtime_error(source + ": frame " + std::to_string(frame.frameId) +
                               " pixels do not decompress");
  } else {
    if (pixelBytes != expected)
      throw std::runtime_error(source + ": frame " + std::to_string(frame.frameId) + " pixel size mismatch");
    std::memcpy(frame.grey.data(), pixels, expected);
  }
  return recorded;
}

void encodeIndexEntry(const IndexEntry& entry, std::uint8_t* out) {
  std::memcpy(out, &entry.offset, 8);
  std::memcpy(out + 8, &entry.frameId, 8);
  std::memcpy(out + 16, &entry.deviceTimestampNs, 8);
  std::memcpy(out + 24, &entry.recordBytes, 4);
  std::memcpy(out + 28, &entry.crc, 4);
}

IndexEntry decodeIndexEntry(const std::uint8_t* bytes) {
  return {get<std::uint64_t>(bytes, 0), get<std::uint64_t>(bytes, 8), get<std::int64_t>(bytes, 16),
          get<std::uint32_t>(bytes, 24), get<std::uint32_t>(bytes, 28)};
}

}  // namespace hipguide::session::detail
