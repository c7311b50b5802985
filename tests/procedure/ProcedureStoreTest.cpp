#include <hipguide/core/Logging.h>
#include <hipguide/procedure/ProcedureReport.h>
#include <hipguide/procedure/ProcedureSchema.h>
#include <hipguide/procedure/ProcedureStore.h>
#include <hipguide/records/GuiApplication.h>

#include "ProcedureTestData.h"
#include "TestData.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace hipguide::procedure {
namespace {

namespace fs = std::filesystem;

records::Database openProcedures(const fs::path& file) {
  return records::Database::open(file, {procedureSchema()});
}

void expectSameImage(const QImage& a, const QImage& b) {
  EXPECT_EQ(a.convertToFormat(QImage::Format_RGB32), b.convertToFormat(QImage::Format_RGB32));
}

class ProcedureStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { records::ensureGuiApplication(); }
};

TEST_F(ProcedureStoreTest, RoundTripsEveryField) {
  const auto file = hipguide::test::freshTempDir() / "hipguide.db";
  Procedure original = test::exampleProcedure();
  {
    const auto database = openProcedures(file);
    EXPECT_EQ(ProcedureStore(database).save(original), 1);
  }
  EXPECT_EQ(original.id, 1);
  const auto database = openProcedures(file);
  const Procedure loaded = ProcedureStore(database).load(original.id);
  EXPECT_EQ(loaded.patientId, original.patientId);
  EXPECT_EQ(loaded.operatorName, original.operatorName);
  EXPECT_EQ(loaded.startedAt, original.startedAt);
  EXPECT_EQ(loaded.type, ProcedureType::Iliopsoas);
  EXPECT_EQ(loaded.side, Side::Left);
  EXPECT_TRUE(loaded.checklist.complete());
  ASSERT_EQ(loaded.injectate.size(), original.injectate.size());
  for (std::size_t i = 0; i < loaded.injectate.size(); ++i) {
    EXPECT_EQ(loaded.injectate[i].drug, original.injectate[i].drug);
    EXPECT_EQ(loaded.injectate[i].drugClass, original.injectate[i].drugClass);
    EXPECT_DOUBLE_EQ(loaded.injectate[i].dose, original.injectate[i].dose);
    EXPECT_DOUBLE_EQ(loaded.injectate[i].volumeMl, original.injectate[i].volumeMl);
  }
  EXPECT_EQ(loaded.needle.gauge, original.needle.gauge);
  EXPECT_EQ(loaded.needle.lengthMm, original.needle.lengthMm);
  EXPECT_EQ(loaded.pain.before, 8);
  EXPECT_EQ(loaded.pain.immediatelyAfter, 2);
  EXPECT_EQ(loaded.pain.later, 5);
  EXPECT_EQ(loaded.pain.laterAfterDays, 14.0);
  EXPECT_EQ(loaded.injectedAt, original.injectedAt);  // milliseconds kept
  EXPECT_EQ(loaded.tipToTargetAtInjectionMm, 1.26);
  EXPECT_EQ(loaded.minVesselClearanceMm, 6.5);
  EXPECT_EQ(loaded.minNerveClearanceMm, 8.3);
  EXPECT_EQ(loaded.complications.noted, original.complications.noted);
  EXPECT_EQ(loaded.complications.otherText, original.complications.otherText);
  EXPECT_EQ(loaded.aftercare, original.aftercare);
  EXPECT_EQ(loaded.recording, original.recording);
  ASSERT_EQ(loaded.keyImages.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const KeyImage& a = loaded.keyImages[i];
    const KeyImage& b = original.keyImages[i];
    expectSameImage(a.image, b.image);
    EXPECT_EQ(a.capturedAt, b.capturedAt);
    EXPECT_EQ(a.frameId, b.frameId);
    EXPECT_EQ(a.atInjection, b.atInjection);
    EXPECT_EQ(a.tipToTargetMm, b.tipToTargetMm);
    EXPECT_EQ(a.nearestVesselMm, b.nearestVesselMm);
    EXPECT_EQ(a.nearestNerveMm, b.nearestNerveMm);  // empty on the first one
    EXPECT_EQ(a.pixelSpacingMm, b.pixelSpacingMm);
    EXPECT_EQ(a.caption, b.caption);
  }
}

