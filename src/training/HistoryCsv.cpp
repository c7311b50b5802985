// CSV export of the training history: one row per attempt.
#include <hipguide/training/TrainingHistory.h>

#include <cmath>
#include <fstream>
#include <set>
#include <stdexcept>

namespace hipguide::training {
namespace {

/// RFC 4180 quoting when the field holds a comma, quote or line break.
std::string csvField(const std::string& value) {
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string quoted = "\"";
  for (const char c : value) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

void TrainingHistory::exportCsv(const std::filesystem::path& file, const std::string& trainee) const {
  const std::vector<AttemptRecord> list = attempts(trainee);
  std::set<std::string> keys;
  for (const AttemptRecord& record : list)
    for (const auto& [key, value] : record.scores) keys.insert(key);
  std::ofstream out(file);
  if (!out) throw std::runtime_error("cannot write CSV '" + file.string() + "'");
  out << "attempt_id,trainee,started_at,scenario,target,driver,seed,passed,recording";
  for (const std::string& key : keys) out << ',' << key;
  out << '\n';
  out.precision(6);
  for (const AttemptRecord& record : list) {
    out << record.id << ',' << csvField(record.trainee) << ',' << record.startedAt << ',' << record.scenario
        << ',' << record.target << ',' << record.driver << ',' << record.seed << ','
        << (record.passed ? 1 : 0) << ',' << csvField(record.recording);
    for (const std::string& key : keys) {
      out << ',';
      const auto found = record.scores.find(key);
      if (found != record.scores.end() && std::isfinite(found->second)) out << found->second;
    }
    out << '\n';
  }
  if (!out) throw std::runtime_error("error writing CSV '" + file.string() + "'");
}

}  // namespace hipguide::training
