#pragma once
/// Simulator scenarios as training exercises: goal, tolerance, difficulty, time limit, brief and
/// the criteria an attempt must meet to pass (docs/training-scores.md).

#include <string>
#include <vector>

namespace hipguide::training {

/// What an attempt must achieve to pass. A criterion whose limit is not finite is not checked.
/// Distances in mm, times in seconds, fractions in [0, 1].
struct PassCriteria {
  bool needleTask = true;                ///< False for the scanning-only exercise (no needle).
  double maxFinalTipToTargetMm = 3.0;    ///< Final tip-to-target distance at most this.
  double minClearanceMm = 3.0;           ///< Shaft never closer than this to a vessel or nerve.
  double minTipVisibleFraction = 0.5;    ///< Share of advancing time with the tip in the image.
  int maxRedirections = 3;               ///< Redirections allowed.
  double maxElapsedS = 120.0;            ///< The exercise's time limit.
  double minTargetInViewFraction = 0.0;  ///< Share of time with the target in the image plane.
};

/// One exercise: a simulator scenario with a goal. Plain data; the table is immutable.
struct Exercise {
  std::string scenario;         ///< Simulator scenario name (acquisition::scenarioNames()).
  std::string title;            ///< Short human title.
  std::string brief;            ///< What to do and what to watch, shown before the attempt.
  std::string targetStructure;  ///< Label name of the goal ("anterior_recess", ...).
  double toleranceMm = 3.0;     ///< Tip within this of the target: reached.
  int difficulty = 1;           ///< 1 (easy) to 5 (hard).
  PassCriteria criteria;
};

/// Every exercise, one per simulator scenario, in scenarioNames() order.
const std::vector<Exercise>& exercises();

/// The exercise of a scenario; throws std::invalid_argument listing the names when unknown.
const Exercise& exerciseFor(const std::string& scenario);

}  // namespace hipguide::training
