#pragma once
/// The record button's logic: records the current source with its guidance events.

#include <hipguide/guidance/GuidancePipeline.h>

#include <QObject>
#include <QString>

#include <chrono>
#include <memory>

namespace hipguide::acquisition {
class ProbeDriver;
}
namespace hipguide::session {
class Recorder;
}

namespace hipguide::app {

/// Starts and stops a session::Recorder on the current driver; while recording, every guided
/// frame's tracker estimate and every change of the alerts go to the recording's event sidecar.
/// Recordings go to `folder` (default ~/HipGuide/recordings) as `YYYYMMDD-HHMMSS.hgrec`.
/// GUI thread only.
class RecordingController : public QObject {
  Q_OBJECT
 public:
  explicit RecordingController(QObject* parent = nullptr);
  ~RecordingController() override;

  void setFolder(const QString& folder) { m_folder = folder; }
  /// Starts recording `driver`, noting the source and the tracker's dynamic range in a "settings"
  /// event (a replay re-runs the tracker with it); false with `error` set when the recording
  /// cannot be created.
  bool start(acquisition::ProbeDriver& driver, const QString& sourceSpec,
             const tracking::TrackerConfig& trackerConfig, QString* error);
  /// Stops and closes the recording; returns its path (empty when none was running).
  QString stop();
  bool recording() const { return m_recorder != nullptr; }
  double elapsedSeconds() const;
  QString path() const { return m_path; }
  std::uint64_t droppedCount() const;

  /// Records the estimate and any change of alerts of one guided frame.
  void recordGuidance(const guidance::GuidedFrame& guided);
  /// Records a bookmark or annotation at the given frame.
  void recordBookmark(std::uint64_t frameId, std::int64_t timestampNs, const QString& note);

 signals:
  void recordingChanged(bool recording);

 private:
  QString m_folder;
  QString m_path;
  std::unique_ptr<session::Recorder> m_recorder;
  std::chrono::steady_clock::time_point m_started;
  std::vector<std::string> m_lastAlerts;
};

}  // namespace hipguide::app