TEST_F(ProcedureStoreTest, UpdatesListsAndRejects) {
  const auto file = hipguide::test::freshTempDir() / "hipguide.db";
  const auto database = openProcedures(file);
  const ProcedureStore store(database);
  Procedure first = test::exampleProcedure();
  Procedure second = newProcedure(ProcedureType::TrochantericBursa, Side::Right, "PAT-2", "Dr. B");
  second.startedAt = first.startedAt.addSecs(3600);
  store.save(first);
  store.save(second);
  first.pain.later.reset();
  first.pain.laterAfterDays.reset();
  first.keyImages.pop_back();
  first.complications = {};
  store.save(first);
  const Procedure updated = store.load(first.id);
  EXPECT_FALSE(updated.pain.later);
  EXPECT_EQ(updated.keyImages.size(), 1u);
  EXPECT_TRUE(updated.complications.noted.empty());

  const auto list = store.list();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, first.id);  // started earlier
  EXPECT_EQ(list[0].keyImageCount, 1);
  EXPECT_TRUE(list[0].injected);
  EXPECT_EQ(list[1].type, ProcedureType::TrochantericBursa);
  EXPECT_FALSE(list[1].injected);

  EXPECT_THROW(store.load(99), ProcedureError);
  Procedure invalid = second;
  invalid.pain.before = 12;
  EXPECT_THROW(store.save(invalid), ProcedureError);
  Procedure ghost = second;
  ghost.id = 42;
  EXPECT_THROW(store.save(ghost), ProcedureError);
  EXPECT_EQ(store.list().size(), 2u);
}

TEST_F(ProcedureStoreTest, DatabaseFileIsOwnerOnly) {
  const auto file = hipguide::test::freshTempDir() / "private.db";
  const auto database = openProcedures(file);
  Procedure p = test::exampleProcedure();
  ProcedureStore(database).save(p);
  const auto perms = fs::status(file).permissions();
  EXPECT_EQ(perms & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
}

TEST_F(ProcedureStoreTest, MigratesVersionOneDatabases) {
  const auto file = hipguide::test::freshTempDir() / "v1.db";
  records::SchemaComponent v1 = procedureSchema();
  v1.migrations.resize(1);
  {
    const auto database = records::Database::open(file, {v1});
    database.exec(
        "INSERT INTO procedure_record (patient_id, operator, started_at, type, side, needle_gauge, "
        "needle_length_mm, "
        "needle_kind, aftercare) VALUES ('OLD-1', 'Dr. Old', '2025-01-02T03:04:05.000Z', 'intra-articular', "
        "'right', "
        "22, 90, 'spinal', 'Rest.')");
    database.exec(
        "INSERT INTO procedure_key_image (procedure_id, position, captured_at, frame_id, at_injection, png) "
        "VALUES (1, 0, '2025-01-02T03:05:00.000Z', 7, 1, ?)",
        {QByteArray::fromBase64(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC")});
    EXPECT_EQ(database.schemaVersion("procedure"), 1);
  }
  const auto database = openProcedures(file);
  EXPECT_EQ(database.schemaVersion("procedure"), 2);
  const Procedure old = ProcedureStore(database).load(1);
  EXPECT_EQ(old.patientId, "OLD-1");
  ASSERT_EQ(old.keyImages.size(), 1u);
  EXPECT_EQ(old.keyImages[0].pixelSpacingMm, 0.0);  // the v2 column's default
  EXPECT_EQ(old.keyImages[0].image.size(), QSize(1, 1));
}

TEST_F(ProcedureStoreTest, PatientIdNeverReachesTheLog) {
  const auto dir = hipguide::test::freshTempDir();
  const auto logFile = dir / "hipguide.log";
  core::addRotatingLogFile(logFile);
  Procedure p = test::exampleProcedure();
  {
    const auto database = openProcedures(dir / "hipguide.db");
    const ProcedureStore store(database);
    store.save(p);
    store.save(p);
    writeProcedureReport(store.load(p.id), dir / "report.pdf");
    store.list();
  }
  for (const auto& name : {"procedure", "records"}) core::logger(name)->flush();
  std::ifstream in(logFile);
  std::stringstream log;
  log << in.rdbuf();
  EXPECT_NE(log.str().find("stored procedure 1"), std::string::npos) << "nothing logged?\n" << log.str();
  EXPECT_EQ(log.str().find(p.patientId), std::string::npos) << log.str();
}

}  // namespace
}  // namespace hipguide::procedure
