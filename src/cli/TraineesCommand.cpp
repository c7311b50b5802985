// hipguide-cli trainees: the training history of a database (list, CSV, progress chart).
#include "Arguments.h"
#include "Commands.h"

#include <hipguide/records/GuiApplication.h>
#include <hipguide/training/AttemptCharts.h>
#include <hipguide/training/TrainingHistory.h>

#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace hipguide::cli {
namespace {

/// "1.23" or "-" for a missing score.
std::string scoreText(const training::AttemptRecord& record, const std::string& key) {
  const auto found = record.scores.find(key);
  if (found == record.scores.end() || !std::isfinite(found->second)) return "-";
  std::ostringstream text;
  text << std::fixed << std::setprecision(2) << found->second;
  return text.str();
}

void printAttempts(const std::vector<training::AttemptRecord>& attempts) {
  std::cout << "id  started               scenario            passed  final_mm  vessel_mm     time_s\n";
  for (const training::AttemptRecord& record : attempts)
    std::cout << std::left << std::setw(4) << record.id << std::setw(22) << record.startedAt << std::setw(20)
              << record.scenario << std::setw(8) << (record.passed ? "yes" : "no") << std::setw(10)
              << scoreText(record, "final_tip_to_target_mm") << std::setw(14)
              << scoreText(record, "nearest_vessel_mm") << scoreText(record, "elapsed_s") << std::right
              << "\n";
}

}  // namespace

int runTrainees(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.option("db").option("trainee").option("csv").option("chart");
  parsed.parse(arguments);
  if (!parsed.positional().empty())
    throw UsageError("unexpected argument '" + parsed.positional().front() + "'");
  const std::string trainee = parsed.valueOr("trainee", "");
  if (parsed.has("chart") && trainee.empty()) throw UsageError("--chart needs --trainee");
  records::ensureGuiApplication();
  training::TrainingHistory history =
      training::TrainingHistory::open(parsed.required("db"), records::OpenMode::ExistingOnly);
  if (trainee.empty()) {
    for (const training::TraineeSummary& summary : history.trainees())
      std::cout << summary.name << ": " << summary.attempts << " attempts, " << summary.passed << " passed\n";
  } else {
    const std::vector<training::AttemptRecord> attempts = history.attempts(trainee);
    if (attempts.empty())
      throw std::runtime_error("no attempts of trainee '" + trainee + "' in " + parsed.required("db"));
    printAttempts(attempts);
    if (const auto chart = parsed.value("chart")) {
      records::saveTimeChart(training::progressChart(attempts, trainee), *chart);
      std::cerr << "progress chart: " << *chart << "\n";
    }
  }
  if (const auto csv = parsed.value("csv")) {
    history.exportCsv(*csv, trainee);
    std::cerr << "CSV: " << *csv << "\n";
  }
  return 0;
}

}  // namespace hipguide::cli
