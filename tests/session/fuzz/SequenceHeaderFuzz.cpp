/// libFuzzer target for the PLUS header parsers: any input must parse or throw
/// std::runtime_error; anything else (crash, other exception, sanitizer report) is a bug.

#include <hipguide/session/SequenceHeader.h>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    hipguide::session::parseMetaImageHeader(text, "fuzz-input");
  } catch (const std::runtime_error&) {
  }
  try {
    hipguide::session::parseNrrdHeader(text, "fuzz-input");
  } catch (const std::runtime_error&) {
  }
  return 0;
}
