#include "WorkingImage.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace hipguide::tracking {

void checkWorkingImageConfig(const WorkingImageConfig& config) {
  if (config.maxWidthPx < 16)
    throw std::invalid_argument("image.maxWidthPx must be >= 16, not " + std::to_string(config.maxWidthPx));
  if (!(config.assumedWorkingSpacingMm > 0.0))
    throw std::invalid_argument("image.assumedWorkingSpacingMm must be > 0, not " +
                                std::to_string(config.assumedWorkingSpacingMm));
  if (!(config.minWorkingSpacingMm > 0.0 && config.minWorkingSpacingMm <= config.maxWorkingSpacingMm))
    throw std::invalid_argument("image.minWorkingSpacingMm must be > 0 and <= maxWorkingSpacingMm, not " +
                                std::to_string(config.minWorkingSpacingMm) + " and " +
                                std::to_string(config.maxWorkingSpacingMm));
}

core::Vec2 workingScale(const core::Frame& frame, const WorkingImageConfig& config) {
  const double scale = frame.width <= config.maxWidthPx ? 1.0 : double(config.maxWidthPx) / frame.width;
  if (!frame.spacingCalibrated()) return {scale, scale};
  const double working =
      std::clamp(frame.spacingMm.x() / scale, config.minWorkingSpacingMm, config.maxWorkingSpacingMm);
  return {std::min(1.0, frame.spacingMm.x() / working), std::min(1.0, frame.spacingMm.y() / working)};
}

core::Vec2 trackingSpacingMm(const core::Frame& frame, const WorkingImageConfig& config) {
  if (frame.spacingCalibrated()) return frame.spacingMm;
  const double assumed = config.assumedWorkingSpacingMm * workingScale(frame, config).x();
  return {assumed, assumed};
}

void WorkingImage::assign(const core::Frame& frame, const core::Vec2& scale, const core::Vec2& spacingMm) {
  if (frame.empty() || frame.grey.size() != static_cast<std::size_t>(frame.width) * frame.height)
    throw std::invalid_argument("frame " + std::to_string(frame.frameId) + ": grey pixels do not match " +
                                std::to_string(frame.width) + "x" + std::to_string(frame.height));
  const cv::Mat source(frame.height, frame.width, CV_8U, const_cast<std::uint8_t*>(frame.grey.data()));
  m_spacingMm = spacingMm;
  if (scale.x() == 1.0 && scale.y() == 1.0) {
    source.copyTo(m_grey);
  } else {
    const int width = std::max(1, static_cast<int>(std::lround(frame.width * scale.x())));
    const int height = std::max(1, static_cast<int>(std::lround(frame.height * scale.y())));
    cv::resize(source, m_grey, cv::Size(width, height), 0, 0, cv::INTER_AREA);
  }
  m_scaleX = double(m_grey.cols) / frame.width;
  m_scaleY = double(m_grey.rows) / frame.height;
  m_grey.convertTo(m_greyF, CV_32F);
}

void WorkingImage::assign(const cv::Mat& grey8, const core::Vec2& spacingMm) {
  CV_Assert(grey8.type() == CV_8U);
  grey8.copyTo(m_grey);
  m_spacingMm = spacingMm;
  m_scaleX = m_scaleY = 1.0;
  m_grey.convertTo(m_greyF, CV_32F);
}

core::Vec2 WorkingImage::toMm(const cv::Point2f& workPx) const {
  const double column = (workPx.x + 0.5) / m_scaleX - 0.5;
  const double row = (workPx.y + 0.5) / m_scaleY - 0.5;
  return {column * m_spacingMm.x(), row * m_spacingMm.y()};
}

cv::Point2f WorkingImage::fromMm(const core::Vec2& mm) const {
  const double column = mm.x() / m_spacingMm.x();
  const double row = mm.y() / m_spacingMm.y();
  return {static_cast<float>((column + 0.5) * m_scaleX - 0.5),
          static_cast<float>((row + 0.5) * m_scaleY - 0.5)};
}

core::Vec2 WorkingImage::workSpacingMm() const {
  return {m_spacingMm.x() / m_scaleX, m_spacingMm.y() / m_scaleY};
}

}  // namespace hipguide::tracking
