#include "HeaderFields.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace hipguide::session::detail {
namespace {

constexpr std::string_view kFramePrefix = "Seq_Frame";
constexpr std::string_view kTransformSuffix = "Transform";
constexpr std::string_view kStatusSuffix = "TransformStatus";

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string shortened(std::string_view text) {
  constexpr std::size_t kShown = 60;
  return text.size() <= kShown ? std::string(text) : std::string(text.substr(0, kShown)) + "...";
}

bool statusIsOk(std::string_view value) { return trim(value) == "OK"; }

core::OptionalTransform parseTransform(std::string_view value, const std::string& source,
                                       std::string_view field) {
  const std::vector<double> numbers = parseNumbers(value, 16, source, field);
  std::array<double, 16> rowMajor{};
  std::copy(numbers.begin(), numbers.end(), rowMajor.begin());
  return {core::transformFromRowMajor(rowMajor), true};
}

void setOther(FrameMetadata& frame, const std::string& name, const std::string& value) {
  for (TextField& field : frame.otherFields) {
    if (field.first == name) {
      field.second = value;
      return;
    }
  }
  frame.otherFields.emplace_back(name, value);
}

NamedTransform* findTransform(FrameMetadata& frame, const std::string& name) {
  for (NamedTransform& transform : frame.transforms)
    if (transform.name == name) return &transform;
  return nullptr;
}

}  // namespace

