#include <hipguide/app/KeyImage.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <stdexcept>

namespace hipguide::app {
namespace {

QJsonArray clearancesJson(const std::vector<guidance::StructureClearance>& clearances) {
  QJsonArray array;
  for (const guidance::StructureClearance& clearance : clearances)
    array.append(QJsonObject{{"structure", QString::fromStdString(clearance.structure)},
                             {"clearance_mm", clearance.clearanceMm}});
  return array;
}

}  // namespace

QString saveKeyImage(const QImage& image, const guidance::GuidanceState& state, const QString& folder) {
  if (!QDir().mkpath(folder))
    throw std::runtime_error("cannot create key-image folder '" + folder.toStdString() + "'");
  const QString stem =
      QDir(folder).filePath(QStringLiteral("keyimage-%1-%2")
                                .arg(state.frameId)
                                .arg(QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss")));
  const QString pngPath = stem + ".png";
  if (!image.save(pngPath, "PNG"))
    throw std::runtime_error("cannot write key image '" + pngPath.toStdString() + "'");

  QJsonArray alerts;
  for (const guidance::Alert& alert : state.alerts)
    alerts.append(QString::fromStdString(guidance::describe(alert)));
  QJsonObject sidecar{
      {"image", QFileInfo(pngPath).fileName()},
      {"frame_id", static_cast<qint64>(state.frameId)},
      {"captured_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
      {"needle_detected", state.estimate.detected},
      {"tracker_confidence", state.estimate.confidence},
      {"path_clearances", clearancesJson(state.pathClearances)},
      {"tip_clearances", clearancesJson(state.tipClearances)},
      {"alerts", alerts},
  };
  if (state.tipToTargetMm) sidecar.insert("tip_to_target_mm", *state.tipToTargetMm);
  if (state.estimate.detected)
    sidecar.insert("tip_image_mm", QJsonArray{state.estimate.tipMm.x(), state.estimate.tipMm.y()});
  QFile file(stem + ".json");
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
    throw std::runtime_error("cannot write '" + file.fileName().toStdString() + "'");
  file.write(QJsonDocument(sidecar).toJson());
  return pngPath;
}

}  // namespace hipguide::app
