#include <hipguide/training/TrainingSchema.h>

namespace hipguide::training {
namespace {

records::SchemaComponent buildSchema() {
  records::Migration v1{
      1,
      "trainees and attempts",
      {
          "CREATE TABLE training_trainees (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
          "created_at TEXT NOT NULL)",
          "CREATE TABLE training_attempts (id INTEGER PRIMARY KEY, "
          "trainee_id INTEGER NOT NULL REFERENCES training_trainees(id), scenario TEXT NOT NULL, "
          "seed INTEGER NOT NULL, driver TEXT NOT NULL, started_at TEXT NOT NULL, elapsed_s REAL, "
          "final_tip_to_target_mm REAL, passed INTEGER NOT NULL, recording TEXT)",
          "CREATE INDEX training_attempts_trainee ON training_attempts(trainee_id)",
      }};
  records::Migration v2{
      2,
      "per-attempt scores and time series; target column",
      {
          "CREATE TABLE training_scores (attempt_id INTEGER NOT NULL REFERENCES training_attempts(id), "
          "key TEXT NOT NULL, value REAL, unit TEXT NOT NULL, PRIMARY KEY (attempt_id, key))",
          "CREATE TABLE training_samples (attempt_id INTEGER NOT NULL REFERENCES training_attempts(id), "
          "time_s REAL NOT NULL, tip_to_target_mm REAL, nearest_vessel_mm REAL, nearest_nerve_mm REAL, "
          "tip_in_image INTEGER NOT NULL)",
          "CREATE INDEX training_samples_attempt ON training_samples(attempt_id, time_s)",
          "ALTER TABLE training_attempts ADD COLUMN target TEXT NOT NULL DEFAULT 'anterior_recess'",
          "INSERT INTO training_scores (attempt_id, key, value, unit) "
          "SELECT id, 'elapsed_s', elapsed_s, 's' FROM training_attempts WHERE elapsed_s IS NOT NULL",
          "INSERT INTO training_scores (attempt_id, key, value, unit) SELECT id, 'final_tip_to_target_mm', "
          "final_tip_to_target_mm, 'mm' FROM training_attempts WHERE final_tip_to_target_mm IS NOT NULL",
      }};
  return {"training", {v1, v2}};
}

}  // namespace

const records::SchemaComponent& trainingSchema() {
  static const records::SchemaComponent schema = buildSchema();
  return schema;
}

}  // namespace hipguide::training
