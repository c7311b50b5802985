#include <hipguide/training/TrainingHistory.h>
#include <hipguide/training/TrainingSchema.h>

#include <gtest/gtest.h>

#include <cmath>

#include "../DatabaseErrors.h"
#include "../TestData.h"
#include "TraceBuilder.h"

namespace hipguide::training {
namespace {

namespace fs = std::filesystem;

AttemptResult syntheticAttempt(double finalDepthMm) {
  test::TraceBuilder builder;
  builder.at(0);
  for (double depth = 5; depth < finalDepthMm; depth += 5) builder.at(depth);
  builder.at(finalDepthMm);
  return finishAttempt(exerciseFor("anterior-hip"), 7, "script", builder.trace(), "/tmp/a.hgrec");
}

TEST(TrainingHistory, StoresAttemptsScoresAndSamplesPerTrainee) {
  const fs::path file = hipguide::test::freshTempDir() / "history.db";
  TrainingHistory history = TrainingHistory::open(file);
  const AttemptResult passed = syntheticAttempt(39);
  const AttemptResult missed = syntheticAttempt(25);
  ASSERT_TRUE(passed.verdict.passed);
  ASSERT_FALSE(missed.verdict.passed);
  history.addAttempt("Ada", missed);
  const std::int64_t id = history.addAttempt("Ada", passed);
  history.addAttempt("Ben", passed);

  const std::vector<TraineeSummary> trainees = history.trainees();
  ASSERT_EQ(trainees.size(), 2u);
  EXPECT_EQ(trainees[0].name, "Ada");
  EXPECT_EQ(trainees[0].attempts, 2);
  EXPECT_EQ(trainees[0].passed, 1);
  const std::vector<AttemptRecord> ada = history.attempts("Ada");
  ASSERT_EQ(ada.size(), 2u);
  EXPECT_FALSE(ada[0].passed);
  EXPECT_TRUE(ada[1].passed);
  EXPECT_EQ(ada[1].recording, "/tmp/a.hgrec");
  EXPECT_NEAR(ada[1].scores.at("final_tip_to_target_mm"), 1.0, 1e-9);
  EXPECT_NEAR(ada[0].scores.at("final_tip_to_target_mm"), 15.0, 1e-9);
  EXPECT_TRUE(std::isnan(ada[1].scores.at("nearest_nerve_mm")) ||
              ada[1].scores.at("nearest_nerve_mm") == 20.0);
  const std::vector<StoredSample> samples = history.samples(id);
  ASSERT_EQ(samples.size(), passed.trace.samples.size());
  EXPECT_TRUE(std::isnan(samples.front().nearestVesselMm));  // not inserted yet
  EXPECT_DOUBLE_EQ(samples.back().nearestVesselMm, 10.0);
  EXPECT_EQ(history.attempts().size(), 3u);
}

TEST(TrainingHistory, ExportsOneCsvRowPerAttempt) {
  const fs::path folder = hipguide::test::freshTempDir();
  TrainingHistory history = TrainingHistory::open(folder / "history.db");
  history.addAttempt("Ada, MD", syntheticAttempt(39));
  history.addAttempt("Ben", syntheticAttempt(20));
  history.exportCsv(folder / "all.csv");
  history.exportCsv(folder / "ben.csv", "Ben");
  const std::string all = ::hipguide::test::fileBytes(folder / "all.csv");
  EXPECT_EQ(all.rfind("attempt_id,trainee,started_at,scenario,target,driver,seed,passed,recording,", 0), 0u)
      << all;
  EXPECT_NE(all.find("\"Ada, MD\""), std::string::npos);
  EXPECT_NE(all.find("final_tip_to_target_mm"), std::string::npos);
  EXPECT_EQ(std::count(all.begin(), all.end(), '\n'), 3);
  const std::string ben = ::hipguide::test::fileBytes(folder / "ben.csv");
  EXPECT_EQ(std::count(ben.begin(), ben.end(), '\n'), 2);
}

TEST(TrainingHistory, MigratesAVersion1FileAndKeepsItsAttempts) {
  const fs::path file = hipguide::test::freshTempDir() / "v1.db";
  {
    const records::SchemaComponent v1{"training", {trainingSchema().migrations.front()}};
    const records::Database old = records::Database::open(file, {v1});
    old.exec("INSERT INTO training_trainees (name, created_at) VALUES ('Ada', '2026-01-01T00:00:00Z')");
    old.exec(
        "INSERT INTO training_attempts (trainee_id, scenario, seed, driver, started_at, elapsed_s, "
        "final_tip_to_target_mm, passed, recording) VALUES (1, 'steep', 3, 'manual', '2026-01-01T00:01:00Z', "
        "42.5, 1.25, 1, '')");
    ASSERT_EQ(old.schemaVersion("training"), 1);
  }
  TrainingHistory history = TrainingHistory::open(file, records::OpenMode::ExistingOnly);
  EXPECT_EQ(history.database().schemaVersion("training"), 2);
  const std::vector<AttemptRecord> attempts = history.attempts("Ada");
  ASSERT_EQ(attempts.size(), 1u);
  EXPECT_EQ(attempts[0].scenario, "steep");
  EXPECT_EQ(attempts[0].target, "anterior_recess");
  EXPECT_DOUBLE_EQ(attempts[0].scores.at("elapsed_s"), 42.5);
  EXPECT_DOUBLE_EQ(attempts[0].scores.at("final_tip_to_target_mm"), 1.25);
  history.addAttempt("Ada", syntheticAttempt(39));
  EXPECT_EQ(history.attempts("Ada").size(), 2u);
}

TEST(TrainingHistory, RefusesAMissingFile) {
  const fs::path file = hipguide::test::freshTempDir() / "missing.db";
  const std::string message = ::hipguide::test::databaseErrorOf(
      [&] { TrainingHistory::open(file, records::OpenMode::ExistingOnly); });
  EXPECT_NE(message.find("missing.db"), std::string::npos) << message;
  EXPECT_FALSE(fs::exists(file));
}

TEST(TrainingHistory, RefusesANewerFileWithoutChangingIt) {
  const fs::path file = hipguide::test::freshTempDir() / "newer.db";
  {
    records::SchemaComponent future = trainingSchema();
    future.migrations.push_back({3, "a future table", {"CREATE TABLE training_future (id INTEGER)"}});
    records::Database::open(file, {future});
  }
  const std::string before = ::hipguide::test::fileBytes(file);
  const std::string message = ::hipguide::test::databaseErrorOf([&] { TrainingHistory::open(file); });
  EXPECT_NE(message.find("newer"), std::string::npos) << message;
  EXPECT_EQ(::hipguide::test::fileBytes(file), before);
}

TEST(TrainingHistory, ReportsALockedFileAndLeavesItAtItsVersion) {
  const fs::path file = hipguide::test::freshTempDir() / "locked.db";
  const records::SchemaComponent v1{"training", {trainingSchema().migrations.front()}};
  { records::Database::open(file, {v1}); }
  const records::Database holder = records::Database::open(file, {v1});
  holder.exec("BEGIN EXCLUSIVE");
  holder.exec("INSERT INTO training_trainees (name, created_at) VALUES ('pending', 'now')");
  const std::string message = ::hipguide::test::databaseErrorOf(
      [&] { TrainingHistory::open(file, records::OpenMode::ExistingOnly, 50); });
  EXPECT_NE(message.find("locked"), std::string::npos) << message;
  holder.exec("ROLLBACK");
  EXPECT_EQ(holder.schemaVersion("training"), 1);
}

}  // namespace
}  // namespace hipguide::training
