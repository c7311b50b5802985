#include <hipguide/session/Conversion.h>

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <map>
#include <stdexcept>

namespace hipguide::session {
namespace {

cv::Point toPixel(const core::Vec2& pointMm, const core::Vec2& spacingMm) {
  return {static_cast<int>(std::lround(pointMm.x() / spacingMm.x())),
          static_cast<int>(std::lround(pointMm.y() / spacingMm.y()))};
}

void drawEstimate(cv::Mat& image, const core::NeedleEstimate& estimate, const core::Vec2& spacingMm) {
  if (!estimate.detected) {
    cv::putText(image, "no needle", {10, 24}, cv::FONT_HERSHEY_SIMPLEX, 0.6, {0, 200, 255}, 1, cv::LINE_AA);
    return;
  }
  const cv::Point tip = toPixel(estimate.tipMm, spacingMm);
  cv::line(image, toPixel(estimate.entryMm, spacingMm), tip, {0, 255, 0}, 2, cv::LINE_AA);
  cv::circle(image, tip, 6, {0, 0, 255}, 2, cv::LINE_AA);
  char text[64];
  std::snprintf(text, sizeof text, "needle %.0f%%  %.1f deg", estimate.confidence * 100.0, estimate.angleDeg);
  cv::putText(image, text, {10, 24}, cv::FONT_HERSHEY_SIMPLEX, 0.6, {0, 255, 0}, 1, cv::LINE_AA);
}

cv::VideoWriter openWriter(const std::filesystem::path& out, double fps, cv::Size size,
                           std::string& fallbackNote) {
  cv::VideoWriter writer;
  writer.open(out.string(), cv::CAP_FFMPEG, cv::VideoWriter::fourcc('a', 'v', 'c', '1'), fps, size, true);
  if (writer.isOpened()) return writer;
  fallbackNote =
      "H.264 (avc1) is not available in this OpenCV/FFmpeg build; wrote MPEG-4 Part 2 (mp4v) instead";
  writer.open(out.string(), cv::CAP_FFMPEG, cv::VideoWriter::fourcc('m', 'p', '4', 'v'), fps, size, true);
  if (!writer.isOpened())
    throw std::runtime_error(out.string() +
                             ": OpenCV's FFmpeg backend can write neither H.264 nor mp4v here");
  return writer;
}

}  // namespace

std::int64_t exportVideo(RecordingReader& reader, const std::filesystem::path& out, bool overlays,
                         std::string& fallbackNote, const ProgressCallback& progress) {
  const RecordingInfo& info = reader.info();
  if (info.trackerOnly || info.frameCount == 0)
    throw std::runtime_error(out.string() + ": the recording has no images to export");
  std::map<std::uint64_t, core::NeedleEstimate> estimates;
  if (overlays)
    for (const SessionEvent& event : reader.events())
      if (auto estimate = needleEstimateFrom(event)) estimates[event.frameId] = *estimate;
  const double fps = info.framesPerSecond > 0 ? info.framesPerSecond : 30.0;
  // Even sizes: most H.264 encoders need them.
  const cv::Size size(info.width & ~1, info.height & ~1);
  cv::VideoWriter writer = openWriter(out, fps, size, fallbackNote);
  cv::Mat colour;
  for (std::int64_t i = 0; i < info.frameCount; ++i) {
    const RecordedFrame recorded = reader.readFrame(i);
    const core::Frame& frame = recorded.frame;
    if (frame.width != info.width || frame.height != info.height)
      throw std::runtime_error(out.string() + ": frame " + std::to_string(i) + " changes the image size");
    const cv::Mat grey(frame.height, frame.width, CV_8UC1, const_cast<std::uint8_t*>(frame.grey.data()));
    cv::cvtColor(grey(cv::Rect(0, 0, size.width, size.height)), colour, cv::COLOR_GRAY2BGR);
    if (const auto found = estimates.find(frame.frameId); found != estimates.end())
      drawEstimate(colour, found->second, frame.spacingMm);
    writer.write(colour);
    if (progress) progress(i + 1, info.frameCount);
  }
  writer.release();
  return info.frameCount;
}

}  // namespace hipguide::session
