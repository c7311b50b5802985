#pragma once
/// The "training" component of the workstation database (tables and migrations).

#include <hipguide/records/Database.h>

namespace hipguide::training {

/// Schema of the training history: v1 trainees and attempts (with two summary columns),
/// v2 per-attempt scores and time series (the v1 summaries move into the scores table).
/// Tables are prefixed `training_`; the layout is in docs/training-scores.md.
const records::SchemaComponent& trainingSchema();

}  // namespace hipguide::training
