#include "JsonFields.h"

#include <hipguide/acquisition/DisplayRange.h>
#include <hipguide/acquisition/SourceSettingsFile.h>
#include <hipguide/acquisition/VideoGrabberSettings.h>

#include <cmath>

namespace hipguide::acquisition {
namespace {

[[noreturn]] void refuse(const std::string& field, const std::string& why) {
  throw std::invalid_argument("video settings: " + field + " " + why);
}

void requireNonNegative(double value, const char* field) {
  if (!std::isfinite(value) || value < 0)
    refuse(field, "must not be negative (got " + std::to_string(value) + ")");
}

}  // namespace

void validate(const VideoGrabberSettings& settings) {
  if (settings.device.empty()) refuse("device", "is empty; give /dev/videoN or a video file");
  if (settings.crop.x < 0 || settings.crop.y < 0 || settings.crop.width < 0 || settings.crop.height < 0)
    refuse("crop", "must not have negative numbers");
  requireNonNegative(settings.mmPerPixel, "mmPerPixel");
  requireNonNegative(settings.framesPerSecond, "framesPerSecond");
  requireNonNegative(settings.frozenMeanDifference, "frozenMeanDifference");
  if (settings.captureWidth < 0 || settings.captureHeight < 0)
    refuse("captureWidth/captureHeight", "must not be negative");
  if (settings.frozenAfterFrames < 2)
    refuse("frozenAfterFrames",
           "must be at least 2 (got " + std::to_string(settings.frozenAfterFrames) + ")");
  if (!(settings.reconnectMaxSeconds > 0)) refuse("reconnectMaxSeconds", "must be positive");
  validateDisplayRangeSetting(settings.displayRangeDb, "video settings");
}

void validateCrop(const CropRect& crop, int width, int height) {
  if (crop.empty()) return;
  if (crop.x + crop.width > width || crop.y + crop.height > height)
    throw std::invalid_argument("video crop " + std::to_string(crop.width) + "x" +
                                std::to_string(crop.height) + "+" + std::to_string(crop.x) + "+" +
                                std::to_string(crop.y) + " does not fit in the " + std::to_string(width) +
                                "x" + std::to_string(height) + " captured frame");
}

std::string toJson(const VideoGrabberSettings& settings) {
  const nlohmann::json json = {
      {"device", settings.device},
      {"crop",
       {{"x", settings.crop.x},
        {"y", settings.crop.y},
        {"width", settings.crop.width},
        {"height", settings.crop.height}}},
      {"mmPerPixel", settings.mmPerPixel},
      {"framesPerSecond", settings.framesPerSecond},
      {"captureWidth", settings.captureWidth},
      {"captureHeight", settings.captureHeight},
      {"loopFile", settings.loopFile},
      {"frozenAfterFrames", settings.frozenAfterFrames},
      {"frozenMeanDifference", settings.frozenMeanDifference},
      {"reconnectMaxSeconds", settings.reconnectMaxSeconds},
      {"displayRangeDb", settings.displayRangeDb},
  };
  return json.dump(2);
}

VideoGrabberSettings videoGrabberSettingsFromJson(std::string_view text, const VideoGrabberSettings& defaults,
                                                  std::string_view origin) {
  const nlohmann::json json = detail::parseJsonObject(text, origin);
  VideoGrabberSettings settings = defaults;
  detail::readField(json, "device", settings.device, origin);
  if (const auto crop = json.find("crop"); crop != json.end()) {
    if (!crop->is_object())
      throw std::invalid_argument(std::string(origin) + ": field 'crop' must be an object");
    detail::readField(*crop, "x", settings.crop.x, origin);
    detail::readField(*crop, "y", settings.crop.y, origin);
    detail::readField(*crop, "width", settings.crop.width, origin);
    detail::readField(*crop, "height", settings.crop.height, origin);
  }
  detail::readField(json, "mmPerPixel", settings.mmPerPixel, origin);
  detail::readField(json, "framesPerSecond", settings.framesPerSecond, origin);
  detail::readField(json, "captureWidth", settings.captureWidth, origin);
  detail::readField(json, "captureHeight", settings.captureHeight, origin);
  detail::readField(json, "loopFile", settings.loopFile, origin);
  detail::readField(json, "frozenAfterFrames", settings.frozenAfterFrames, origin);
  detail::readField(json, "frozenMeanDifference", settings.frozenMeanDifference, origin);
  detail::readField(json, "reconnectMaxSeconds", settings.reconnectMaxSeconds, origin);
  detail::readField(json, "displayRangeDb", settings.displayRangeDb, origin);
  validate(settings);
  return settings;
}

VideoGrabberSettings loadVideoGrabberSettings(const SourceSpec& spec, const std::filesystem::path& dir) {
  VideoGrabberSettings defaults;
  defaults.device = spec.path;
  const std::filesystem::path file = sourceSettingsFile(dir, "video:" + spec.path);
  const std::optional<std::string> text = readSettingsText(file);
  if (!text) return defaults;
  VideoGrabberSettings settings = videoGrabberSettingsFromJson(*text, defaults, file.string());
  settings.device = spec.path;
  return settings;
}

void saveVideoGrabberSettings(const VideoGrabberSettings& settings, const std::filesystem::path& dir) {
  validate(settings);
  writeSettingsText(sourceSettingsFile(dir, "video:" + settings.device), toJson(settings));
}

}  // namespace hipguide::acquisition
