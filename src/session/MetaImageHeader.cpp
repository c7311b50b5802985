#include "HeaderFields.h"

#include <map>

namespace hipguide::session {
namespace {

using detail::parseInteger;
using detail::throwFieldError;

PixelType metaImagePixelType(std::string_view name, const std::string& source) {
  static const std::map<std::string_view, PixelType> kTypes = {
      {"MET_UCHAR", PixelType::UInt8},   {"MET_CHAR", PixelType::Int8},     {"MET_USHORT", PixelType::UInt16},
      {"MET_SHORT", PixelType::Int16},   {"MET_UINT", PixelType::UInt32},   {"MET_INT", PixelType::Int32},
      {"MET_FLOAT", PixelType::Float32}, {"MET_DOUBLE", PixelType::Float64}};
  const auto found = kTypes.find(name);
  if (found == kTypes.end())
    throwFieldError(source, "ElementType", "'" + std::string(name) + "' is not a supported pixel type");
  return found->second;
}

/// The last value of each global field (repeated lines: the last one wins).
class FieldTable {
 public:
  void set(std::string_view key, std::string_view value, std::vector<TextField>& ordered) {
    for (TextField& field : ordered) {
      if (field.first == key) {
        field.second = std::string(value);
        m_values[field.first] = value;
        return;
      }
    }
    ordered.emplace_back(std::string(key), std::string(value));
    m_values[ordered.back().first] = value;
  }
  std::optional<std::string_view> get(const std::string& key) const {
    const auto found = m_values.find(key);
    return found == m_values.end() ? std::nullopt : std::optional(found->second);
  }
  std::string_view required(const std::string& key, const std::string& source) const {
    const auto value = get(key);
    if (!value) throwFieldError(source, key, "missing");
    return *value;
  }

 private:
  std::map<std::string, std::string_view> m_values;
};

void applyGeometry(SequenceHeader& header, const FieldTable& fields) {
  const std::string& source = header.sourceName;
  const auto dimensionCount = parseInteger(fields.required("NDims", source), source, "NDims", 2, 3);
  const std::vector<std::string_view> sizes = detail::splitWords(fields.required("DimSize", source));
  if (sizes.size() != static_cast<std::size_t>(dimensionCount))
    throwFieldError(source, "DimSize", "expected " + std::to_string(dimensionCount) + " sizes (NDims)");
  header.width = static_cast<int>(parseInteger(sizes[0], source, "DimSize", 0, detail::kMaxImageSide));
  header.height = static_cast<int>(parseInteger(sizes[1], source, "DimSize", 0, detail::kMaxImageSide));
  header.frameCount =
      dimensionCount == 3 ? parseInteger(sizes[2], source, "DimSize", 0, detail::kMaxFrameCount) : 1;
  if (const auto spacing = fields.get("ElementSpacing")) {
    const auto values =
        detail::parseNumbers(*spacing, static_cast<std::size_t>(dimensionCount), source, "ElementSpacing");
    header.spacingMm = {values[0], values[1]};
  }
  if (const auto channels = fields.get("ElementNumberOfChannels"))
    header.channels = static_cast<int>(parseInteger(*channels, source, "ElementNumberOfChannels", 1, 4));
}

void applyEncoding(SequenceHeader& header, const FieldTable& fields) {
  const std::string& source = header.sourceName;
  if (const auto type = fields.get("ObjectType"); type && *type != "Image")
    throwFieldError(source, "ObjectType", "'" + std::string(*type) + "' is not Image");
  header.pixelType = metaImagePixelType(fields.required("ElementType", source), source);
  if (const auto binary = fields.get("BinaryData");
      binary && !detail::parseBool(*binary, source, "BinaryData"))
    throwFieldError(source, "BinaryData", "text (non-binary) pixel data is not supported");
  for (const std::string key : {"BinaryDataByteOrderMSB", "ElementByteOrderMSB"})
    if (const auto msb = fields.get(key)) header.bigEndian = detail::parseBool(*msb, source, key);
  if (const auto compressed = fields.get("CompressedData");
      compressed && detail::parseBool(*compressed, source, "CompressedData"))
    header.encoding = SequenceHeader::Encoding::Zlib;
  if (const auto size = fields.get("CompressedDataSize"))
    header.compressedBytes = parseInteger(*size, source, "CompressedDataSize", 0, 1LL << 50);
  const std::string_view dataFile = fields.required("ElementDataFile", source);
  if (dataFile.empty() || dataFile == "LIST" || dataFile.find('%') != std::string_view::npos ||
      dataFile.find(' ') != std::string_view::npos)
    throwFieldError(source, "ElementDataFile",
                    "'" + std::string(dataFile) + "' is not LOCAL or one file name");
  header.dataFile = dataFile == "LOCAL" ? "" : std::string(dataFile);
}

}  // namespace

SequenceHeader parseMetaImageHeader(std::string_view text, const std::string& sourceName) {
  if (static_cast<std::int64_t>(text.size()) > kMaxHeaderBytes)
    detail::throwFieldError(sourceName, "header",
                            "larger than " + std::to_string(kMaxHeaderBytes) + " bytes");
  SequenceHeader header;
  header.container = SequenceHeader::Container::MetaImage;
  header.sourceName = sourceName;
  FieldTable fields;
  detail::FrameFieldCollector frames;
  std::size_t lineNumber = 0;
  std::size_t position = 0;
  while (position < text.size()) {
    auto end = text.find('\n', position);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = detail::trim(text.substr(position, end - position));
    position = end + 1;
    ++lineNumber;
    if (line.empty()) continue;
    const auto equals = line.find('=');
    if (equals == std::string_view::npos)
      throwFieldError(sourceName, "line " + std::to_string(lineNumber), "expected 'Name = value'");
    const std::string_view key = detail::trim(line.substr(0, equals));
    const std::string_view value = detail::trim(line.substr(equals + 1));
    if (key.empty()) throwFieldError(sourceName, "line " + std::to_string(lineNumber), "empty field name");
    if (frames.offer(key, value, sourceName)) continue;
    fields.set(key, value, header.globalFields);
    if (key == "ElementDataFile") break;
  }
  applyEncoding(header, fields);
  applyGeometry(header, fields);
  detail::checkDimensions(header, "DimSize");
  frames.finish(header);
  return header;
}

}  // namespace hipguide::session
