#pragma once
/// Live ultrasound from a frame grabber (the scanner's video output) or a video file.

#include <hipguide/acquisition/ProbeDriver.h>
#include <hipguide/acquisition/VideoGrabberSettings.h>

#include <mutex>
#include <string>

namespace cv {
class VideoCapture;
}

namespace hipguide::acquisition {

/// What the grabber has seen (VideoGrabberDriver::stats()).
struct VideoGrabberStats {
  std::uint64_t framesRead = 0;
  std::uint64_t frozenEpisodes = 0;  ///< Times the video froze (frozenAfterFrames identical frames).
  std::uint64_t opens = 0;           ///< Successful opens (1 + reopenings of a device).
  int capturedWidth = 0;             ///< Before cropping.
  int capturedHeight = 0;
  double framesPerSecond = 0;  ///< Rate reported by the device or file.
};

/// Reads a capture device (`/dev/videoN`, OpenCV's V4L2 back end) or a video file (FFmpeg back
/// end) on its own thread; converts each frame to grey, cuts out the crop rectangle and
/// publishes it with spacing mmPerPixel (1 mm/px until calibrated; imageToProbe unknown).
/// Files play at their own rate (or framesPerSecond) and loop or stop at the end; a device that
/// stops delivering is reopened with a doubling wait. Frozen video (frozenAfterFrames identical
/// frames in a row: the scanner froze, or the grabber repeats its last frame) puts the driver in
/// the stalled state until the picture changes. A crop that does not fit, or a file that cannot
/// be opened, is an error with a message naming it.
class VideoGrabberDriver final : public ProbeDriver {
 public:
  /// Throws std::invalid_argument when the settings are unusable.
  explicit VideoGrabberDriver(VideoGrabberSettings settings);
  ~VideoGrabberDriver() override;

  std::string description() const override;
  const VideoGrabberSettings& settings() const { return m_settings; }
  VideoGrabberStats stats() const;

 protected:
  void run(std::stop_token stop) override;

 private:
  /// Reads from an opened capture until stop, end of file or loss of the device; returns why it
  /// ended (empty when the driver should not reopen).
  std::string stream(cv::VideoCapture& capture, std::stop_token stop);
  void updateStats(const VideoGrabberStats& stats);

  const VideoGrabberSettings m_settings;
  mutable std::mutex m_statsMutex;
  VideoGrabberStats m_stats;
};

}  // namespace hipguide::acquisition
