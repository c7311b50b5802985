#include <hipguide/acquisition/VideoGrabberDriver.h>
#include <hipguide/core/Logging.h>
#include <hipguide/core/SteadyClock.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <stdexcept>

namespace hipguide::acquisition {
namespace {

constexpr double kFallbackFramesPerSecond = 30.0;
constexpr double kFirstReopenWaitSeconds = 0.25;

/// Counts identical frames in a row (mean absolute grey difference at most a threshold).
class FreezeDetector {
 public:
  explicit FreezeDetector(double maxMeanDifference) : m_maxMeanDifference(maxMeanDifference) {}
  /// The number of frames in the current run of identical frames, this one included.
  int add(const cv::Mat& grey) {
    const bool same =
        !m_previous.empty() && m_previous.size() == grey.size() &&
        cv::norm(grey, m_previous, cv::NORM_L1) / static_cast<double>(grey.total()) <= m_maxMeanDifference;
    m_run = same ? m_run + 1 : 1;
    grey.copyTo(m_previous);
    return m_run;
  }

 private:
  double m_maxMeanDifference;
  cv::Mat m_previous;
  int m_run = 0;
};

cv::Mat toGrey(const cv::Mat& captured) {
  if (captured.channels() == 1) return captured;
  cv::Mat grey;
  cv::cvtColor(captured, grey, captured.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
  return grey;
}

bool openCapture(const VideoGrabberSettings& settings, cv::VideoCapture& capture) {
  if (!settings.isCaptureDevice()) return capture.open(settings.device, cv::CAP_FFMPEG);
  if (!capture.open(settings.device, cv::CAP_V4L2)) return false;
  if (settings.captureWidth > 0) capture.set(cv::CAP_PROP_FRAME_WIDTH, settings.captureWidth);
  if (settings.captureHeight > 0) capture.set(cv::CAP_PROP_FRAME_HEIGHT, settings.captureHeight);
  if (settings.framesPerSecond > 0) capture.set(cv::CAP_PROP_FPS, settings.framesPerSecond);
  return true;
}

}  // namespace

VideoGrabberDriver::VideoGrabberDriver(VideoGrabberSettings settings) : m_settings(std::move(settings)) {
  validate(m_settings);
}

VideoGrabberDriver::~VideoGrabberDriver() { stop(); }

std::string VideoGrabberDriver::description() const {
  return (m_settings.isCaptureDevice() ? "frame grabber " : "video file ") + m_settings.device +
         (m_settings.calibrated() ? "" : " (not calibrated: 1 mm per pixel)");
}

VideoGrabberStats VideoGrabberDriver::stats() const {
  std::lock_guard lock(m_statsMutex);
  return m_stats;
}

void VideoGrabberDriver::updateStats(const VideoGrabberStats& stats) {
  std::lock_guard lock(m_statsMutex);
  m_stats = stats;
}

void VideoGrabberDriver::run(std::stop_token stop) {
  double waitSeconds = kFirstReopenWaitSeconds;
  while (!stop.stop_requested()) {
    cv::VideoCapture capture;
    std::string why = "cannot open " + m_settings.device;
    if (openCapture(m_settings, capture)) {
      why = stream(capture, stop);
      if (why.empty()) return;
      waitSeconds = kFirstReopenWaitSeconds;
    } else if (!m_settings.isCaptureDevice()) {
      throw std::runtime_error("cannot open video file '" + m_settings.device +
                               "' (missing, or a format FFmpeg does not read)");
    }
    const std::string reason =
        description() + ": " + why + "; retrying in " + std::to_string(waitSeconds) + " s";
    core::logger("acquisition")->warn("{}", reason);
    setState(DriverState::Connecting, reason);
    if (!sleepUntilNs(stop, core::steadyNowNs() + core::secondsToNs(waitSeconds))) return;
    waitSeconds = std::min(waitSeconds * 2.0, m_settings.reconnectMaxSeconds);
  }
}

std::string VideoGrabberDriver::stream(cv::VideoCapture& capture, std::stop_token stop) {
  VideoGrabberStats stats = this->stats();
  ++stats.opens;
  stats.framesPerSecond = capture.get(cv::CAP_PROP_FPS);
  const bool file = !m_settings.isCaptureDevice();
  double rate = m_settings.framesPerSecond > 0 ? m_settings.framesPerSecond : stats.framesPerSecond;
  if (!(rate > 0 && rate < 1000)) rate = kFallbackFramesPerSecond;
  const std::int64_t periodNs = file ? core::secondsToNs(1.0 / rate) : 0;
  std::int64_t nextNs = core::steadyNowNs();
  FreezeDetector freeze(m_settings.frozenMeanDifference);
  std::uint64_t readThisPass = 0;
  cv::Mat captured;
  while (!stop.stop_requested()) {
    if (!capture.read(captured) || captured.empty()) {
      if (!file) return "the device stopped delivering frames";
      if (readThisPass == 0) throw std::runtime_error("video file '" + m_settings.device + "' has no frames");
      if (!m_settings.loopFile) {
        setState(DriverState::Stopped, "end of video file " + m_settings.device);
        return {};
      }
      capture.set(cv::CAP_PROP_POS_FRAMES, 0);
      readThisPass = 0;
      continue;
    }
    ++readThisPass;
    stats.capturedWidth = captured.cols;
    stats.capturedHeight = captured.rows;
    validateCrop(m_settings.crop, captured.cols, captured.rows);
    cv::Mat grey = toGrey(captured);
    if (!m_settings.crop.empty())
      grey =
          grey(cv::Rect(m_settings.crop.x, m_settings.crop.y, m_settings.crop.width, m_settings.crop.height));
    const int identical = freeze.add(grey);
    core::Frame frame;
    frame.width = grey.cols;
    frame.height = grey.rows;
    frame.grey.resize(grey.total());
    grey.copyTo(cv::Mat(grey.rows, grey.cols, CV_8UC1, frame.grey.data()));
    const double spacing = m_settings.calibrated() ? m_settings.mmPerPixel : 1.0;
    frame.spacingMm = {spacing, spacing};
    publish(std::move(frame));
    ++stats.framesRead;
    if (identical == m_settings.frozenAfterFrames) {
      ++stats.frozenEpisodes;
      setState(DriverState::Stalled,
               "video frozen: " + std::to_string(identical) + " identical frames in a row");
    } else if (identical < m_settings.frozenAfterFrames && state() != DriverState::Streaming) {
      setState(DriverState::Streaming);
    }
    updateStats(stats);
    if (!file) continue;
    nextNs = std::max(nextNs + periodNs, core::steadyNowNs() - core::secondsToNs(1.0));
    if (!sleepUntilNs(stop, nextNs)) break;
  }
  return {};
}

}  // namespace hipguide::acquisition
