#include <hipguide/app/ImageView.h>

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace hipguide::app {
namespace {
constexpr double kScaleMarginPx = 46.0;  ///< Room on the left for the depth scale.
}

ImageView::ImageView(QWidget* parent) : QWidget(parent) {
  setAttribute(Qt::WA_OpaquePaintEvent);
  setMinimumSize(320, 240);
}

void ImageView::setFrame(core::FramePtr frame) {
  m_frame = std::move(frame);
  if (m_frame && !m_frame->empty())
    m_image = QImage(m_frame->grey.data(), m_frame->width, m_frame->height, m_frame->width,
                     QImage::Format_Grayscale8);
  else
    m_image = QImage();
  update();
}

void ImageView::addOverlay(OverlayPainter overlay) { m_overlays.push_back(std::move(overlay)); }

void ImageView::setOverlaysVisible(bool visible) {
  m_overlaysVisible = visible;
  update();
}

QRectF ImageView::imageRect() const {
  if (m_image.isNull()) return {};
  // Physical aspect: pixels may not be square.
  const double widthMm = m_frame->width * m_frame->spacingMm.x();
  const double heightMm = m_frame->height * m_frame->spacingMm.y();
  const QRectF area(kScaleMarginPx, 4.0, width() - kScaleMarginPx - 4.0, height() - 8.0);
  const double scale = std::min(area.width() / widthMm, area.height() / heightMm);
  const QSizeF size(widthMm * scale, heightMm * scale);
  return {area.left() + (area.width() - size.width()) / 2.0, area.top(), size.width(), size.height()};
}

QTransform ImageView::mmToWidget() const {
  const QRectF rect = imageRect();
  if (rect.isEmpty()) return {};
  const double pxPerMmX = rect.width() / (m_frame->width * m_frame->spacingMm.x());
  const double pxPerMmY = rect.height() / (m_frame->height * m_frame->spacingMm.y());
  // Image mm are measured from the centre of the top-left pixel.
  QTransform transform;
  transform.translate(rect.left() + 0.5 * m_frame->spacingMm.x() * pxPerMmX,
                      rect.top() + 0.5 * m_frame->spacingMm.y() * pxPerMmY);
  transform.scale(pxPerMmX, pxPerMmY);
  return transform;
}

void ImageView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), QColor(8, 9, 11));
  if (m_image.isNull()) {
    painter.setPen(QColor(150, 150, 150));
    painter.drawText(rect(), Qt::AlignCenter, tr("No image: waiting for the source"));
    return;
  }
  const QRectF target = imageRect();
  painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
  painter.drawImage(target, m_image);
  paintDepthScale(painter, target);
  if (m_overlaysVisible) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const OverlayPainter& overlay : m_overlays) {
      painter.setTransform(mmToWidget());
      overlay(painter, *m_frame);
    }
    painter.restore();
  }
  if (m_frame->frameId != m_lastPaintedId) {
    m_lastPaintedId = m_frame->frameId;
    emit framePainted(m_frame->frameId, m_frame->hostReceiveNs);
  }
}

void ImageView::paintDepthScale(QPainter& painter, const QRectF& imageRect) const {
  const double depthMm = m_frame->height * m_frame->spacingMm.y();
  const double pxPerMm = imageRect.height() / depthMm;
  painter.setPen(QColor(200, 200, 200));
  QFont font = painter.font();
  font.setPointSizeF(8.5);
  painter.setFont(font);
  const double x = imageRect.left() - 6.0;
  painter.drawLine(QPointF(x, imageRect.top()), QPointF(x, imageRect.bottom()));
  for (int mm = 0; mm <= static_cast<int>(depthMm); mm += 5) {
    const double y = imageRect.top() + mm * pxPerMm;
    const bool major = mm % 10 == 0;
    painter.drawLine(QPointF(x - (major ? 7.0 : 4.0), y), QPointF(x, y));
    if (major && mm % 20 == 0)
      painter.drawText(QRectF(0, y - 8, x - 9, 16), Qt::AlignRight | Qt::AlignVCenter,
                       QString::number(mm / 10) + " cm");
  }
}

}  // namespace hipguide::app
