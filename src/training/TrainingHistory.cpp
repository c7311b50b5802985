#include <hipguide/training/TrainingHistory.h>

#include <hipguide/training/TrainingSchema.h>

#include <QDateTime>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace hipguide::training {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Non-finite values are stored as SQL NULL.
QVariant sqlNumber(double value) { return std::isfinite(value) ? QVariant(value) : QVariant(); }
double fromSql(const QVariant& value) { return value.isNull() ? kNaN : value.toDouble(); }
QString text(const std::string& value) { return QString::fromStdString(value); }

}  // namespace

TrainingHistory TrainingHistory::open(const std::filesystem::path& file, records::OpenMode mode,
                                      int busyTimeoutMs) {
  return TrainingHistory(records::Database::open(file, {trainingSchema()}, mode, busyTimeoutMs));
}

TrainingHistory::TrainingHistory(records::Database database) : m_database(std::move(database)) {}

std::int64_t TrainingHistory::traineeId(const std::string& name) {
  if (name.empty()) throw std::invalid_argument("trainee name is empty");
  QSqlQuery found = m_database.exec("SELECT id FROM training_trainees WHERE name = ?", {text(name)});
  if (found.next()) return found.value(0).toLongLong();
  QSqlQuery added = m_database.exec("INSERT INTO training_trainees (name, created_at) VALUES (?, ?)",
                                    {text(name), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
  return added.lastInsertId().toLongLong();
}

std::vector<TraineeSummary> TrainingHistory::trainees() const {
  QSqlQuery query = m_database.exec(
      "SELECT t.id, t.name, COUNT(a.id), COALESCE(SUM(a.passed), 0) FROM training_trainees t "
      "LEFT JOIN training_attempts a ON a.trainee_id = t.id GROUP BY t.id ORDER BY t.name");
  std::vector<TraineeSummary> list;
  while (query.next())
    list.push_back({query.value(0).toLongLong(), query.value(1).toString().toStdString(),
                    query.value(2).toInt(), query.value(3).toInt()});
  return list;
}

std::int64_t TrainingHistory::addAttempt(const std::string& trainee, const AttemptResult& result) {
  std::int64_t attemptId = 0;
  m_database.transaction([&] {
    const std::int64_t traineeRow = traineeId(trainee);
    QSqlQuery inserted = m_database.exec(
        "INSERT INTO training_attempts (trainee_id, scenario, target, seed, driver, started_at, elapsed_s, "
        "final_tip_to_target_mm, passed, recording) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {qint64(traineeRow), text(result.exercise.scenario), text(result.exercise.targetStructure),
         qint64(result.seed), text(result.driver), QDateTime::currentDateTimeUtc().toString(Qt::ISODate),
         sqlNumber(result.scores.elapsedS), sqlNumber(result.scores.finalTipToTargetMm.value_or(kNaN)),
         result.verdict.passed ? 1 : 0, text(result.recording.string())});
    attemptId = inserted.lastInsertId().toLongLong();
    for (const NamedScore& score : scoreTable(result.scores))
      m_database.exec("INSERT INTO training_scores (attempt_id, key, value, unit) VALUES (?, ?, ?, ?)",
                      {qint64(attemptId), text(score.key), sqlNumber(score.value), text(score.unit)});
    for (const AttemptSample& sample : result.trace.samples)
      m_database.exec(
          "INSERT INTO training_samples (attempt_id, time_s, tip_to_target_mm, nearest_vessel_mm, "
          "nearest_nerve_mm, tip_in_image) VALUES (?, ?, ?, ?, ?, ?)",
          {qint64(attemptId), sample.timeS, sqlNumber(sample.tipToTargetMm),
           sqlNumber(result.trace.nearestMm(sample, false)), sqlNumber(result.trace.nearestMm(sample, true)),
           sample.tipInImage ? 1 : 0});
  });
  return attemptId;
}

std::vector<AttemptRecord> TrainingHistory::attempts(const std::string& trainee) const {
  QSqlQuery query = m_database.exec(
      "SELECT a.id, t.name, a.scenario, a.target, a.driver, a.started_at, a.seed, a.passed, a.recording "
      "FROM training_attempts a JOIN training_trainees t ON t.id = a.trainee_id "
      "WHERE ? = '' OR t.name = ? ORDER BY a.id",
      {text(trainee), text(trainee)});
  std::vector<AttemptRecord> list;
  std::map<std::int64_t, std::size_t> indexById;
  while (query.next()) {
    AttemptRecord record;
    record.id = query.value(0).toLongLong();
    record.trainee = query.value(1).toString().toStdString();
    record.scenario = query.value(2).toString().toStdString();
    record.target = query.value(3).toString().toStdString();
    record.driver = query.value(4).toString().toStdString();
    record.startedAt = query.value(5).toString().toStdString();
    record.seed = static_cast<std::uint32_t>(query.value(6).toLongLong());
    record.passed = query.value(7).toInt() != 0;
    record.recording = query.value(8).toString().toStdString();
    indexById[record.id] = list.size();
    list.push_back(std::move(record));
  }
  QSqlQuery scores = m_database.exec("SELECT attempt_id, key, value FROM training_scores");
  while (scores.next()) {
    const auto found = indexById.find(scores.value(0).toLongLong());
    if (found != indexById.end())
      list[found->second].scores[scores.value(1).toString().toStdString()] = fromSql(scores.value(2));
  }
  return list;
}

std::vector<StoredSample> TrainingHistory::samples(std::int64_t attemptId) const {
  QSqlQuery query = m_database.exec(
      "SELECT time_s, tip_to_target_mm, nearest_vessel_mm, nearest_nerve_mm, tip_in_image "
      "FROM training_samples WHERE attempt_id = ? ORDER BY time_s",
      {qint64(attemptId)});
  std::vector<StoredSample> list;
  while (query.next())
    list.push_back({query.value(0).toDouble(), fromSql(query.value(1)), fromSql(query.value(2)),
                    fromSql(query.value(3)), query.value(4).toInt() != 0});
  return list;
}

}  // namespace hipguide::training
