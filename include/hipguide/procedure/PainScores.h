#pragma once
/// Pain scores around the injection and the relief they show.

#include <optional>

namespace hipguide::procedure {

/// Numeric rating scale scores, 0 (no pain) to 10 (worst imaginable); empty until entered.
struct PainScores {
  std::optional<int> before;             ///< Just before the injection (with the usual provoking movement).
  std::optional<int> immediatelyAfter;   ///< 5-30 minutes after, while the anaesthetic acts.
  std::optional<int> later;              ///< At follow-up, entered when known.
  std::optional<double> laterAfterDays;  ///< When the later score was taken, days after the injection.
};

/// Relief in percent of the pain before: 100 × (before − after) / before. Negative when the pain
/// grew. std::nullopt when a score is missing or the pain before was 0 (nothing to relieve).
std::optional<double> reliefPercent(std::optional<int> before, std::optional<int> after);

/// Relief of at least this share of the pain during the anaesthetic's action is read as a
/// positive diagnostic response (a common threshold; some clinics require 80%).
inline constexpr double kPositiveDiagnosticReliefPercent = 50.0;

/// The immediate relief reaches kPositiveDiagnosticReliefPercent; std::nullopt when it cannot
/// be computed.
std::optional<bool> positiveDiagnosticResponse(const PainScores& scores);

}  // namespace hipguide::procedure
