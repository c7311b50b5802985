#include <hipguide/acquisition/DisplayRange.h>

#include <stdexcept>
#include <string>

namespace hipguide::acquisition {

void validateDisplayRangeSetting(double db, std::string_view settingsName) {
  if (db == 0.0 || plausibleDisplayRangeDb(db)) return;
  throw std::invalid_argument(std::string(settingsName) +
                              ": displayRangeDb must be the scanner's dynamic range setting, " +
                              std::to_string(static_cast<int>(kMinDisplayRangeDb)) + " to " +
                              std::to_string(static_cast<int>(kMaxDisplayRangeDb)) +
                              " dB, or 0 when not known (got " + std::to_string(db) + ")");
}

}  // namespace hipguide::acquisition
