#include <hipguide/procedure/ProcedureStore.h>

#include <hipguide/core/Logging.h>
#include <hipguide/procedure/ProcedureSchema.h>

#include <QBuffer>
#include <QSqlQuery>

namespace hipguide::procedure {
namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }
QString timeText(const QDateTime& time) { return time.toUTC().toString(Qt::ISODateWithMs); }
QDateTime timeFrom(const QVariant& value) {
  QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
  time.setTimeSpec(Qt::UTC);
  return time;
}

/// NULL for an empty optional, as SQLite stores "not entered".
template <typename T>
QVariant nullable(const std::optional<T>& value) {
  return value ? QVariant::fromValue(*value) : QVariant();
}
std::optional<double> optionalDouble(const QVariant& value) {
  return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}
std::optional<int> optionalInt(const QVariant& value) {
  return value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
}

QByteArray pngBytes(const QImage& image) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  if (!image.save(&buffer, "PNG")) throw ProcedureError("a key image could not be encoded as PNG");
  return bytes;
}

const QString kRecordColumns = QStringLiteral(
    "patient_id, operator, started_at, type, side, needle_gauge, needle_length_mm, needle_kind, pain_before, "
    "pain_after, pain_later, pain_later_days, injected_at, tip_to_target_mm, min_vessel_clearance_mm, "
    "min_nerve_clearance_mm, complication_other, aftercare, recording");

QVariantList recordValues(const Procedure& p) {
  return {text(p.patientId),
          text(p.operatorName),
          timeText(p.startedAt),
          text(procedureTypeInfo(p.type).id),
          text(std::string(toString(p.side))),
          p.needle.gauge,
          p.needle.lengthMm,
          text(p.needle.kind),
          nullable(p.pain.before),
          nullable(p.pain.immediatelyAfter),
          nullable(p.pain.later),
          nullable(p.pain.laterAfterDays),
          p.injectedAt ? QVariant(timeText(*p.injectedAt)) : QVariant(),
          nullable(p.tipToTargetAtInjectionMm),
          nullable(p.minVesselClearanceMm),
          nullable(p.minNerveClearanceMm),
          text(p.complications.otherText),
          text(p.aftercare),
          text(p.recording)};
}

/// Fills the record's own columns from a query positioned on a row of `SELECT id, <columns>`.
Procedure recordFrom(const QSqlQuery& row) {
  Procedure p;
  p.id = row.value(0).toLongLong();
  p.patientId = row.value(1).toString().toStdString();
  p.operatorName = row.value(2).toString().toStdString();
  p.startedAt = timeFrom(row.value(3));
  p.type = procedureTypeFromId(row.value(4).toString().toStdString());
  p.side = sideFromString(row.value(5).toString().toStdString());
  p.needle = {row.value(6).toInt(), row.value(7).toDouble(), row.value(8).toString().toStdString()};
  p.pain = {optionalInt(row.value(9)), optionalInt(row.value(10)), optionalInt(row.value(11)),
            optionalDouble(row.value(12))};
  if (!row.value(13).isNull()) p.injectedAt = timeFrom(row.value(13));
  p.tipToTargetAtInjectionMm = optionalDouble(row.value(14));
  p.minVesselClearanceMm = optionalDouble(row.value(15));
  p.minNerveClearanceMm = optionalDouble(row.value(16));
  p.complications.otherText = row.value(17).toString().toStdString();
  p.aftercare = row.value(18).toString().toStdString();
  p.recording = row.value(19).toString().toStdString();
  return p;
}

}  // namespace

ProcedureStore::ProcedureStore(const records::Database& database) : m_database(database) {
  if (m_database.schemaVersion(procedureSchema().name) < procedureSchema().currentVersion())
    throw records::DatabaseError("database '" + database.file().string() +
                                 "' was not opened with the procedure schema (procedureSchema())");
}

std::int64_t ProcedureStore::save(Procedure& procedure) const {
  validate(procedure);
  const bool isNew = procedure.id == 0;
  m_database.transaction([&] {
    const QVariantList values = recordValues(procedure);
    if (isNew) {
      QString marks = QStringLiteral("?");
      for (qsizetype i = 1; i < values.size(); ++i) marks += QStringLiteral(", ?");
      const QSqlQuery query = m_database.exec(
          "INSERT INTO procedure_record (" + kRecordColumns + ") VALUES (" + marks + ")", values);
      procedure.id = query.lastInsertId().toLongLong();
    } else {
      QString assignments;
      for (const QString& column : kRecordColumns.split(QStringLiteral(", ")))
        assignments += (assignments.isEmpty() ? "" : ", ") + column + " = ?";
      QVariantList bindings = values;
      bindings.push_back(QVariant::fromValue(procedure.id));
      const QSqlQuery query =
          m_database.exec("UPDATE procedure_record SET " + assignments + " WHERE id = ?", bindings);
      if (query.numRowsAffected() != 1)
        throw ProcedureError("no stored procedure has id " + std::to_string(procedure.id));
    }
    saveChildren(procedure);
  });
  core::logger("procedure")
      ->info("{} procedure {} ({}, {} key images)", isNew ? "stored" : "updated", procedure.id,
             procedureTypeInfo(procedure.type).id, procedure.keyImages.size());
  return procedure.id;
}

