#pragma once
/// Saving and loading procedure records in the workstation database.

#include <hipguide/procedure/Procedure.h>
#include <hipguide/records/Database.h>

#include <cstdint>
#include <vector>

namespace hipguide::procedure {

/// One line of the procedure list.
struct ProcedureSummary {
  std::int64_t id = 0;
  QDateTime startedAt;
  ProcedureType type = ProcedureType::IntraArticular;
  Side side = Side::Right;
  std::string patientId;
  std::string operatorName;
  bool injected = false;
  int keyImageCount = 0;
};

/// Reads and writes procedures in a database opened with procedureSchema(). Does not own the
/// database, which must outlive it; same thread rule as records::Database. Logs ids and types,
/// never the patient id.
class ProcedureStore {
 public:
  /// Throws records::DatabaseError when the database lacks the procedure tables.
  explicit ProcedureStore(const records::Database& database);

  /// Validates and stores `procedure` in one transaction: a new row when its id is 0 (the id is
  /// set), else replaces the stored record of that id. Returns the id. Throws ProcedureError for
  /// an invalid record or an unknown id, records::DatabaseError when the database fails.
  std::int64_t save(Procedure& procedure) const;
  /// The stored record; throws ProcedureError when no procedure has that id.
  Procedure load(std::int64_t id) const;
  /// Every stored procedure, oldest first.
  std::vector<ProcedureSummary> list() const;

 private:
  void saveChildren(const Procedure& procedure) const;
  void loadChildren(Procedure& procedure) const;

  const records::Database& m_database;
};

}  // namespace hipguide::procedure
