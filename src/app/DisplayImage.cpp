#include <hipguide/app/DisplayImage.h>

#include <opencv2/imgproc.hpp>

namespace hipguide::app {

const QImage& DisplayImage::scaled(const core::FramePtr& frame, QSize size) {
  if (!frame || frame->empty() || size.isEmpty()) {
    m_image = QImage();
    m_source.reset();
    return m_image;
  }
  if (m_source == frame && m_image.size() == size) return m_image;
  m_source = frame;
  if (m_image.size() != size) m_image = QImage(size, QImage::Format_RGB32);
  const cv::Mat source(frame->height, frame->width, CV_8UC1, const_cast<std::uint8_t*>(frame->grey.data()));
  m_scaledGrey.resize(static_cast<std::size_t>(size.width()) * size.height());
  cv::Mat grey(size.height(), size.width(), CV_8UC1, m_scaledGrey.data());
  cv::resize(source, grey, grey.size(), 0.0, 0.0, cv::INTER_LINEAR);
  cv::Mat target(size.height(), size.width(), CV_8UC4, m_image.bits(), m_image.bytesPerLine());
  cv::cvtColor(grey, target, cv::COLOR_GRAY2BGRA);
  return m_image;
}

}  // namespace hipguide::app
