// hipguide-cli train: one scored training attempt driven by the autopilot or a tracker.
#include "Arguments.h"
#include "Commands.h"
#include "ProgressLine.h"

#include <hipguide/core/SteadyClock.h>
#include <hipguide/records/GuiApplication.h>
#include <hipguide/training/AttemptReport.h>
#include <hipguide/training/AttemptRunner.h>
#include <hipguide/training/TrackedAttempt.h>
#include <hipguide/training/TrainingHistory.h>

#include <QDateTime>

#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <thread>

namespace hipguide::cli {
namespace {

namespace fs = std::filesystem;

/// --tracker and its companions (docs/training-scores.md, "Driving the simulator from a tracker").
struct TrackerOptions {
  std::optional<acquisition::IgtlTrackerSettings> settings;  ///< Empty: the autopilot drives.
  training::TrackedDriveSettings drive;
  std::optional<double> seconds;  ///< Attempt length; default the exercise's time limit.
  double waitSeconds = 10.0;      ///< How long to wait for the tracker's first transform.
};

struct TrainOptions {
  std::string scenario, trainee, target;
  std::uint32_t seed = 1;
  double framesPerSecond = 10.0;
  fs::path db, json, report, record;
  TrackerOptions tracker;
};

TrackerOptions parseTrackerOptions(const Arguments& parsed) {
  TrackerOptions tracker;
  for (const char* name : {"seconds", "wait", "probe-device", "needle-device", "phantom-device",
                           "needle-axis", "registration", "stale-ms"})
    if (parsed.has(name) && !parsed.has("tracker"))
      throw UsageError(std::string("--") + name + " needs --tracker");
  if (!parsed.has("tracker")) return tracker;
  try {
    tracker.settings = acquisition::igtlTrackerSettingsFor(parsed.required("tracker"));
    tracker.settings->probeDevice = parsed.valueOr("probe-device", tracker.settings->probeDevice);
    tracker.settings->needleDevice = parsed.valueOr("needle-device", tracker.settings->needleDevice);
    tracker.settings->phantomDevice = parsed.valueOr("phantom-device", tracker.settings->phantomDevice);
    acquisition::validate(*tracker.settings);
    tracker.drive.needleShaftAxis = training::parseToolAxis(parsed.valueOr("needle-axis", "-z"));
  } catch (const std::invalid_argument& error) {
    throw UsageError(error.what());
  }
  if (parsed.has("registration"))
    tracker.drive.phantomToReference = training::loadRegistrationFile(parsed.required("registration"));
  tracker.drive.staleAfterMs = parsed.number("stale-ms", tracker.drive.staleAfterMs);
  if (!(tracker.drive.staleAfterMs >= 10.0)) throw UsageError("--stale-ms must be at least 10");
  if (parsed.has("seconds")) {
    tracker.seconds = parsed.number("seconds", 0.0);
    if (!(*tracker.seconds > 0.0 && *tracker.seconds <= 3600.0))
      throw UsageError("--seconds must be 0..3600");
  }
  tracker.waitSeconds = parsed.number("wait", tracker.waitSeconds);
  if (!(tracker.waitSeconds >= 0.0)) throw UsageError("--wait must be >= 0");
  return tracker;
}

TrainOptions parseTrainOptions(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.option("scenario").option("trainee").option("target").option("seed").option("fps");
  parsed.option("db").option("json").option("report").option("record").flag("autopilot").flag("no-record");
  parsed.option("tracker").option("seconds").option("wait").option("probe-device").option("needle-device");
  parsed.option("phantom-device").option("needle-axis").option("registration").option("stale-ms");
  parsed.parse(arguments);
  if (!parsed.positional().empty())
    throw UsageError("unexpected argument '" + parsed.positional().front() + "'");
  if (parsed.has("autopilot") == parsed.has("tracker"))
    throw UsageError(
        "say who drives: --autopilot (the scripted trainee) or --tracker igtl://HOST:PORT (a tracked "
        "needle and probe); trainees practise by hand in the workstation's Training mode");
  TrainOptions options;
  options.tracker = parseTrackerOptions(parsed);
  options.scenario = parsed.required("scenario");
  options.trainee = parsed.valueOr("trainee", options.tracker.settings ? "trainee" : "autopilot");
  options.target = parsed.valueOr("target", "");
  const long long seed = parsed.integer("seed", 1);
  if (seed < 0 || seed > 4294967295LL) throw UsageError("--seed must be 0..4294967295");
  options.seed = static_cast<std::uint32_t>(seed);
  options.framesPerSecond = parsed.number("fps", 10.0);
  if (!(options.framesPerSecond >= 1.0 && options.framesPerSecond <= 60.0))
    throw UsageError("--fps must be 1..60");
  options.db = parsed.valueOr("db", "");
  options.json = parsed.valueOr("json", "");
  options.report = parsed.valueOr("report", "");
  options.record = parsed.valueOr("record", "");
  if (parsed.has("no-record") && !options.record.empty())
    throw UsageError("--record and --no-record exclude each other");
  if (options.record.empty() && !parsed.has("no-record")) {
    const fs::path base = !options.db.empty() ? options.db.parent_path() : fs::path();
    options.record = base / "training-recordings" /
                     (options.scenario + "-" +
                      QDateTime::currentDateTimeUtc().toString("yyyyMMdd-HHmmss").toStdString() + ".hgrec");
  }
  return options;
}

void printSummary(const training::AttemptResult& result) {
  std::cout << result.exercise.title << " (" << result.exercise.scenario << ", seed " << result.seed
            << "): " << (result.verdict.passed ? "PASSED" : "FAILED") << "\n";
  for (const training::CriterionResult& criterion : result.verdict.criteria)
    std::cout << "  [" << (criterion.passed ? "met" : "NOT MET") << "] " << criterion.description
              << " (measured " << std::fixed << std::setprecision(2) << criterion.measured << ")\n";
  for (const training::NamedScore& score : training::scoreTable(result.scores)) {
    std::cout << "  " << std::left << std::setw(34) << score.key << std::right;
    if (std::isfinite(score.value))
      std::cout << std::setprecision(2) << score.value << (score.unit.empty() ? "" : " ") << score.unit
                << "\n";
    else
      std::cout << "-\n";
  }
  std::cout.unsetf(std::ios::fixed);
}

training::AttemptResult runAutopilot(const training::TrainingWorld& world, const TrainOptions& options,
                                     training::AttemptOptions attempt) {
  ProgressLine progress("autopilot attempt, frames");
  const auto frames = static_cast<std::int64_t>(world.scenario.durationS() * options.framesPerSecond) + 1;
  attempt.progress = [&](double fraction) {
    progress.update(static_cast<std::int64_t>(fraction * frames), frames);
  };
  training::AttemptResult result = training::runAutopilotAttempt(world, attempt);
  progress.update(frames, frames);
  progress.finish();
  return result;
}

/// Waits until the tracker is connected and every configured tool (needle, probe) has sent a
/// transform; throws std::runtime_error with what it saw when that takes longer than `waitSeconds`.
void waitForTracker(const acquisition::IgtlTrackerClient& tracker, double waitSeconds) {
  std::cerr << "waiting for " << tracker.description() << "...\n";
  const acquisition::IgtlTrackerSettings& settings = tracker.settings();
  const std::int64_t deadlineNs = core::steadyNowNs() + core::secondsToNs(waitSeconds);
  while (true) {
    const acquisition::TrackerSnapshot snapshot = tracker.snapshot();
    std::string missing;
    if (!settings.needleDevice.empty() && !snapshot.needle) missing += " '" + settings.needleDevice + "'";
    if (!settings.probeDevice.empty() && !snapshot.probe) missing += " '" + settings.probeDevice + "'";
    if (snapshot.connected && missing.empty()) return;
    if (core::steadyNowNs() >= deadlineNs) {
      std::string seen;
      for (const std::string& device : snapshot.transformDevicesSeen) seen += " " + device;
      throw std::runtime_error(snapshot.connected ? tracker.description() + ": connected, but no" + missing +
                                                        " transform within " +
                                                        std::to_string(static_cast<int>(waitSeconds)) +
                                                        " s (seen:" + (seen.empty() ? " nothing" : seen) + ")"
                                                  : snapshot.reason);  // names the tracker already
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

/// A real-time attempt driven by the tracker; `summary` gets the address, the registration used
/// and how many frames were in each tracking state.
training::AttemptResult runTrackerAttempt(const training::TrainingWorld& world, const TrainOptions& options,
                                          training::AttemptOptions attempt, nlohmann::json& summary) {
  const acquisition::IgtlTrackerClient tracker(*options.tracker.settings);
  waitForTracker(tracker, options.tracker.waitSeconds);
  const double seconds = options.tracker.seconds.value_or(training::exerciseOf(world).criteria.maxElapsedS);
  attempt.recordingMetadata["tracker"] = tracker.description();
  std::cerr << "tracked attempt: " << seconds << " s, needle shaft axis "
            << training::toString(options.tracker.drive.needleShaftAxis) << "\n";
  std::map<std::string, int> framesByStatus;
  std::string registration, lastMessage;
  std::optional<training::TrackedStatus> lastStatus;
  const training::AttemptResult result = training::runTrackedAttempt(
      world, tracker, options.tracker.drive, seconds, attempt, [&](const training::TrackedFrame& frame) {
        ++framesByStatus[std::string(training::toString(frame.status))];
        registration = frame.registration;
        if (lastStatus != frame.status ||
            (frame.status != training::TrackedStatus::Tracking && frame.message != lastMessage))
          std::cerr << std::fixed << std::setprecision(1) << "  " << frame.state.timeS << " s  "
                    << training::toString(frame.status) << ": " << frame.message << "\n";
        lastStatus = frame.status;
        lastMessage = frame.message;
      });
  std::cerr.unsetf(std::ios::fixed);
  summary = {{"address", "igtl://" + tracker.settings().host + ":" + std::to_string(tracker.settings().port)},
             {"needle_device", tracker.settings().needleDevice},
             {"probe_device", tracker.settings().probeDevice},
             {"needle_shaft_axis", training::toString(options.tracker.drive.needleShaftAxis)},
             {"registration", registration},
             {"frames", framesByStatus}};
  return result;
}

}  // namespace

int runTrain(const std::vector<std::string>& arguments) {
  const TrainOptions options = parseTrainOptions(arguments);
  records::ensureGuiApplication();
  // Open the database first: a locked or newer file fails before minutes of simulation.
  std::optional<training::TrainingHistory> history;
  if (!options.db.empty()) history.emplace(training::TrainingHistory::open(options.db));
  std::cerr << "building the phantom for '" << options.scenario << "' (seed " << options.seed << ")...\n";
  const auto world = training::buildTrainingWorld(options.scenario, options.seed, options.target);
  if (!options.record.empty())
    fs::create_directories(options.record.parent_path().empty() ? "." : options.record.parent_path());
  training::AttemptOptions attempt;
  attempt.framesPerSecond = options.framesPerSecond;
  attempt.recordingFolder = options.record;
  attempt.recordingMetadata = {{"trainee", options.trainee}};
  nlohmann::json tracker;
  const training::AttemptResult result = options.tracker.settings
                                             ? runTrackerAttempt(*world, options, attempt, tracker)
                                             : runAutopilot(*world, options, attempt);
  printSummary(result);
  nlohmann::json json = training::attemptToJson(result);
  json["trainee"] = options.trainee;
  if (!tracker.is_null()) json["tracker"] = tracker;
  if (history) {
    json["attempt_id"] = history->addAttempt(options.trainee, result);
    std::cerr << "stored as attempt " << json["attempt_id"] << " of '" << options.trainee << "' in "
              << options.db << "\n";
  }
  if (!options.report.empty()) {
    const int pages = training::writeAttemptReport(result, options.trainee, options.report);
    std::cerr << "report: " << options.report << " (" << pages << " pages)\n";
    json["report"] = options.report.string();
  }
  if (!options.json.empty()) {
    std::ofstream out(options.json);
    out << json.dump(2) << "\n";
    if (!out) throw std::runtime_error("cannot write JSON '" + options.json.string() + "'");
  }
  if (!result.recording.empty()) std::cerr << "recording: " << result.recording << "\n";
  return 0;
}

}  // namespace hipguide::cli
