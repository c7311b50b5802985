#include "JsonFields.h"

#include <hipguide/acquisition/DisplayRange.h>
#include <hipguide/acquisition/IgtlClientSettings.h>
#include <hipguide/acquisition/SourceSettingsFile.h>

#include <cmath>

namespace hipguide::acquisition {
namespace {

void requirePositive(double value, const char* field) {
  if (!std::isfinite(value) || value <= 0)
    throw std::invalid_argument(std::string("OpenIGTLink settings: ") + field + " must be positive (got " +
                                std::to_string(value) + ")");
}

std::string specText(const IgtlClientSettings& settings) {
  return "igtl://" + settings.host + ":" + std::to_string(settings.port);
}

}  // namespace

IgtlClientSettings igtlClientSettingsFor(const SourceSpec& spec) {
  IgtlClientSettings settings;
  settings.host = spec.host;
  settings.port = spec.port;
  return settings;
}

void validate(const IgtlClientSettings& settings) {
  if (settings.host.empty()) throw std::invalid_argument("OpenIGTLink settings: host is empty");
  if (settings.port <= 0 || settings.port > 65535)
    throw std::invalid_argument("OpenIGTLink settings: port must be 1 to 65535 (got " +
                                std::to_string(settings.port) + ")");
  if (settings.imageDevice.size() > 20 || settings.probeTransform.size() > 20)
    throw std::invalid_argument("OpenIGTLink settings: device names have at most 20 characters");
  if (settings.maxBodyBytes < 1024 || settings.maxBodyBytes > (1ull << 30))
    throw std::invalid_argument("OpenIGTLink settings: maxBodyBytes must be 1 KiB to 1 GiB (got " +
                                std::to_string(settings.maxBodyBytes) + ")");
  requirePositive(settings.stallAfterSeconds, "stallAfterSeconds");
  requirePositive(settings.connectTimeoutSeconds, "connectTimeoutSeconds");
  requirePositive(settings.reconnectInitialSeconds, "reconnectInitialSeconds");
  requirePositive(settings.reconnectMaxSeconds, "reconnectMaxSeconds");
  requirePositive(settings.poseToleranceMs, "poseToleranceMs");
  validateDisplayRangeSetting(settings.displayRangeDb, "OpenIGTLink settings");
}

std::string toJson(const IgtlClientSettings& settings) {
  const nlohmann::json json = {
      {"host", settings.host},
      {"port", settings.port},
      {"imageDevice", settings.imageDevice},
      {"probeTransform", settings.probeTransform},
      {"maxBodyBytes", settings.maxBodyBytes},
      {"stallAfterSeconds", settings.stallAfterSeconds},
      {"connectTimeoutSeconds", settings.connectTimeoutSeconds},
      {"reconnectInitialSeconds", settings.reconnectInitialSeconds},
      {"reconnectMaxSeconds", settings.reconnectMaxSeconds},
      {"poseToleranceMs", settings.poseToleranceMs},
      {"displayRangeDb", settings.displayRangeDb},
  };
  return json.dump(2);
}

IgtlClientSettings igtlClientSettingsFromJson(std::string_view text, const IgtlClientSettings& defaults,
                                              std::string_view origin) {
  const nlohmann::json json = detail::parseJsonObject(text, origin);
  IgtlClientSettings settings = defaults;
  detail::readField(json, "host", settings.host, origin);
  detail::readField(json, "port", settings.port, origin);
  detail::readField(json, "imageDevice", settings.imageDevice, origin);
  detail::readField(json, "probeTransform", settings.probeTransform, origin);
  detail::readField(json, "maxBodyBytes", settings.maxBodyBytes, origin);
  detail::readField(json, "stallAfterSeconds", settings.stallAfterSeconds, origin);
  detail::readField(json, "connectTimeoutSeconds", settings.connectTimeoutSeconds, origin);
  detail::readField(json, "reconnectInitialSeconds", settings.reconnectInitialSeconds, origin);
  detail::readField(json, "reconnectMaxSeconds", settings.reconnectMaxSeconds, origin);
  detail::readField(json, "poseToleranceMs", settings.poseToleranceMs, origin);
  detail::readField(json, "displayRangeDb", settings.displayRangeDb, origin);
  validate(settings);
  return settings;
}

IgtlClientSettings loadIgtlClientSettings(const SourceSpec& spec, const std::filesystem::path& dir) {
  const IgtlClientSettings defaults = igtlClientSettingsFor(spec);
  const std::filesystem::path file = sourceSettingsFile(dir, specText(defaults));
  const std::optional<std::string> text = readSettingsText(file);
  if (!text) return defaults;
  IgtlClientSettings settings = igtlClientSettingsFromJson(*text, defaults, file.string());
  settings.host = spec.host;
  settings.port = spec.port;
  return settings;
}

void saveIgtlClientSettings(const IgtlClientSettings& settings, const std::filesystem::path& dir) {
  validate(settings);
  writeSettingsText(sourceSettingsFile(dir, specText(settings)), toJson(settings));
}

}  // namespace hipguide::acquisition
