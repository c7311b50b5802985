#pragma once
/// Runs tracking and guidance on the live frames and brings the results to the GUI thread.

#include <hipguide/guidance/GuidancePipeline.h>

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

namespace hipguide::acquisition {
class ProbeDriver;
}

namespace hipguide::render {
class AnatomySurfaces;
}

namespace hipguide::app {

class FramePump;

/// Owns the GuidancePipeline that reads the FramePump's newest frames, and loads the anatomy
/// for guidance off the GUI thread: the simulated probe's phantom, or an anatomy folder
/// (`--anatomy DIR`). Results reach the GUI thread once per burst through guidedFrame().
/// GUI thread only (except the pipeline's own thread inside).
class GuidanceController : public QObject {
  Q_OBJECT
 public:
  explicit GuidanceController(FramePump& pump, QObject* parent = nullptr);
  ~GuidanceController() override;

  /// Starts guidance for the pump's current driver, tracking with `trackerConfig`; the anatomy
  /// comes from the driver when it is the simulated probe, else from `anatomyFolder` when not
  /// empty. Returns whether an anatomy is being loaded (anatomyReady or anatomyFailed follows);
  /// false: image-only guidance.
  bool startForSource(const QString& anatomyFolder, const tracking::TrackerConfig& trackerConfig = {});
  /// The tracker settings of the running guidance (the defaults before the first start).
  const tracking::TrackerConfig& trackerConfig() const { return m_trackerConfig; }
  void stop();
  /// Describes the anatomy in use ("hip phantom", a folder, or "no anatomy").
  QString anatomyDescription() const;
  const guidance::GuidedFrame* latest() const { return m_latest.frame ? &m_latest : nullptr; }
  /// The anatomy guidance uses, once anatomyReady() was emitted; empty before and without one.
  const std::optional<anatomy::Anatomy>& anatomy() const { return m_anatomy; }
  /// Guides toward `target` (and alerts on its critical structures) from the next frame on,
  /// with the loaded anatomy; no-op before anatomyReady() (e.g. a procedure type's target).
  void setTarget(const guidance::GuidanceTarget& target);
  std::uint64_t processedFrames() const;

 signals:
  void guidedFrame(const hipguide::guidance::GuidedFrame& result);
  void anatomyReady(const QString& description);
  /// The anatomy's 3D surfaces, built on the loader thread after the anatomy itself.
  void surfacesReady(std::shared_ptr<const hipguide::render::AnatomySurfaces> surfaces);
  void anatomyFailed(const QString& message);

 private:
  void deliver();
  void loadAnatomy(std::stop_token stop, acquisition::ProbeDriver* driver, QString folder);

  FramePump& m_pump;
  std::unique_ptr<guidance::GuidancePipeline> m_pipeline;
  std::jthread m_anatomyLoader;
  std::atomic<bool> m_wakePending{false};
  std::uint64_t m_deliveredSequence = 0;
  guidance::GuidedFrame m_latest;
  QString m_anatomyDescription = QStringLiteral("no anatomy");
  std::optional<anatomy::Anatomy> m_anatomy;  ///< Shares data and distance fields with the engine's.
  tracking::TrackerConfig m_trackerConfig;
};

}  // namespace hipguide::app
