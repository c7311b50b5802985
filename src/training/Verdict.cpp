// Pass/fail of an attempt against its exercise's criteria (docs/training-scores.md).
#include <hipguide/training/Scores.h>

#include <cmath>
#include <cstdio>
#include <limits>

namespace hipguide::training {
namespace {

std::string formatted(const char* format, double value) {
  char text[96];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

void check(Verdict& verdict, std::string key, std::string description, double measured, double limit,
           bool atMost) {
  if (!std::isfinite(limit)) return;
  const bool passed = atMost ? measured <= limit : measured >= limit;
  verdict.criteria.push_back({std::move(key), std::move(description), measured, limit, passed});
}

}  // namespace

Verdict judge(const AttemptScores& scores, const PassCriteria& criteria) {
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  Verdict verdict;
  if (criteria.needleTask) {
    check(verdict, "final_tip_to_target",
          formatted("final tip-to-target <= %.1f mm", criteria.maxFinalTipToTargetMm),
          scores.finalTipToTargetMm.value_or(kInfinity), criteria.maxFinalTipToTargetMm, true);
    check(verdict, "min_clearance",
          formatted("clearance to every vessel and nerve >= %.1f mm", criteria.minClearanceMm),
          std::min(scores.nearestMm(false), scores.nearestMm(true)), criteria.minClearanceMm, false);
    check(verdict, "tip_visible_fraction",
          formatted("tip visible during >= %.0f%% of advancing time", 100.0 * criteria.minTipVisibleFraction),
          scores.tipVisibleFraction.value_or(0.0), criteria.minTipVisibleFraction, false);
    if (criteria.maxRedirections < std::numeric_limits<int>::max())
      check(verdict, "redirections", formatted("redirections <= %.0f", criteria.maxRedirections),
            scores.redirections, criteria.maxRedirections, true);
  }
  check(verdict, "elapsed", formatted("finished within %.0f s", criteria.maxElapsedS), scores.elapsedS,
        criteria.maxElapsedS, true);
  if (criteria.minTargetInViewFraction > 0.0)
    check(verdict, "target_in_view",
          formatted("target in the image plane >= %.0f%% of the time",
                    100.0 * criteria.minTargetInViewFraction),
          scores.targetInViewFraction, criteria.minTargetInViewFraction, false);
  verdict.passed = true;
  for (const CriterionResult& criterion : verdict.criteria)
    verdict.passed = verdict.passed && criterion.passed;
  return verdict;
}

}  // namespace hipguide::training
