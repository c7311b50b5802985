#pragma once
/// Settings of the frame-grabber driver (a plain struct, saved as JSON per device).

#include <hipguide/acquisition/SourceSpec.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace hipguide::acquisition {

/// The ultrasound image inside the scanner's screen, in captured pixels. Empty = whole frame.
struct CropRect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
  bool empty() const { return width <= 0 || height <= 0; }
  bool operator==(const CropRect&) const = default;
};

/// How VideoGrabberDriver reads a capture device (`/dev/videoN`) or a video file.
struct VideoGrabberSettings {
  std::string device;       ///< `/dev/videoN` or a video file path.
  CropRect crop;            ///< Must lie inside the captured frame.
  double mmPerPixel = 0.0;  ///< From mmPerPixelFromDepthTicks(); 0 = not calibrated (1 mm/px used).
  double framesPerSecond =
      0;  ///< Files: playback rate (0 = the file's own); devices: requested rate (0 = default).
  int captureWidth = 0;  ///< Requested device resolution; 0 = the device's default.
  int captureHeight = 0;
  bool loopFile = true;        ///< Files: start again at the end (false: stop at the end).
  int frozenAfterFrames = 15;  ///< This many identical frames in a row → stalled (frozen video).
  double frozenMeanDifference =
      0.5;  ///< Frames closer than this mean absolute grey difference are "identical".
  double reconnectMaxSeconds = 4.0;  ///< Devices: longest wait between attempts to reopen.
  /// The scanner's dynamic range setting (dB, see DisplayRange.h); 0 = not known (the tracker
  /// assumes 60).
  double displayRangeDb = 0.0;

  bool calibrated() const { return mmPerPixel > 0; }
  /// True for `/dev/...` paths (capture devices through V4L2); false for files (FFmpeg).
  bool isCaptureDevice() const { return device.starts_with("/dev/"); }
};

/// Throws std::invalid_argument naming the field and value when a setting is unusable.
void validate(const VideoGrabberSettings& settings);
/// Throws std::invalid_argument when the crop does not lie inside a width × height frame.
void validateCrop(const CropRect& crop, int width, int height);

/// JSON text of the settings (every field).
std::string toJson(const VideoGrabberSettings& settings);
/// Settings from JSON; absent fields keep `defaults`. Throws std::invalid_argument naming origin and field.
VideoGrabberSettings videoGrabberSettingsFromJson(std::string_view text, const VideoGrabberSettings& defaults,
                                                  std::string_view origin = "video settings");

/// The spec's settings from its file in `dir` (see sourceSettingsFile), or defaults when absent.
/// The device always comes from the spec.
VideoGrabberSettings loadVideoGrabberSettings(const SourceSpec& spec, const std::filesystem::path& dir);
/// Saves the settings to the file of `video:<device>` in `dir`.
void saveVideoGrabberSettings(const VideoGrabberSettings& settings, const std::filesystem::path& dir);

}  // namespace hipguide::acquisition
