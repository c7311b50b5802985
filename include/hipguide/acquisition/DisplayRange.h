#pragma once
/// The scanner's dynamic range: how many dB of echo its log compression spreads over grey
/// 0-255. A setting on the scanner that neither a video signal nor an OpenIGTLink image carries;
/// the tracker's tip locator needs it to find the tip at half the needle's echo.

#include <string_view>

namespace hipguide::acquisition {

/// The range of dynamic range settings scanners offer (B-mode: about 30-120 dB).
constexpr double kMinDisplayRangeDb = 20.0;
constexpr double kMaxDisplayRangeDb = 150.0;

/// Whether `db` is a dynamic range setting a scanner offers.
constexpr bool plausibleDisplayRangeDb(double db) {
  return db >= kMinDisplayRangeDb && db <= kMaxDisplayRangeDb;
}

/// Throws std::invalid_argument, naming `settingsName`, unless `db` is 0 (not known) or plausible.
void validateDisplayRangeSetting(double db, std::string_view settingsName);

}  // namespace hipguide::acquisition
