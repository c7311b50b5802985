#pragma once
/// Frame-rate and latency bookkeeping of the display, and the `--stats` JSON file.

#include <QString>

#include <cstdint>
#include <deque>
#include <vector>

namespace hipguide::app {

/// Summary written to `--stats FILE.json` and shown in the status bar.
struct DisplayStatsSummary {
  std::uint64_t framesIn = 0;       ///< Frames the source delivered.
  std::uint64_t framesShown = 0;    ///< Distinct frames painted with their overlays.
  std::uint64_t framesDropped = 0;  ///< Frames in but never shown (skipped or lost at source).
  std::uint64_t framesGuided = 0;   ///< Frames tracking and guidance processed (the rest they skipped).
  double fpsIn = 0;                 ///< Over the last second.
  double fpsShown = 0;
  double latencyMedianMs = 0;  ///< Frame receipt → overlays painted, over the whole run.
  double latencyP95Ms = 0;
  double seconds = 0;  ///< Since the first frame was shown.
  /// Frames shown in each whole second since the first was shown (the last, partial second
  /// left out): start-up, stalls and the steady rate, second by second.
  std::vector<int> shownPerSecond;
  double fpsShownMedian = 0;  ///< Median of shownPerSecond: the steady rate.
};

/// Collects per-frame paint times on the GUI thread. Not thread-safe.
class DisplayStats {
 public:
  /// A frame was painted; `hostReceiveNs` is when the host received it, `nowNs` now.
  void framePainted(std::int64_t hostReceiveNs, std::int64_t nowNs);
  /// Summary with the source's frame count and lost-at-source count.
  DisplayStatsSummary summary(std::uint64_t framesIn, std::uint64_t lostAtSource, std::int64_t nowNs);
  /// Writes the summary as JSON; false (with a message) when the file cannot be written.
  static bool writeJson(const DisplayStatsSummary& summary, const QString& path, QString* error);
  void reset();

 private:
  std::vector<double> m_latenciesMs;
  std::deque<std::int64_t> m_recentShownNs;
  std::deque<std::pair<std::int64_t, std::uint64_t>> m_framesInHistory;
  std::vector<int> m_shownPerSecond;
  std::uint64_t m_shown = 0;
  std::int64_t m_firstShownNs = 0;
};

}  // namespace hipguide::app
