#pragma once
/// Settings of the OpenIGTLink client driver (a plain struct, saved as JSON per source).

#include <hipguide/acquisition/SourceSpec.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace hipguide::acquisition {

/// What IgtlClientDriver connects to and how patient it is. Times in seconds unless named.
struct IgtlClientSettings {
  std::string host = "localhost";
  int port = 18944;
  std::string imageDevice;     ///< IMAGE device to show; empty = the first one seen (as 3D Slicer).
  std::string probeTransform;  ///< TRANSFORM/POSITION device of the probe pose; empty = first seen.
  std::uint64_t maxBodyBytes = 64ull << 20;  ///< Larger messages are skipped and counted.
  double stallAfterSeconds = 2.0;            ///< No image for this long → stalled.
  double connectTimeoutSeconds = 2.0;
  double reconnectInitialSeconds = 0.25;  ///< First wait after a failed or lost connection...
  double reconnectMaxSeconds = 4.0;       ///< ...doubling up to this.
  double poseToleranceMs = 50.0;          ///< Largest image-to-pose timestamp difference accepted.
  /// The scanner's dynamic range setting (dB, see DisplayRange.h); 0 = not known (the tracker
  /// assumes 60).
  double displayRangeDb = 0.0;
};

/// Defaults with host and port from an `igtl://host:port` spec.
IgtlClientSettings igtlClientSettingsFor(const SourceSpec& spec);
/// Throws std::invalid_argument naming the field and value when a setting is unusable.
void validate(const IgtlClientSettings& settings);

/// JSON text of the settings (every field).
std::string toJson(const IgtlClientSettings& settings);
/// Settings from JSON text; absent fields keep `defaults`. Throws std::invalid_argument naming
/// `origin` and the field.
IgtlClientSettings igtlClientSettingsFromJson(std::string_view text, const IgtlClientSettings& defaults,
                                              std::string_view origin = "OpenIGTLink settings");

/// The spec's settings from its file in `dir` (see sourceSettingsFile), or the defaults when
/// there is none. Host and port always come from the spec.
IgtlClientSettings loadIgtlClientSettings(const SourceSpec& spec, const std::filesystem::path& dir);
/// Saves the settings to the file of `igtl://host:port` in `dir`.
void saveIgtlClientSettings(const IgtlClientSettings& settings, const std::filesystem::path& dir);

}  // namespace hipguide::acquisition
