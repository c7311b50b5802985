#include "PixelConversion.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace hipguide::session::detail {
namespace {

double sampleAt(const std::uint8_t* bytes, PixelType type, bool bigEndian) {
  std::uint8_t ordered[8];
  const int size = bytesPerPixel(type);
  for (int i = 0; i < size; ++i) ordered[i] = bytes[bigEndian ? size - 1 - i : i];
  switch (type) {
    case PixelType::UInt8: return ordered[0];
    case PixelType::Int8: return static_cast<std::int8_t>(ordered[0]);
#define HIPGUIDE_SAMPLE(TYPE_ENUM, CTYPE)       \
  case PixelType::TYPE_ENUM: {                  \
    CTYPE value;                                \
    std::memcpy(&value, ordered, sizeof value); \
    return static_cast<double>(value);          \
  }
      HIPGUIDE_SAMPLE(UInt16, std::uint16_t)
      HIPGUIDE_SAMPLE(Int16, std::int16_t)
      HIPGUIDE_SAMPLE(UInt32, std::uint32_t)
      HIPGUIDE_SAMPLE(Int32, std::int32_t)
      HIPGUIDE_SAMPLE(Float32, float)
      HIPGUIDE_SAMPLE(Float64, double)
#undef HIPGUIDE_SAMPLE
  }
  return 0.0;
}

std::uint8_t clampToByte(double value) {
  if (!(value > 0.0)) return 0;  // also NaN
  return value >= 255.0 ? 255 : static_cast<std::uint8_t>(std::lround(value));
}

}  // namespace

void storedPixelsToFrame(const std::vector<std::uint8_t>& stored, const SequenceHeader& header,
                         core::Frame& frame) {
  frame.width = header.width;
  frame.height = header.height;
  const std::size_t pixelCount = static_cast<std::size_t>(header.width) * header.height;
  if (header.channels == 1 && header.pixelType == PixelType::UInt8) {
    frame.grey.assign(stored.begin(), stored.begin() + static_cast<std::ptrdiff_t>(pixelCount));
    return;
  }
  const int sampleBytes = bytesPerPixel(header.pixelType);
  const bool colour = header.channels >= 3;
  frame.grey.resize(pixelCount);
  if (colour) frame.rgb.resize(pixelCount * 3);
  for (std::size_t pixel = 0; pixel < pixelCount; ++pixel) {
    const std::uint8_t* base = stored.data() + pixel * header.channels * sampleBytes;
    if (!colour) {
      frame.grey[pixel] = clampToByte(sampleAt(base, header.pixelType, header.bigEndian));
      continue;
    }
    double rgb[3];
    for (int c = 0; c < 3; ++c) {
      rgb[c] = sampleAt(base + c * sampleBytes, header.pixelType, header.bigEndian);
      frame.rgb[pixel * 3 + c] = clampToByte(rgb[c]);
    }
    frame.grey[pixel] = clampToByte(0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]);
  }
}

}  // namespace hipguide::session::detail
