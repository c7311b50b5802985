#include "OpenCvFrames.h"

#include <hipguide/session/EventLog.h>
#include <hipguide/session/VideoFileReader.h>

#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <stdexcept>

namespace hipguide::session {
namespace {

/// Frame rate assumed when the file gives none (HipGuide's own default rate).
constexpr double kAssumedFramesPerSecond = 20.0;
/// Frames closer ahead than this are reached by reading on rather than by seeking.
constexpr std::int64_t kReadOnFrames = 30;

}  // namespace

bool VideoFileReader::isVideoFile(const std::filesystem::path& path) {
  static const std::set<std::string> extensions = {".mp4", ".m4v",  ".avi", ".mov", ".mkv",
                                                   ".mpg", ".mpeg", ".wmv", ".webm"};
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extensions.contains(extension);
}

VideoFileReader::VideoFileReader(const std::filesystem::path& path)
    : m_path(path), m_capture(std::make_unique<cv::VideoCapture>()) {
  open();
  const double fps = m_capture->get(cv::CAP_PROP_FPS);
  m_framesPerSecond = fps > 0.0 && fps <= 1000.0 ? fps : kAssumedFramesPerSecond;
  cv::Mat first;
  if (!m_capture->read(first) || first.empty())
    throw std::runtime_error(path.string() + ": the video holds no frame that can be decoded");
  std::int64_t count = 1;
  while (m_capture->grab()) ++count;
  open();
  m_info.formatName = "video file (" + path.extension().string() + "), not calibrated" +
                      (fps > 0.0 && fps <= 1000.0 ? "" : ", 20 fps assumed");
  m_info.width = first.cols;
  m_info.height = first.rows;
  m_info.channels = first.channels() == 1 ? 1 : 3;
  m_info.frameCount = count;
  m_info.durationSec = static_cast<double>(count - 1) / m_framesPerSecond;
  if (count > 1) m_info.framesPerSecond = m_framesPerSecond;
  if (const auto sidecar = plusSidecarPath(path); std::filesystem::exists(sidecar))
    m_events = readEventLog(sidecar);
}

VideoFileReader::~VideoFileReader() = default;

void VideoFileReader::open() {
  if (!m_capture->open(m_path.string(), cv::CAP_FFMPEG))
    throw std::runtime_error(m_path.string() + ": OpenCV's FFmpeg backend cannot open this video");
  m_next = 0;
}

std::int64_t VideoFileReader::timestampNs(std::int64_t index) const {
  return detail::evenFrameTimestampNs(index, m_info.frameCount, m_framesPerSecond);
}

void VideoFileReader::seek(std::int64_t index) {
  if (index >= m_next && index - m_next <= kReadOnFrames) {
    while (m_next < index && m_capture->grab()) ++m_next;
    return;
  }
  if (m_capture->set(cv::CAP_PROP_POS_FRAMES, static_cast<double>(index)) &&
      std::llround(m_capture->get(cv::CAP_PROP_POS_FRAMES)) == index) {
    m_next = index;
    return;
  }
  open();  // the codec could not seek there exactly: read on from the start
  while (m_next < index && m_capture->grab()) ++m_next;
}

RecordedFrame VideoFileReader::readFrame(std::int64_t index) {
  if (index < 0 || index >= m_info.frameCount)
    throw std::out_of_range(m_path.string() + ": frame " + std::to_string(index) + " of " +
                            std::to_string(m_info.frameCount));
  seek(index);
  cv::Mat image;
  if (m_next != index || !m_capture->read(image) || image.empty())
    throw std::runtime_error(m_path.string() + ": frame " + std::to_string(index) + " cannot be decoded");
  ++m_next;
  return detail::openCvRecordedFrame(image, index, timestampNs(index));
}

}  // namespace hipguide::session
