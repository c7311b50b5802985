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
  update();
}

void ImageView::addOverlay(OverlayPainter overlay) { m_overlays.push_back(std::move(overlay)); }

void ImageView::setOverlaysVisible(bool visible) {
  m_overlaysVisible = visible;
  update();
}

QRectF ImageView::imageRect() const {
  if (!hasImage()) return {};
  // Physical aspect: pixels may not be square.
  const double widthMm = m_frame->width * m_frame->spacingMm.x();
  const double heightMm = m_frame->height * m_frame->spacingMm.y();
  const QRectF area(kScaleMarginPx, 4.0, width() - kScaleMarginPx - 4.0, height() - 8.0);
  const double scale = std::min(area.width() / widthMm, area.height() / heightMm);
  // Whole pixels, so that the scaled image and the overlays' transform agree exactly.
  const QSize size(static_cast<int>(widthMm * scale), static_cast<int>(heightMm * scale));
  return QRect(static_cast<int>(area.left() + (area.width() - size.width()) / 2.0),
               static_cast<int>(area.top()), size.width(), size.height());
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
  if (!hasImage()) {
    painter.setPen(QColor(150, 150, 150));
    painter.drawText(rect(), Qt::AlignCenter, tr("No image: waiting for the source"));
    return;
  }
  const QRectF target = imageRect();
  painter.drawImage(target.topLeft(), m_display.scaled(m_frame, target.size().toSize()));
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

void ImageView::paintDepthScale(QPainter& painter, const QRectF& imageRect) {
  const double depthMm = m_frame->spacingCalibrated() ? m_frame->height * m_frame->spacingMm.y() : 0.0;
  const QSize size(static_cast<int>(imageRect.left()), static_cast<int>(imageRect.bottom()) + 10);
  if (m_depthScale.size() != size || m_depthScaleMm != depthMm || m_depthScaleTop != imageRect.top()) {
    m_depthScale = drawDepthScale(size, imageRect.top(), imageRect.height(), depthMm);
    m_depthScaleMm = depthMm;
    m_depthScaleTop = imageRect.top();
  }
  painter.drawImage(QPointF(0, 0), m_depthScale);
}

QImage ImageView::drawDepthScale(QSize size, double topPx, double heightPx, double depthMm) {
  QImage image(size, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  QPainter painter(&image);
  painter.setPen(depthMm > 0.0 ? QColor(200, 200, 200) : QColor(230, 180, 90));
  QFont font = painter.font();
  font.setPointSizeF(8.5);
  painter.setFont(font);
  const double x = size.width() - 6.0;
  painter.drawLine(QPointF(x, topPx), QPointF(x, topPx + heightPx));
  if (depthMm > 0.0) {
    const double pxPerMm = heightPx / depthMm;
    for (int mm = 0; mm <= static_cast<int>(depthMm); mm += 5) {
      const double y = topPx + mm * pxPerMm;
      const bool major = mm % 10 == 0;
      painter.drawLine(QPointF(x - (major ? 7.0 : 4.0), y), QPointF(x, y));
      if (major && mm % 20 == 0)
        painter.drawText(QRectF(0, y - 8, x - 9, 16), Qt::AlignRight | Qt::AlignVCenter,
                         QString::number(mm / 10) + " cm");
    }
  } else {
    // Written upward along the scale, where the centimetres would be.
    painter.translate(x - 8.0, topPx + heightPx / 2.0);
    painter.rotate(-90.0);
    painter.drawText(QRectF(-heightPx / 2.0, -14.0, heightPx, 14.0), Qt::AlignCenter,
                     tr("no depth: the pixel spacing is not calibrated"));
  }
  return image;
}

}  // namespace hipguide::app
