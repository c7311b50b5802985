#include "HeaderFields.h"

#include <cmath>
#include <map>

namespace hipguide::session {
namespace {

using detail::parseInteger;
using detail::throwFieldError;

PixelType nrrdPixelType(std::string_view name, const std::string& source) {
  static const std::map<std::string_view, PixelType> kTypes = {
      {"uchar", PixelType::UInt8},           {"unsigned char", PixelType::UInt8},
      {"uint8", PixelType::UInt8},           {"uint8_t", PixelType::UInt8},
      {"signed char", PixelType::Int8},      {"int8", PixelType::Int8},
      {"int8_t", PixelType::Int8},           {"ushort", PixelType::UInt16},
      {"unsigned short", PixelType::UInt16}, {"uint16", PixelType::UInt16},
      {"uint16_t", PixelType::UInt16},       {"short", PixelType::Int16},
      {"signed short", PixelType::Int16},    {"int16", PixelType::Int16},
      {"int16_t", PixelType::Int16},         {"uint", PixelType::UInt32},
      {"unsigned int", PixelType::UInt32},   {"uint32", PixelType::UInt32},
      {"uint32_t", PixelType::UInt32},       {"int", PixelType::Int32},
      {"signed int", PixelType::Int32},      {"int32", PixelType::Int32},
      {"int32_t", PixelType::Int32},         {"float", PixelType::Float32},
      {"double", PixelType::Float64}};
  const auto found = kTypes.find(name);
  if (found == kTypes.end())
    throwFieldError(source, "type", "'" + std::string(name) + "' is not a supported type");
  return found->second;
}

/// Lengths of the vectors in `space directions: (1,0) (0,1) none`; 0 for `none`.
std::vector<double> directionLengths(std::string_view text, const std::string& source) {
  std::vector<double> lengths;
  for (std::string_view word : detail::splitWords(text)) {
    if (word == "none") {
      lengths.push_back(0.0);
      continue;
    }
    if (word.size() < 2 || word.front() != '(' || word.back() != ')')
      throwFieldError(source, "space directions", "'" + std::string(word) + "' is not (x,y) or none");
    double squares = 0.0;
    std::string_view inner = word.substr(1, word.size() - 2);
    while (!inner.empty()) {
      const auto comma = inner.find(',');
      const double value = detail::parseNumber(inner.substr(0, comma), source, "space directions");
      squares += value * value;
      inner = comma == std::string_view::npos ? std::string_view{} : inner.substr(comma + 1);
    }
    lengths.push_back(std::sqrt(squares));
  }
  return lengths;
}

struct NrrdFields {
  std::map<std::string, std::string_view> standard;
  std::optional<std::string_view> get(const std::string& key) const {
    const auto found = standard.find(key);
    return found == standard.end() ? std::nullopt : std::optional(found->second);
  }
  std::string_view required(const std::string& key, const std::string& source) const {
    const auto value = get(key);
    if (!value) throwFieldError(source, key, "missing");
    return *value;
  }
};

void applySizes(SequenceHeader& header, const NrrdFields& fields) {
  const std::string& source = header.sourceName;
  const auto dimension = parseInteger(fields.required("dimension", source), source, "dimension", 2, 4);
  const std::vector<std::string_view> sizes = detail::splitWords(fields.required("sizes", source));
  if (sizes.size() != static_cast<std::size_t>(dimension))
    throwFieldError(source, "sizes", "expected " + std::to_string(dimension) + " sizes (dimension)");
  std::vector<std::string_view> kinds;
  if (const auto text = fields.get("kinds")) kinds = detail::splitWords(*text);
  // A leading vector axis (RGB) holds the channels.
  const bool vectorAxis =
      dimension == 4 || (!kinds.empty() && (kinds[0] == "vector" || kinds[0] == "RGB-color" ||
                                            kinds[0] == "3-color" || kinds[0] == "4-color"));
  const std::size_t first = vectorAxis ? 1 : 0;
  if (sizes.size() < first + 2) throwFieldError(source, "sizes", "needs two image axes");
  if (vectorAxis) header.channels = static_cast<int>(parseInteger(sizes[0], source, "sizes", 1, 4));
  header.width = static_cast<int>(parseInteger(sizes[first], source, "sizes", 0, detail::kMaxImageSide));
  header.height = static_cast<int>(parseInteger(sizes[first + 1], source, "sizes", 0, detail::kMaxImageSide));
  header.frameCount = sizes.size() > first + 2
                          ? parseInteger(sizes[first + 2], source, "sizes", 0, detail::kMaxFrameCount)
                          : 1;
  if (const auto directions = fields.get("space directions")) {
    const std::vector<double> lengths = directionLengths(*directions, source);
    if (lengths.size() != sizes.size())
      throwFieldError(source, "space directions",
                      "expected one entry per axis (" + std::to_string(sizes.size()) + ")");
    header.spacingMm = {lengths[first], lengths[first + 1]};
  } else if (const auto spacings = fields.get("spacings")) {
    const std::vector<std::string_view> words = detail::splitWords(*spacings);
    if (words.size() != sizes.size()) throwFieldError(source, "spacings", "expected one entry per axis");
    header.spacingMm = {detail::parseNumber(words[first], source, "spacings"),
                        detail::parseNumber(words[first + 1], source, "spacings")};
  }
}

void applyEncoding(SequenceHeader& header, const NrrdFields& fields) {
  const std::string& source = header.sourceName;
  header.pixelType = nrrdPixelType(fields.required("type", source), source);
  const std::string_view encoding = fields.required("encoding", source);
  if (encoding == "gz" || encoding == "gzip")
    header.encoding = SequenceHeader::Encoding::Zlib;
  else if (encoding != "raw")
    throwFieldError(source, "encoding", "'" + std::string(encoding) + "' is not raw or gz");
  if (const auto endian = fields.get("endian")) {
    if (*endian != "little" && *endian != "big")
      throwFieldError(source, "endian", "'" + std::string(*endian) + "' is not little or big");
    header.bigEndian = *endian == "big";
  }
  for (const std::string key : {"data file", "datafile"}) {
    if (const auto file = fields.get(key)) {
      if (file->empty() || file->find(' ') != std::string_view::npos ||
          file->find('%') != std::string_view::npos)
        throwFieldError(source, key, "'" + std::string(*file) + "' is not one file name");
      header.dataFile = std::string(*file);
    }
  }
}

}  // namespace

SequenceHeader parseNrrdHeader(std::string_view text, const std::string& sourceName) {
  if (static_cast<std::int64_t>(text.size()) > kMaxHeaderBytes)
    throwFieldError(sourceName, "header", "larger than " + std::to_string(kMaxHeaderBytes) + " bytes");
  if (text.substr(0, 7) != "NRRD000")
    throwFieldError(sourceName, "magic", "the file does not start with NRRD000x");
  SequenceHeader header;
  header.container = SequenceHeader::Container::Nrrd;
  header.sourceName = sourceName;
  NrrdFields fields;
  detail::FrameFieldCollector frames;
  std::size_t position = text.find('\n');
  std::size_t lineNumber = 1;
  while (position != std::string_view::npos && position < text.size()) {
    ++position;
    auto end = text.find('\n', position);
    const std::string_view line = detail::trim(
        text.substr(position, end == std::string_view::npos ? std::string_view::npos : end - position));
    position = end;
    ++lineNumber;
    if (line.empty() || line.front() == '#') continue;
    const auto custom = line.find(":=");
    const auto colon = line.find(": ");
    if (custom != std::string_view::npos && (colon == std::string_view::npos || custom < colon)) {
      const std::string_view key = line.substr(0, custom);
      const std::string_view value = detail::trim(line.substr(custom + 2));
      if (!frames.offer(key, value, sourceName)) header.globalFields.emplace_back(key, value);
      continue;
    }
    if (colon == std::string_view::npos)
      throwFieldError(sourceName, "line " + std::to_string(lineNumber),
                      "expected 'field: value' or 'key:=value'");
    const std::string key(line.substr(0, colon));
    fields.standard[key] = detail::trim(line.substr(colon + 2));
    header.globalFields.emplace_back(key, std::string(fields.standard[key]));
  }
  applyEncoding(header, fields);
  applySizes(header, fields);
  detail::checkDimensions(header, "sizes");
  frames.finish(header);
  return header;
}

}  // namespace hipguide::session
