#include <hipguide/procedure/PainScores.h>

namespace hipguide::procedure {

std::optional<double> reliefPercent(std::optional<int> before, std::optional<int> after) {
  if (!before || !after || *before <= 0) return std::nullopt;
  return 100.0 * (*before - *after) / *before;
}

std::optional<bool> positiveDiagnosticResponse(const PainScores& scores) {
  const std::optional<double> relief = reliefPercent(scores.before, scores.immediatelyAfter);
  if (!relief) return std::nullopt;
  return *relief >= kPositiveDiagnosticReliefPercent;
}

}  // namespace hipguide::procedure
