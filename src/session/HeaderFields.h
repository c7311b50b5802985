#pragma once
/// Helpers shared by the MetaImage and NRRD header parsers: number parsing with messages that
/// name the file and field, per-frame field collection and the final consistency checks.

#include <hipguide/session/SequenceHeader.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hipguide::session::detail {

/// Largest width or height accepted, and largest frame count.
constexpr std::int64_t kMaxImageSide = 65536;
constexpr std::int64_t kMaxFrameCount = 100'000'000;
/// Largest decoded frame (all channels) accepted: 256 MiB.
constexpr std::int64_t kMaxFrameBytes = 256LL * 1024 * 1024;

/// "FILE: field 'NAME': PROBLEM" as a std::runtime_error.
[[noreturn]] void throwFieldError(const std::string& source, std::string_view field,
                                  const std::string& problem);

std::string_view trim(std::string_view text);
/// Splits on spaces and tabs.
std::vector<std::string_view> splitWords(std::string_view text);

/// A finite number, or throws naming the field.
double parseNumber(std::string_view text, const std::string& source, std::string_view field);
/// A whole number in [minimum, maximum], or throws naming the field.
std::int64_t parseInteger(std::string_view text, const std::string& source, std::string_view field,
                          std::int64_t minimum, std::int64_t maximum);
/// Exactly `count` finite numbers separated by spaces.
std::vector<double> parseNumbers(std::string_view text, std::size_t count, const std::string& source,
                                 std::string_view field);
/// True for True/true/1, false for False/false/0; throws otherwise.
bool parseBool(std::string_view text, const std::string& source, std::string_view field);

/// Collects `Seq_FrameNNNN_Name` fields while the header is read, then checks and stores them.
class FrameFieldCollector {
 public:
  /// True (and the field kept) when `key` is a per-frame field; false for global fields.
  bool offer(std::string_view key, std::string_view value, const std::string& source);
  /// Fills header.frames once frameCount is known; throws for indices past the frame count
  /// and for malformed timestamps, numbers or transforms.
  void finish(SequenceHeader& header);

 private:
  struct Entry {
    std::int64_t index;
    std::string name;
    std::string value;
  };
  std::vector<Entry> m_entries;
};

/// Checks sizes, channels and the total data size (overflow-safe); throws naming the field.
void checkDimensions(const SequenceHeader& header, std::string_view sizeField);

}  // namespace hipguide::session::detail
