#pragma once
/// Runs a training attempt headless: drives the simulator frame by frame from a control
/// source (the autopilot or a script), traces the ground truth, records, scores and judges.

#include <hipguide/training/Exercise.h>
#include <hipguide/training/Scores.h>
#include <hipguide/training/TrainingWorld.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace hipguide::training {

/// How an attempt runs.
struct AttemptOptions {
  double framesPerSecond = 10.0;  ///< Simulated frame rate (scenario time step 1/fps).
  /// Native recording (.hgrec folder, must not exist) of the rendered frames with the trace as
  /// events, for replay; empty: no images are rendered (ground truth only, much faster).
  std::filesystem::path recordingFolder;
  nlohmann::json recordingMetadata = nlohmann::json::object();  ///< Added to recording.json.
  std::function<void(double fraction)> progress;                ///< Called now and then; may be empty.
};

/// Everything known about a finished attempt. Plain data.
struct AttemptResult {
  Exercise exercise;  ///< With the target actually used.
  std::uint32_t seed = 1;
  std::string driver;  ///< "autopilot", "script" or "manual".
  AttemptTrace trace;
  AttemptScores scores;
  Verdict verdict;
  std::filesystem::path recording;  ///< Empty when not recorded.
};

/// Where the probe and needle are at a time (seconds from the start of the attempt).
using ControlSource = std::function<acquisition::ScenarioState(double timeS)>;

/// Samples `source` every 1/fps s for `durationS`, computes each frame's truth (and renders it
/// when recording), traces, scores and judges. Runs on the calling thread; throws
/// std::runtime_error when the recording cannot be written.
AttemptResult runAttempt(const TrainingWorld& world, const Exercise& exercise, const ControlSource& source,
                         double durationS, const std::string& driver, const AttemptOptions& options = {});

/// Scores and judges a finished trace (what runAttempt and the GUI's live attempts share).
AttemptResult finishAttempt(const Exercise& exercise, std::uint32_t seed, const std::string& driver,
                            AttemptTrace trace, std::filesystem::path recording);

/// The exercise of a world: its scenario's exercise, with the world's target when overridden.
Exercise exerciseOf(const TrainingWorld& world);

/// The autopilot: a scripted trainee that follows the world's scenario plan (probe placement,
/// pauses, a withdrawal, tremor; the vessel-risk plan strays toward the vessels) for the plan's
/// duration.
AttemptResult runAutopilotAttempt(const TrainingWorld& world, const AttemptOptions& options = {});

/// Builds the world (buildTrainingWorld, with an optional target structure override such as
/// "trochanteric_bursa" or "iliopsoas_bursa") and runs the autopilot on it.
AttemptResult runAutopilotAttempt(const std::string& scenarioName, std::uint32_t seed,
                                  const std::string& targetStructure = {},
                                  const AttemptOptions& options = {});

/// The attempt as JSON (exercise, scores with units, verdict, recording path); the format is
/// in docs/training-scores.md.
nlohmann::json attemptToJson(const AttemptResult& result);

}  // namespace hipguide::training
