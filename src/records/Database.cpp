#include <hipguide/records/Database.h>

#include <QDateTime>
#include <QSqlError>
#include <QSqlRecord>

#include <atomic>
#include <fstream>
#include <utility>

namespace hipguide::records {
namespace {

namespace fs = std::filesystem;

QString quoted(const fs::path& file) { return QString::fromStdString("'" + file.string() + "'"); }

/// A connection name unique in this process (Qt SQL keys connections by name).
QString nextConnectionName() {
  static std::atomic<int> counter{0};
  return QStringLiteral("hipguide-db-%1").arg(counter.fetch_add(1));
}

/// Fails early with a clear message when the file exists but is not an SQLite database, so that
/// SQLite never rewrites somebody's other file.
void checkIsSqliteFile(const fs::path& file) {
  std::error_code error;
  if (fs::file_size(file, error) == 0 || error) return;  // empty: SQLite starts a new database
  std::ifstream in(file, std::ios::binary);
  char magic[16] = {};
  in.read(magic, sizeof magic);
  if (std::string(magic, 15) != "SQLite format 3")
    throw DatabaseError("'" + file.string() +
                        "' is not a HipGuide database (not an SQLite file); choose another file with --db or "
                        "move this one away");
}

/// Creates an empty file readable by its owner only; SQLite fills it on first write.
void createPrivateFile(const fs::path& file) {
  if (file.has_parent_path()) fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary).close();
  if (!fs::exists(file)) throw DatabaseError("cannot create database file '" + file.string() + "'");
}

bool isLockError(const QSqlError& error) {
  const QString text = error.databaseText().toLower();
  return text.contains("locked") || text.contains("busy");
}

}  // namespace

Database::Database(std::filesystem::path file, QString connectionName)
    : m_file(std::move(file)), m_connectionName(std::move(connectionName)) {}

Database::Database(Database&& other) noexcept
    : m_file(std::move(other.m_file)), m_connectionName(std::exchange(other.m_connectionName, QString())) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    close();
    m_file = std::move(other.m_file);
    m_connectionName = std::exchange(other.m_connectionName, QString());
  }
  return *this;
}

Database::~Database() { close(); }

void Database::close() noexcept {
  if (m_connectionName.isEmpty()) return;
  QSqlDatabase::database(m_connectionName, false).close();
  QSqlDatabase::removeDatabase(m_connectionName);
  m_connectionName.clear();
}

Database Database::open(const fs::path& file, const std::vector<SchemaComponent>& components, OpenMode mode,
                        int busyTimeoutMs) {
  if (!QSqlDatabase::isDriverAvailable("QSQLITE"))
    throw DatabaseError("the Qt SQLite driver is missing; install libqt6sql6-sqlite (scripts/setup does)");
  const bool existed = fs::exists(file);
  if (!existed && mode == OpenMode::ExistingOnly)
    throw DatabaseError("database '" + file.string() + "' does not exist; check the path or create it first");
  if (existed)
    checkIsSqliteFile(file);
  else
    createPrivateFile(file);
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);

  Database database(file, nextConnectionName());
  QSqlDatabase connection = QSqlDatabase::addDatabase("QSQLITE", database.m_connectionName);
  connection.setDatabaseName(QString::fromStdString(file.string()));
  connection.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
  if (!connection.open())
    throw DatabaseError("cannot open database " + quoted(file).toStdString() + ": " +
                        connection.lastError().text().toStdString());
  database.exec("PRAGMA foreign_keys = ON");
  for (const SchemaComponent& component : components) database.checkNotNewer(component);
  for (const SchemaComponent& component : components) database.migrate(component);
  return database;
}

QSqlDatabase Database::connection() const { return QSqlDatabase::database(m_connectionName, false); }

QSqlQuery Database::exec(const QString& sql, const QVariantList& bindings) const {
  QSqlQuery query(connection());
  const auto fail = [&](const QSqlError& error) {
    if (isLockError(error))
      throw DatabaseError(
          "database " + quoted(m_file).toStdString() +
          " is locked by another program; close the other HipGuide or tool using it and retry");
    QString message = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    if (message.contains("not a database"))
      message = "the file is not an SQLite database; choose another file with --db";
    throw DatabaseError("database " + quoted(m_file).toStdString() + ": " + message.toStdString() +
                        " (in: " + sql.simplified().left(120).toStdString() + ")");
  };
  if (!query.prepare(sql)) fail(query.lastError());
  for (const QVariant& value : bindings) query.addBindValue(value);
  if (!query.exec()) fail(query.lastError());
  return query;
}

void Database::transaction(const std::function<void()>& work) const {
  exec("BEGIN IMMEDIATE");
  try {
    work();
  } catch (...) {
    exec("ROLLBACK");
    throw;
  }
  exec("COMMIT");
}

int Database::schemaVersion(const std::string& component) const {
  QSqlQuery table = exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
  if (!table.next()) return 0;
  QSqlQuery query =
      exec("SELECT version FROM schema_version WHERE component = ?", {QString::fromStdString(component)});
  return query.next() ? query.value(0).toInt() : 0;
}

void Database::checkNotNewer(const SchemaComponent& component) const {
  const int stored = schemaVersion(component.name);
  if (stored > component.currentVersion())
    throw DatabaseError("database '" + m_file.string() + "' was written by a newer HipGuide (" +
                        component.name + " schema v" + std::to_string(stored) + ", this build knows up to v" +
                        std::to_string(component.currentVersion()) +
                        "); open it with a newer HipGuide or use another file. It was not changed.");
}

void Database::migrate(const SchemaComponent& component) const {
  for (std::size_t index = 0; index < component.migrations.size(); ++index)
    if (component.migrations[index].version != static_cast<int>(index) + 1)
      throw std::logic_error("schema '" + component.name +
                             "': migration versions must run 1, 2, 3 ... without gaps");
  for (const Migration& step : component.migrations) {
    if (step.version <= schemaVersion(component.name)) continue;
    transaction([&] {
      exec(
          "CREATE TABLE IF NOT EXISTS schema_version (component TEXT PRIMARY KEY, version INTEGER NOT NULL, "
          "summary TEXT NOT NULL, migrated_at TEXT NOT NULL)");
      for (const std::string& statement : step.statements) exec(QString::fromStdString(statement));
      exec(
          "INSERT INTO schema_version (component, version, summary, migrated_at) VALUES (?, ?, ?, ?) "
          "ON CONFLICT(component) DO UPDATE SET version = excluded.version, summary = excluded.summary, "
          "migrated_at = excluded.migrated_at",
          {QString::fromStdString(component.name), step.version, QString::fromStdString(step.summary),
           QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
    });
  }
}

}  // namespace hipguide::records
