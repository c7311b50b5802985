// The attempt as JSON for `hipguide-cli train --json` (format in docs/training-scores.md).
#include <hipguide/training/AttemptRunner.h>

#include <cmath>

namespace hipguide::training {

nlohmann::json attemptToJson(const AttemptResult& result) {
  nlohmann::json scores = nlohmann::json::object();
  nlohmann::json units = nlohmann::json::object();
  for (const NamedScore& score : scoreTable(result.scores)) {
    scores[score.key] = std::isfinite(score.value) ? nlohmann::json(score.value) : nlohmann::json();
    units[score.key] = score.unit;
  }
  nlohmann::json criteria = nlohmann::json::array();
  for (const CriterionResult& criterion : result.verdict.criteria)
    criteria.push_back({{"key", criterion.key},
                        {"description", criterion.description},
                        {"measured", std::isfinite(criterion.measured) ? nlohmann::json(criterion.measured)
                                                                       : nlohmann::json()},
                        {"limit", criterion.limit},
                        {"passed", criterion.passed}});
  return {{"exercise",
           {{"scenario", result.exercise.scenario},
            {"title", result.exercise.title},
            {"target", result.exercise.targetStructure},
            {"tolerance_mm", result.exercise.toleranceMm},
            {"difficulty", result.exercise.difficulty}}},
          {"seed", result.seed},
          {"driver", result.driver},
          {"samples", result.trace.samples.size()},
          {"scores", scores},
          {"units", units},
          {"breaches", result.scores.breaches()},
          {"passed", result.verdict.passed},
          {"criteria", criteria},
          {"recording", result.recording.string()}};
}

}  // namespace hipguide::training
