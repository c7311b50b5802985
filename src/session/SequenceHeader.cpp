#include <hipguide/session/SequenceHeader.h>

namespace hipguide::session {

int bytesPerPixel(PixelType type) {
  switch (type) {
    case PixelType::UInt8:
    case PixelType::Int8: return 1;
    case PixelType::UInt16:
    case PixelType::Int16: return 2;
    case PixelType::UInt32:
    case PixelType::Int32:
    case PixelType::Float32: return 4;
    case PixelType::Float64: return 8;
  }
  return 1;
}

std::string_view metaImageTypeName(PixelType type) {
  switch (type) {
    case PixelType::UInt8: return "MET_UCHAR";
    case PixelType::Int8: return "MET_CHAR";
    case PixelType::UInt16: return "MET_USHORT";
    case PixelType::Int16: return "MET_SHORT";
    case PixelType::UInt32: return "MET_UINT";
    case PixelType::Int32: return "MET_INT";
    case PixelType::Float32: return "MET_FLOAT";
    case PixelType::Float64: return "MET_DOUBLE";
  }
  return "MET_UCHAR";
}

std::int64_t SequenceHeader::frameBytes() const {
  return static_cast<std::int64_t>(width) * height * channels * bytesPerPixel(pixelType);
}

std::optional<std::string> SequenceHeader::globalField(std::string_view name) const {
  for (const TextField& field : globalFields)
    if (field.first == name) return field.second;
  return std::nullopt;
}

}  // namespace hipguide::session