void ProcedureStore::saveChildren(const Procedure& p) const {
  for (const char* table :
       {"procedure_checklist", "procedure_injectate", "procedure_complication", "procedure_key_image"})
    m_database.exec(QStringLiteral("DELETE FROM %1 WHERE procedure_id = ?").arg(table),
                    {QVariant::fromValue(p.id)});
  const QVariant id = QVariant::fromValue(p.id);
  for (const auto& info : checklistItems())
    if (p.checklist.isTicked(info.item))
      m_database.exec("INSERT INTO procedure_checklist (procedure_id, item) VALUES (?, ?)",
                      {id, text(info.id)});
  for (std::size_t i = 0; i < p.injectate.size(); ++i) {
    const auto& c = p.injectate[i];
    m_database.exec(
        "INSERT INTO procedure_injectate (procedure_id, position, drug, drug_class, dose, dose_unit, "
        "volume_ml) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        {id, static_cast<int>(i), text(c.drug), text(std::string(toString(c.drugClass))), c.dose,
         text(c.doseUnit), c.volumeMl});
  }
  for (std::size_t i = 0; i < p.complications.noted.size(); ++i)
    m_database.exec(
        "INSERT INTO procedure_complication (procedure_id, position, complication) VALUES (?, ?, ?)",
        {id, static_cast<int>(i), text(complicationInfo(p.complications.noted[i]).id)});
  for (std::size_t i = 0; i < p.keyImages.size(); ++i) {
    const KeyImage& k = p.keyImages[i];
    m_database.exec(
        "INSERT INTO procedure_key_image (procedure_id, position, captured_at, frame_id, at_injection, "
        "tip_to_target_mm, nearest_vessel_mm, nearest_nerve_mm, caption, png, pixel_spacing_mm) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {id, static_cast<int>(i), timeText(k.capturedAt), QVariant::fromValue(static_cast<qint64>(k.frameId)),
         k.atInjection ? 1 : 0, nullable(k.tipToTargetMm), nullable(k.nearestVesselMm),
         nullable(k.nearestNerveMm), text(k.caption), pngBytes(k.image), k.pixelSpacingMm});
  }
}

Procedure ProcedureStore::load(std::int64_t id) const {
  QSqlQuery row = m_database.exec("SELECT id, " + kRecordColumns + " FROM procedure_record WHERE id = ?",
                                  {QVariant::fromValue(id)});
  if (!row.next())
    throw ProcedureError("no stored procedure has id " + std::to_string(id) + " in '" +
                         m_database.file().string() + "' (hipguide-cli procedures lists them)");
  Procedure procedure = recordFrom(row);
  loadChildren(procedure);
  return procedure;
}

void ProcedureStore::loadChildren(Procedure& p) const {
  const QVariantList id = {QVariant::fromValue(p.id)};
  QSqlQuery checks = m_database.exec("SELECT item FROM procedure_checklist WHERE procedure_id = ?", id);
  while (checks.next()) p.checklist.tick(checklistItemFromId(checks.value(0).toString().toStdString()));
  QSqlQuery drugs = m_database.exec(
      "SELECT drug, drug_class, dose, dose_unit, volume_ml FROM procedure_injectate WHERE procedure_id = ? "
      "ORDER BY position",
      id);
  while (drugs.next())
    p.injectate.push_back({drugs.value(0).toString().toStdString(),
                           drugClassFromString(drugs.value(1).toString().toStdString()),
                           drugs.value(2).toDouble(), drugs.value(3).toString().toStdString(),
                           drugs.value(4).toDouble()});
  QSqlQuery noted = m_database.exec(
      "SELECT complication FROM procedure_complication WHERE procedure_id = ? ORDER BY position", id);
  while (noted.next())
    p.complications.noted.push_back(complicationFromId(noted.value(0).toString().toStdString()));
  QSqlQuery images = m_database.exec(
      "SELECT captured_at, frame_id, at_injection, tip_to_target_mm, nearest_vessel_mm, nearest_nerve_mm, "
      "caption, "
      "png, pixel_spacing_mm FROM procedure_key_image WHERE procedure_id = ? ORDER BY position",
      id);
  while (images.next()) {
    KeyImage k;
    k.capturedAt = timeFrom(images.value(0));
    k.frameId = static_cast<std::uint64_t>(images.value(1).toLongLong());
    k.atInjection = images.value(2).toInt() != 0;
    k.tipToTargetMm = optionalDouble(images.value(3));
    k.nearestVesselMm = optionalDouble(images.value(4));
    k.nearestNerveMm = optionalDouble(images.value(5));
    k.caption = images.value(6).toString().toStdString();
    if (!k.image.loadFromData(images.value(7).toByteArray(), "PNG"))
      throw ProcedureError("key image " + std::to_string(p.keyImages.size() + 1) + " of procedure " +
                           std::to_string(p.id) + " is not a readable PNG");
    k.pixelSpacingMm = images.value(8).toDouble();
    p.keyImages.push_back(std::move(k));
  }
}

std::vector<ProcedureSummary> ProcedureStore::list() const {
  QSqlQuery rows = m_database.exec(
      "SELECT r.id, r.started_at, r.type, r.side, r.patient_id, r.operator, r.injected_at IS NOT NULL, "
      "(SELECT COUNT(*) FROM procedure_key_image k WHERE k.procedure_id = r.id) "
      "FROM procedure_record r ORDER BY r.started_at, r.id");
  std::vector<ProcedureSummary> summaries;
  while (rows.next())
    summaries.push_back({rows.value(0).toLongLong(), timeFrom(rows.value(1)),
                         procedureTypeFromId(rows.value(2).toString().toStdString()),
                         sideFromString(rows.value(3).toString().toStdString()),
                         rows.value(4).toString().toStdString(), rows.value(5).toString().toStdString(),
                         rows.value(6).toInt() != 0, rows.value(7).toInt()});
  return summaries;
}

}  // namespace hipguide::procedure
