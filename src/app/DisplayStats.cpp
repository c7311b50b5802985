#include <hipguide/app/DisplayStats.h>
#include <hipguide/core/Statistics.h>
#include <hipguide/core/SteadyClock.h>

#include <algorithm>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hipguide::app {
namespace {
constexpr std::int64_t kRateWindowNs = 1'000'000'000;
}

void DisplayStats::framePainted(std::int64_t hostReceiveNs, std::int64_t nowNs) {
  if (m_shown == 0) m_firstShownNs = nowNs;
  ++m_shown;
  const auto second = static_cast<std::size_t>((nowNs - m_firstShownNs) / kRateWindowNs);
  if (m_shownPerSecond.size() <= second) m_shownPerSecond.resize(second + 1, 0);
  ++m_shownPerSecond[second];
  m_latenciesMs.push_back(core::nsToMs(nowNs - hostReceiveNs));
  m_recentShownNs.push_back(nowNs);
  while (!m_recentShownNs.empty() && nowNs - m_recentShownNs.front() > kRateWindowNs)
    m_recentShownNs.pop_front();
}

DisplayStatsSummary DisplayStats::summary(std::uint64_t framesIn, std::uint64_t lostAtSource,
                                          std::int64_t nowNs) {
  m_framesInHistory.emplace_back(nowNs, framesIn);
  while (m_framesInHistory.size() > 1 && nowNs - m_framesInHistory.front().first > kRateWindowNs)
    m_framesInHistory.pop_front();
  while (!m_recentShownNs.empty() && nowNs - m_recentShownNs.front() > kRateWindowNs)
    m_recentShownNs.pop_front();

  DisplayStatsSummary result;
  result.framesIn = framesIn;
  result.framesShown = m_shown;
  result.framesDropped = (framesIn > m_shown ? framesIn - m_shown : 0) + lostAtSource;
  const auto& [oldestNs, oldestCount] = m_framesInHistory.front();
  if (nowNs > oldestNs)
    result.fpsIn = static_cast<double>(framesIn - oldestCount) / core::nsToSeconds(nowNs - oldestNs);
  result.fpsShown = static_cast<double>(m_recentShownNs.size()) / core::nsToSeconds(kRateWindowNs);
  result.latencyMedianMs = core::median(m_latenciesMs);
  result.latencyP95Ms = core::percentile(m_latenciesMs, 95.0);
  result.seconds = m_shown > 0 ? core::nsToSeconds(nowNs - m_firstShownNs) : 0.0;
  const auto wholeSeconds = static_cast<std::size_t>(std::max(0.0, result.seconds));
  result.shownPerSecond.assign(m_shownPerSecond.begin(),
                               m_shownPerSecond.begin() + std::min(wholeSeconds, m_shownPerSecond.size()));
  if (!result.shownPerSecond.empty())
    result.fpsShownMedian =
        core::median(std::vector<double>(result.shownPerSecond.begin(), result.shownPerSecond.end()));
  return result;
}

bool DisplayStats::writeJson(const DisplayStatsSummary& summary, const QString& path, QString* error) {
  QJsonArray perSecond;
  for (const int count : summary.shownPerSecond) perSecond.append(count);
  QJsonObject object{
      {"frames_in", static_cast<qint64>(summary.framesIn)},
      {"frames_shown", static_cast<qint64>(summary.framesShown)},
      {"frames_dropped", static_cast<qint64>(summary.framesDropped)},
      {"frames_guided", static_cast<qint64>(summary.framesGuided)},
      {"fps_shown_mean", summary.seconds > 0 ? summary.framesShown / summary.seconds : 0.0},
      {"latency_median_ms", summary.latencyMedianMs},
      {"latency_p95_ms", summary.latencyP95Ms},
      {"seconds", summary.seconds},
      {"fps_shown_median_per_second", summary.fpsShownMedian},
      {"fps_shown_per_second", perSecond},
  };
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
    if (error) *error = QStringLiteral("cannot write stats file '%1': %2").arg(path, file.errorString());
    return false;
  }
  file.write(QJsonDocument(object).toJson());
  return true;
}

void DisplayStats::reset() { *this = DisplayStats(); }

}  // namespace hipguide::app
