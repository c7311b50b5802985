#include <hipguide/records/Database.h>

#include <QSqlError>

#include <gtest/gtest.h>

#include <fstream>

#include "../DatabaseErrors.h"
#include "../TestData.h"

namespace hipguide::records {
namespace {

namespace fs = std::filesystem;

const Migration kCreateNotes{
    1, "notes table", {"CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"}};
const Migration kAddAuthor{
    2, "note authors", {"ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT ''"}};

SchemaComponent notesV1() { return {"notes", {kCreateNotes}}; }
SchemaComponent notesV2() { return {"notes", {kCreateNotes, kAddAuthor}}; }

TEST(Database, CreatesFileReadableByOwnerOnlyAtCurrentVersion) {
  const fs::path file = test::freshTempDir() / "sub" / "hipguide.db";
  const Database database = Database::open(file, {notesV2()});
  EXPECT_EQ(database.schemaVersion("notes"), 2);
  EXPECT_EQ(database.schemaVersion("other"), 0);
  EXPECT_EQ(fs::status(file).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  database.exec("INSERT INTO notes (text, author) VALUES (?, ?)", {"first", "dr a"});
  EXPECT_TRUE(database.exec("SELECT author FROM notes").next());
}

TEST(Database, MigratesAnOldFileAndKeepsItsRows) {
  const fs::path file = test::freshTempDir() / "old.db";
  {
    const Database v1 = Database::open(file, {notesV1()});
    v1.exec("INSERT INTO notes (text) VALUES (?)", {"kept"});
  }
  const Database v2 = Database::open(file, {notesV2()});
  EXPECT_EQ(v2.schemaVersion("notes"), 2);
  QSqlQuery rows = v2.exec("SELECT text, author FROM notes");
  ASSERT_TRUE(rows.next());
  EXPECT_EQ(rows.value(0).toString(), "kept");
  EXPECT_EQ(rows.value(1).toString(), "");
}

TEST(Database, ComponentsAreVersionedIndependently) {
  const fs::path file = test::freshTempDir() / "two.db";
  const SchemaComponent other{"other", {{1, "t", {"CREATE TABLE t (x INTEGER)"}}}};
  const Database database = Database::open(file, {notesV2(), other});
  EXPECT_EQ(database.schemaVersion("notes"), 2);
  EXPECT_EQ(database.schemaVersion("other"), 1);
}

TEST(Database, AFailingMigrationRollsBackAndLeavesTheOldVersion) {
  const fs::path file = test::freshTempDir() / "broken.db";
  { Database::open(file, {notesV1()}); }
  const SchemaComponent broken{"notes", {kCreateNotes, {2, "broken", {"ALTER TABLE nowhere ADD COLUMN x"}}}};
  EXPECT_NE(test::databaseErrorOf([&] { Database::open(file, {broken}); }).find("nowhere"),
            std::string::npos);
  EXPECT_EQ(Database::open(file, {notesV1()}).schemaVersion("notes"), 1);
}

TEST(Database, RefusesAFileFromANewerVersionWithoutChangingIt) {
  const fs::path file = test::freshTempDir() / "newer.db";
  { Database::open(file, {notesV2()}); }
  const std::string before = test::fileBytes(file);
  const std::string message = test::databaseErrorOf([&] { Database::open(file, {notesV1()}); });
  EXPECT_NE(message.find("newer HipGuide"), std::string::npos) << message;
  EXPECT_NE(message.find("notes schema v2"), std::string::npos) << message;
  EXPECT_EQ(test::fileBytes(file), before);
}

TEST(Database, RefusesAMissingFileWhenAskedForAnExistingOne) {
  const fs::path file = test::freshTempDir() / "missing.db";
  const std::string message =
      test::databaseErrorOf([&] { Database::open(file, {notesV1()}, OpenMode::ExistingOnly); });
  EXPECT_NE(message.find("does not exist"), std::string::npos) << message;
  EXPECT_FALSE(fs::exists(file));
}

TEST(Database, RefusesAFileThatIsNotSqliteWithoutTouchingIt) {
  const fs::path file = test::freshTempDir() / "notes.txt";
  std::ofstream(file) << "shopping list: milk, eggs\n";
  const std::string message = test::databaseErrorOf([&] { Database::open(file, {notesV1()}); });
  EXPECT_NE(message.find("not an SQLite file"), std::string::npos) << message;
  EXPECT_EQ(test::fileBytes(file), "shopping list: milk, eggs\n");
}

TEST(Database, ReportsALockedDatabaseClearly) {
  const fs::path file = test::freshTempDir() / "locked.db";
  { Database::open(file, {notesV1()}); }
  const Database holder = Database::open(file, {notesV1()});
  holder.exec("BEGIN EXCLUSIVE");
  holder.exec("INSERT INTO notes (text) VALUES ('pending')");
  const std::string message =
      test::databaseErrorOf([&] { Database::open(file, {notesV2()}, OpenMode::ExistingOnly, 50); });
  EXPECT_NE(message.find("locked by another program"), std::string::npos) << message;
  holder.exec("ROLLBACK");
  EXPECT_EQ(Database::open(file, {notesV1()}).schemaVersion("notes"), 1);
}

TEST(Database, TransactionRollsBackWhenTheWorkThrows) {
  const Database database = Database::open(test::freshTempDir() / "tx.db", {notesV1()});
  EXPECT_THROW(database.transaction([&] {
    database.exec("INSERT INTO notes (text) VALUES ('lost')");
    throw std::runtime_error("stop");
  }),
               std::runtime_error);
  EXPECT_FALSE(database.exec("SELECT * FROM notes").next());
}

TEST(Database, StatementErrorsNameTheStatement) {
  const Database database = Database::open(test::freshTempDir() / "err.db", {notesV1()});
  const std::string message = test::databaseErrorOf([&] { database.exec("SELECT nothing FROM notes"); });
  EXPECT_NE(message.find("SELECT nothing FROM notes"), std::string::npos) << message;
}

}  // namespace
}  // namespace hipguide::records
