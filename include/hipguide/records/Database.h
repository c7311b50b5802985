#pragma once
/// The workstation's SQLite database (training history and procedure records) through Qt SQL,
/// with a versioned schema per component and forward-only migrations.

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hipguide::records {

/// Why the database cannot be used; the message names the file and says what to do.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One step of a component's schema: applied once, in a transaction, in version order.
struct Migration {
  int version = 0;                      ///< 1, 2, 3 ... without gaps.
  std::string summary;                  ///< What the step adds, for logs and `schemaHistory`.
  std::vector<std::string> statements;  ///< SQL run in order.
};

/// The tables of one part of the program (e.g. "training", "procedure"), versioned on its own
/// so that parts evolve independently in one file.
struct SchemaComponent {
  std::string name;
  std::vector<Migration> migrations;  ///< In version order; the last is the current version.
  int currentVersion() const { return migrations.empty() ? 0 : migrations.back().version; }
};

/// Whether open() may create a missing file.
enum class OpenMode { CreateIfMissing, ExistingOnly };

/// An open SQLite database with its components migrated to their current versions.
/// Move-only; closes its connection on destruction. Use it on the thread that opened it
/// (a Qt SQL rule). The file is created readable and writable by its owner only (0600), since
/// procedure records hold patient identifiers.
class Database {
 public:
  /// Opens (or creates) `file` and migrates each component. Throws DatabaseError, leaving the
  /// file untouched, when: the file is missing in ExistingOnly mode, is not an SQLite database,
  /// is locked by another program for longer than `busyTimeoutMs`, or holds a component written
  /// by a newer HipGuide (its version is above this build's current version).
  static Database open(const std::filesystem::path& file, const std::vector<SchemaComponent>& components,
                       OpenMode mode = OpenMode::CreateIfMissing, int busyTimeoutMs = 2000);

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  const std::filesystem::path& file() const { return m_file; }
  QSqlDatabase connection() const;

  /// The stored schema version of a component (0 when it has no tables yet).
  int schemaVersion(const std::string& component) const;

  /// Prepares and runs `sql` with positional `?` bindings; throws DatabaseError naming the
  /// statement and SQLite's reason. The returned query is positioned before the first row.
  QSqlQuery exec(const QString& sql, const QVariantList& bindings = {}) const;

  /// Runs `work` in one transaction: committed when it returns, rolled back when it throws.
  void transaction(const std::function<void()>& work) const;

 private:
  Database(std::filesystem::path file, QString connectionName);
  void close() noexcept;
  void migrate(const SchemaComponent& component) const;
  void checkNotNewer(const SchemaComponent& component) const;

  std::filesystem::path m_file;
  QString m_connectionName;  ///< Empty after a move.
};

}  // namespace hipguide::records
