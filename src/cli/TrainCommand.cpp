// hipguide-cli train: one scored training attempt driven by the autopilot.
#include "Arguments.h"
#include "Commands.h"
#include "ProgressLine.h"

#include <hipguide/records/GuiApplication.h>
#include <hipguide/training/AttemptReport.h>
#include <hipguide/training/AttemptRunner.h>
#include <hipguide/training/TrainingHistory.h>

#include <QDateTime>

#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>

namespace hipguide::cli {
namespace {

namespace fs = std::filesystem;

struct TrainOptions {
  std::string scenario, trainee, target;
  std::uint32_t seed = 1;
  double framesPerSecond = 10.0;
  fs::path db, json, report, record;
};

TrainOptions parseTrainOptions(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.option("scenario").option("trainee").option("target").option("seed").option("fps");
  parsed.option("db").option("json").option("report").option("record").flag("autopilot").flag("no-record");
  parsed.parse(arguments);
  if (!parsed.positional().empty())
    throw UsageError("unexpected argument '" + parsed.positional().front() + "'");
  if (!parsed.has("autopilot"))
    throw UsageError(
        "the command line runs scripted attempts only: add --autopilot (trainees practise by hand in "
        "the workstation's Training mode)");
  TrainOptions options;
  options.scenario = parsed.required("scenario");
  options.trainee = parsed.valueOr("trainee", "autopilot");
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
  ProgressLine progress("autopilot attempt, frames");
  const auto frames = static_cast<std::int64_t>(world->scenario.durationS() * options.framesPerSecond) + 1;
  attempt.progress = [&](double fraction) {
    progress.update(static_cast<std::int64_t>(fraction * frames), frames);
  };
  const training::AttemptResult result = training::runAutopilotAttempt(*world, attempt);
  progress.update(frames, frames);
  progress.finish();
  printSummary(result);
  nlohmann::json json = training::attemptToJson(result);
  json["trainee"] = options.trainee;
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
