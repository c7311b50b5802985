#include "FrameTiming.h"
#include "OpenCvFrames.h"

#include <hipguide/session/VideoFileReader.h>

#include <opencv2/videoio.hpp>

#include <cmath>
#include <set>
#include <stdexcept>

namespace hipguide::session {
namespace {

/// Frames closer ahead than this are reached by reading on rather than by seeking.
constexpr std::int64_t kReadOnFrames = 30;

}  // namespace

bool VideoFileReader::isVideoFile(const std::filesystem::path& path) {
  static const std::set<std::string> extensions = {".mp4", ".m4v",  ".avi", ".mov", ".mkv",
                                                   ".mpg", ".mpeg", ".wmv", ".webm"};
  return extensions.contains(detail::lowercaseExtension(path));
}

VideoFileReader::VideoFileReader(const std::filesystem::path& path)
    : m_path(path), m_capture(std::make_unique<cv::VideoCapture>()) {
  open();
  const double fps = m_capture->get(cv::CAP_PROP_FPS);
  const bool rateGiven = fps > 0.0 && fps <= 1000.0;
  m_framesPerSecond = rateGiven ? fps : detail::kAssumedFramesPerSecond;
  cv::Mat first;
  if (!m_capture->read(first) || first.empty())
    throw std::runtime_error(path.string() + ": the video holds no frame that can be decoded");
  std::int64_t count = 1;
  while (m_capture->grab()) ++count;
  open();
  m_info.formatName = "video file (" + path.extension().string() + "), not calibrated" +
                      (rateGiven ? "" : ", 20 fps assumed");
  m_info.width = first.cols;
  m_info.height = first.rows;
  m_info.channels = first.channels() == 1 ? 1 : 3;
  m_info.frameCount = count;
  detail::fillDurationAndRate(m_info, 0, timestampNs(count - 1));
  m_events = readSidecarEvents(path);
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
  const bool closeAhead = index >= m_next && index - m_next <= kReadOnFrames;
  if (!closeAhead) {
    if (m_capture->set(cv::CAP_PROP_POS_FRAMES, static_cast<double>(index)) &&
        std::llround(m_capture->get(cv::CAP_PROP_POS_FRAMES)) == index) {
      m_next = index;
      return;
    }
    open();  // the codec could not seek there exactly: read on from the start
  }
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
