#include <hipguide/procedure/KeyImageCapture.h>

#include <hipguide/procedure/GuidanceOverlay.h>

#include <QPainter>

#include <algorithm>
#include <cstdio>

namespace hipguide::procedure {
namespace {

QImage framePixels(const core::Frame& frame) {
  if (!frame.rgb.empty())
    return QImage(frame.rgb.data(), frame.width, frame.height, frame.width * 3, QImage::Format_RGB888)
        .convertToFormat(QImage::Format_RGB32);
  return QImage(frame.grey.data(), frame.width, frame.height, frame.width, QImage::Format_Grayscale8)
      .convertToFormat(QImage::Format_RGB32);
}

std::string millimetres(double valueMm) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f mm", valueMm);
  return text;
}

}  // namespace

QImage renderGuidedFrame(const guidance::GuidedFrame& guided) {
  if (!guided.frame || guided.frame->empty()) return {};
  const core::Frame& frame = *guided.frame;
  QImage image = framePixels(frame);
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.save();
  // Image mm → pixels; mm are measured from the centre of the top-left pixel.
  painter.translate(0.5, 0.5);
  painter.scale(1.0 / frame.spacingMm.x(), 1.0 / frame.spacingMm.y());
  paintGuidanceOverlay(painter, guided, frame.spacingMm.x());
  painter.restore();
  const auto& tipToTarget = guided.guidance.tipToTargetMm;
  const QString caption =
      tipToTarget ? QStringLiteral("Tip to target %1").arg(QString::fromStdString(millimetres(*tipToTarget)))
                  : QStringLiteral("Tip to target: not measured");
  QFont font(QStringLiteral("DejaVu Sans"));
  font.setPixelSize(std::max(12, image.height() / 32));
  painter.setFont(font);
  const QRect box(0, 0, image.width(), font.pixelSize() * 2);
  painter.fillRect(box, QColor(0, 0, 0, 150));
  painter.setPen(OverlayColours::target());
  painter.drawText(box.adjusted(font.pixelSize() / 2, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, caption);
  return image;
}

std::optional<double> nearestClearanceMm(const std::vector<guidance::StructureClearance>& clearances,
                                         const anatomy::LabelTable& table, anatomy::TissueRole role) {
  std::optional<double> nearest;
  for (const guidance::StructureClearance& clearance : clearances) {
    const anatomy::LabelInfo* label = table.find(std::string_view(clearance.structure));
    if (label && label->role == role)
      nearest = std::min(nearest.value_or(clearance.clearanceMm), clearance.clearanceMm);
  }
  return nearest;
}

KeyImage makeKeyImage(QImage image, const guidance::GuidanceState& state, const anatomy::LabelTable& table,
                      double pixelSpacingMm, bool atInjection) {
  KeyImage key;
  key.image = std::move(image);
  key.capturedAt = QDateTime::currentDateTimeUtc();
  key.frameId = state.frameId;
  key.pixelSpacingMm = pixelSpacingMm;
  key.atInjection = atInjection;
  key.tipToTargetMm = state.tipToTargetMm;
  const auto nearest = [&](anatomy::TissueRole role) {
    const auto tip = nearestClearanceMm(state.tipClearances, table, role);
    const auto path = nearestClearanceMm(state.pathClearances, table, role);
    if (tip && path) return std::optional<double>(std::min(*tip, *path));
    return tip ? tip : path;
  };
  key.nearestVesselMm = nearest(anatomy::TissueRole::Vessel);
  key.nearestNerveMm = nearest(anatomy::TissueRole::Nerve);
  return key;
}

std::string describeKeyImage(const KeyImage& key, int number) {
  std::string text = "Key image " + std::to_string(number) + (key.atInjection ? " (at injection)" : "") +
                     ", " + key.capturedAt.toUTC().toString("HH:mm:ss").toStdString() + " UTC: ";
  text += key.tipToTargetMm ? "tip " + millimetres(*key.tipToTargetMm) + " from target" : "tip not measured";
  if (key.nearestVesselMm) text += "; nearest vessel " + millimetres(*key.nearestVesselMm);
  if (key.nearestNerveMm) text += "; nearest nerve " + millimetres(*key.nearestNerveMm);
  if (!key.caption.empty()) text += ". " + key.caption;
  return text;
}

}  // namespace hipguide::procedure
