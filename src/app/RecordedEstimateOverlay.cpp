#include <hipguide/app/RecordedEstimateOverlay.h>

#include <QObject>
#include <QPainter>

namespace hipguide::app {

void paintRecordedEstimate(QPainter& painter, const core::NeedleEstimate& estimate, double mmPerPixel) {
  if (!estimate.detected) return;
  const QColor orange(255, 150, 30);
  const QPointF tip(estimate.tipMm.x(), estimate.tipMm.y());
  const QPointF entry(estimate.entryMm.x(), estimate.entryMm.y());
  QPen shaft(orange, 2.5 * mmPerPixel, Qt::DashLine);
  shaft.setCosmetic(false);
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(shaft);
  painter.drawLine(entry, tip);
  painter.setPen(QPen(orange, 2.0 * mmPerPixel));
  painter.setBrush(Qt::NoBrush);
  painter.drawEllipse(tip, 9 * mmPerPixel, 9 * mmPerPixel);
  QFont font = painter.font();
  font.setPointSizeF(12 * mmPerPixel);
  painter.setFont(font);
  painter.drawText(tip + QPointF(12 * mmPerPixel, 18 * mmPerPixel), QObject::tr("recorded"));
  painter.restore();
}

}  // namespace hipguide::app