void throwFieldError(const std::string& source, std::string_view field, const std::string& problem) {
  throw std::runtime_error(source + ": field '" + shortened(field) + "': " + problem);
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::vector<std::string_view> splitWords(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t position = 0;
  while (position < text.size()) {
    const auto start = text.find_first_not_of(" \t\r\n", position);
    if (start == std::string_view::npos) break;
    auto end = text.find_first_of(" \t\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    words.push_back(text.substr(start, end - start));
    position = end;
  }
  return words;
}

double parseNumber(std::string_view text, const std::string& source, std::string_view field) {
  const std::string_view word = trim(text);
  double value = 0.0;
  const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
  if (word.empty() || error != std::errc() || end != word.data() + word.size() || !std::isfinite(value))
    throwFieldError(source, field, "'" + shortened(word) + "' is not a finite number");
  return value;
}

std::int64_t parseInteger(std::string_view text, const std::string& source, std::string_view field,
                          std::int64_t minimum, std::int64_t maximum) {
  const std::string_view word = trim(text);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
  if (word.empty() || error != std::errc() || end != word.data() + word.size())
    throwFieldError(source, field, "'" + shortened(word) + "' is not a whole number");
  if (value < minimum || value > maximum)
    throwFieldError(
        source, field,
        std::to_string(value) + " is outside " + std::to_string(minimum) + ".." + std::to_string(maximum));
  return value;
}

std::vector<double> parseNumbers(std::string_view text, std::size_t count, const std::string& source,
                                 std::string_view field) {
  const std::vector<std::string_view> words = splitWords(text);
  if (words.size() != count)
    throwFieldError(source, field,
                    "expected " + std::to_string(count) + " numbers, found " + std::to_string(words.size()));
  std::vector<double> numbers;
  numbers.reserve(count);
  for (std::string_view word : words) numbers.push_back(parseNumber(word, source, field));
  return numbers;
}

bool parseBool(std::string_view text, const std::string& source, std::string_view field) {
  const std::string_view word = trim(text);
  if (word == "True" || word == "true" || word == "TRUE" || word == "1") return true;
  if (word == "False" || word == "false" || word == "FALSE" || word == "0") return false;
  throwFieldError(source, field, "'" + shortened(word) + "' is not True or False");
}

bool FrameFieldCollector::offer(std::string_view key, std::string_view value, const std::string& source) {
  if (key.substr(0, kFramePrefix.size()) != kFramePrefix) return false;
  const std::string_view rest = key.substr(kFramePrefix.size());
  const auto underscore = rest.find('_');
  if (underscore == std::string_view::npos || underscore == 0 || underscore + 1 >= rest.size())
    throwFieldError(source, key, "expected Seq_FrameNNNN_Name");
  const std::int64_t index = parseInteger(rest.substr(0, underscore), source, key, 0, kMaxFrameCount - 1);
  m_entries.push_back({index, std::string(rest.substr(underscore + 1)), std::string(trim(value))});
  return true;
}

void FrameFieldCollector::finish(SequenceHeader& header) {
  std::stable_sort(m_entries.begin(), m_entries.end(),
                   [](const Entry& a, const Entry& b) { return a.index < b.index; });
  if (!m_entries.empty() && m_entries.back().index >= header.frameCount) {
    const Entry& entry = m_entries.back();
    throwFieldError(header.sourceName, "Seq_Frame" + std::to_string(entry.index) + "_" + entry.name,
                    "frame index " + std::to_string(entry.index) + " but the image has " +
                        std::to_string(header.frameCount) + " frames");
  }
  header.frames.assign(m_entries.empty() ? 0 : static_cast<std::size_t>(m_entries.back().index + 1), {});
  // Transforms first, then their statuses (older files write the status line before the transform).
  for (const bool statuses : {false, true}) {
    for (const Entry& entry : m_entries) {
      FrameMetadata& frame = header.frames[static_cast<std::size_t>(entry.index)];
      const std::string field = "Seq_Frame" + std::to_string(entry.index) + "_" + entry.name;
      const bool isStatus = endsWith(entry.name, kStatusSuffix);
      if (isStatus != statuses) continue;
      if (isStatus) {
        NamedTransform* transform = findTransform(frame, entry.name.substr(0, entry.name.size() - 6));
        if (transform)
          transform->value.valid = statusIsOk(entry.value);
        else
          setOther(frame, entry.name, entry.value);
      } else if (entry.name == "Timestamp") {
        frame.timestampSec = parseNumber(entry.value, header.sourceName, field);
      } else if (entry.name == "FrameNumber") {
        frame.frameNumber =
            parseInteger(entry.value, header.sourceName, field, std::numeric_limits<std::int64_t>::min() / 2,
                         std::numeric_limits<std::int64_t>::max() / 2);
      } else if (entry.name == "ImageStatus" || entry.name == "Status") {
        frame.imageValid = statusIsOk(entry.value);
      } else if (endsWith(entry.name, kTransformSuffix)) {
        const core::OptionalTransform value = parseTransform(entry.value, header.sourceName, field);
        if (NamedTransform* existing = findTransform(frame, entry.name))
          existing->value = value;
        else
          frame.transforms.push_back({entry.name, value});
      } else {
        setOther(frame, entry.name, entry.value);
      }
    }
  }
  m_entries.clear();
  m_entries.shrink_to_fit();
}

void checkDimensions(const SequenceHeader& header, std::string_view sizeField) {
  const std::string& source = header.sourceName;
  if (header.width < 0 || header.width > kMaxImageSide || header.height < 0 || header.height > kMaxImageSide)
    throwFieldError(source, sizeField,
                    "image " + std::to_string(header.width) + "x" + std::to_string(header.height) +
                        " is outside 0.." + std::to_string(kMaxImageSide));
  if (header.frameCount < 0 || header.frameCount > kMaxFrameCount)
    throwFieldError(source, sizeField, "frame count " + std::to_string(header.frameCount) + " is absurd");
  if (header.channels < 1 || header.channels > 4)
    throwFieldError(source, "channels", std::to_string(header.channels) + " channels (1 to 4 accepted)");
  if (!(header.spacingMm.x() > 0) || !(header.spacingMm.y() > 0))
    throwFieldError(source, "spacing", "pixel spacing must be positive");
  if (header.frameBytes() > kMaxFrameBytes)
    throwFieldError(source, sizeField,
                    "one frame would take " + std::to_string(header.frameBytes()) + " bytes (at most " +
                        std::to_string(kMaxFrameBytes) + ")");
  const long double total = static_cast<long double>(header.frameBytes()) * header.frameCount;
  if (total > static_cast<long double>(1LL << 50))
    throwFieldError(source, sizeField, "the image data would exceed 1 PiB");
}

}  // namespace hipguide::session::detail
