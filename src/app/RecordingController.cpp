#include <hipguide/acquisition/ProbeDriver.h>
#include <hipguide/app/RecordingController.h>
#include <hipguide/session/Recorder.h>
#include <hipguide/session/SessionEvent.h>

#include <QDateTime>
#include <QDir>

namespace hipguide::app {

RecordingController::RecordingController(QObject* parent)
    : QObject(parent), m_folder(QDir::homePath() + "/HipGuide/recordings") {}

RecordingController::~RecordingController() { stop(); }

bool RecordingController::start(acquisition::ProbeDriver& driver, const QString& sourceSpec,
                                const tracking::TrackerConfig& trackerConfig, QString* error) {
  stop();
  if (!QDir().mkpath(m_folder)) {
    if (error) *error = tr("cannot create the recordings folder '%1'").arg(m_folder);
    return false;
  }
  m_path = QDir(m_folder).filePath(QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss") + ".hgrec");
  try {
    m_recorder = std::make_unique<session::Recorder>(m_path.toStdString());
    m_recorder->attach(driver);
    m_recorder->recordEvent({0,
                             0,
                             session::event_kind::kSettings,
                             {{"source", sourceSpec.toStdString()},
                              {"driver", driver.description()},
                              {session::kTrackerDisplayRangeKey, trackerConfig.tip.displayRangeDb}}});
  } catch (const std::exception& failure) {
    m_recorder.reset();
    if (error) *error = QString::fromStdString(failure.what());
    return false;
  }
  m_started = std::chrono::steady_clock::now();
  m_lastAlerts.clear();
  emit recordingChanged(true);
  return true;
}

QString RecordingController::stop() {
  if (!m_recorder) return {};
  m_recorder->stop();
  m_recorder.reset();
  emit recordingChanged(false);
  return m_path;
}

double RecordingController::elapsedSeconds() const {
  if (!m_recorder) return 0.0;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
}

std::uint64_t RecordingController::droppedCount() const {
  return m_recorder ? m_recorder->stats().dropped : 0;
}

void RecordingController::recordGuidance(const guidance::GuidedFrame& guided) {
  if (!m_recorder) return;
  const guidance::GuidanceState& state = guided.guidance;
  m_recorder->recordEvent(session::needleEstimateEvent(state.estimate));
  std::vector<std::string> alerts;
  nlohmann::json list = nlohmann::json::array();
  for (const guidance::Alert& alert : state.alerts) {
    alerts.push_back(std::string(guidance::toString(alert.kind)) + ":" + alert.structure);
    list.push_back({{"kind", guidance::toString(alert.kind)},
                    {"severity", guidance::toString(alert.severity)},
                    {"structure", alert.structure},
                    {"value_mm", alert.valueMm},
                    {"text", guidance::describe(alert)}});
  }
  if (alerts == m_lastAlerts) return;
  m_lastAlerts = alerts;
  m_recorder->recordEvent(
      {state.estimate.deviceTimestampNs, state.frameId, session::event_kind::kAlert, {{"active", list}}});
}

void RecordingController::recordBookmark(std::uint64_t frameId, std::int64_t timestampNs,
                                         const QString& note) {
  if (!m_recorder) return;
  m_recorder->recordEvent(
      {timestampNs, frameId, session::event_kind::kBookmark, {{"note", note.toStdString()}}});
}

}  // namespace hipguide::app
