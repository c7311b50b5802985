#pragma once
/// Every trainee's attempts, scores and time series in the workstation database.

#include <hipguide/records/Database.h>
#include <hipguide/training/AttemptRunner.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hipguide::training {

/// One trainee with counts of attempts.
struct TraineeSummary {
  std::int64_t id = 0;
  std::string name;
  int attempts = 0;
  int passed = 0;
};

/// One stored attempt with its scores (key → value; NaN for a stored null).
struct AttemptRecord {
  std::int64_t id = 0;
  std::string trainee;
  std::string scenario;
  std::string target;
  std::string driver;
  std::string startedAt;  ///< ISO 8601 UTC.
  std::uint32_t seed = 0;
  bool passed = false;
  std::string recording;
  std::map<std::string, double> scores;
};

/// One point of a stored time series (the debrief and report plots).
struct StoredSample {
  double timeS = 0;
  double tipToTargetMm = 0;    ///< NaN without a needle.
  double nearestVesselMm = 0;  ///< NaN while not inserted.
  double nearestNerveMm = 0;   ///< NaN while not inserted.
  bool tipInImage = false;
};

/// The training history on a records::Database holding the "training" component (and any
/// other, e.g. "procedure", in the same file). Move-only; use on the thread that opened it.
class TrainingHistory {
 public:
  /// Opens or creates the database file and migrates the training tables. Throws
  /// records::DatabaseError (missing in ExistingOnly mode, locked, newer, not a database).
  static TrainingHistory open(const std::filesystem::path& file,
                              records::OpenMode mode = records::OpenMode::CreateIfMissing,
                              int busyTimeoutMs = 2000);
  explicit TrainingHistory(records::Database database);

  /// The trainee's id, adding the trainee when new. Throws std::invalid_argument for an empty name.
  std::int64_t traineeId(const std::string& name);
  std::vector<TraineeSummary> trainees() const;
  /// Stores an attempt with its scores and time series in one transaction; returns its id.
  std::int64_t addAttempt(const std::string& trainee, const AttemptResult& result);
  /// The attempts of a trainee (all trainees when empty), oldest first, with scores.
  std::vector<AttemptRecord> attempts(const std::string& trainee = {}) const;
  /// The time series of one attempt.
  std::vector<StoredSample> samples(std::int64_t attemptId) const;
  /// Writes one row per attempt: id, trainee, started_at, scenario, target, driver, seed,
  /// passed, recording, then every stored score key in alphabetical order (empty cell: not
  /// measured). Throws std::runtime_error naming the file when it cannot be written.
  void exportCsv(const std::filesystem::path& file, const std::string& trainee = {}) const;
  const records::Database& database() const { return m_database; }

 private:
  records::Database m_database;
};

}  // namespace hipguide::training
