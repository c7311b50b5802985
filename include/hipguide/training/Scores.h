#pragma once
/// The scores of one attempt and its verdict against the exercise's criteria. Every formula
/// is in docs/training-scores.md.

#include <hipguide/training/AttemptTrace.h>
#include <hipguide/training/Exercise.h>

#include <optional>
#include <string>
#include <vector>

namespace hipguide::training {

/// Minimum clearance of the inserted shaft to one structure over the whole attempt.
struct StructureScore {
  std::string name;
  bool nerve = false;
  double minClearanceMm = 0;  ///< +infinity when the needle never went in.
  bool breached = false;      ///< The shaft entered the structure (clearance < 0).
};

/// Scores of one attempt (docs/training-scores.md). mm, mm², seconds, degrees.
struct AttemptScores {
  double elapsedS = 0;
  double needlePathMm = 0;  ///< Tip path length while the needle is held.
  double tissuePathMm = 0;  ///< Tip path length while inserted.
  double timeInTissueS = 0;
  double tissueDamageMm2 = 0;  ///< Area swept by the inserted shaft.
  int punctures = 0;           ///< Skin entries.
  int redirections = 0;
  bool firstPassSuccess = false;
  std::optional<double> finalTipToTargetMm;  ///< At the last inserted sample.
  std::optional<double> minTipToTargetMm;
  std::vector<StructureScore> structures;    ///< In AttemptTrace::structures order.
  double advancingS = 0;                     ///< Time with the tip advancing.
  std::optional<double> tipVisibleFraction;  ///< Of advancing time; none when never advancing.
  double targetInViewFraction = 0;           ///< Of elapsed time.
  double probePathMm = 0;                    ///< Probe face centre path length.
  double probeRotationDeg = 0;               ///< Summed probe orientation change.

  /// Smallest clearance over nerves (or vessels); +infinity when none measured.
  double nearestMm(bool nerves) const;
  /// Names of breached structures.
  std::vector<std::string> breaches() const;
};

/// Thresholds of the scoring (docs/training-scores.md).
struct ScoringSettings {
  double advancingSpeedMmPerS = 1.0;  ///< Insertion faster than this counts as advancing.
  double redirectionDeg = 3.0;        ///< Shaft direction change that counts as a redirection.
};

/// Computes every score of a trace.
AttemptScores computeScores(const AttemptTrace& trace, const ScoringSettings& settings = {});

/// One criterion of the verdict.
struct CriterionResult {
  std::string key;          ///< "final_tip_to_target", ...
  std::string description;  ///< "final tip-to-target ≤ 3.0 mm".
  double measured = 0;
  double limit = 0;
  bool passed = false;
};

/// Pass or fail with the reason per criterion.
struct Verdict {
  bool passed = false;
  std::vector<CriterionResult> criteria;
};

/// Checks scores against an exercise's criteria.
Verdict judge(const AttemptScores& scores, const PassCriteria& criteria);

/// A flat, ordered list of named scores for tables, CSV, JSON and the database.
struct NamedScore {
  std::string key;    ///< snake_case, stable (database, CSV, JSON).
  std::string label;  ///< Human label.
  double value = 0;   ///< NaN when not applicable.
  std::string unit;
};
std::vector<NamedScore> scoreTable(const AttemptScores& scores);

}  // namespace hipguide::training
