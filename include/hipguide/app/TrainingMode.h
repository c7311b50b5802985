#pragma once
/// Training mode in the main window: runs an attempt on the simulated probe driven by the
/// trainee's keys and mouse, a tracked probe and needle over OpenIGTLink, or the autopilot;
/// coaches, scores, stores and debriefs it.

#include <hipguide/app/TrainingKeys.h>
#include <hipguide/training/AttemptRunner.h>
#include <hipguide/training/Coach.h>
#include <hipguide/training/TrackedDrive.h>
#include <hipguide/training/TraineeControls.h>

#include <QElapsedTimer>
#include <QObject>
#include <QPoint>
#include <QPointer>

#include <memory>
#include <optional>
#include <thread>

class QDockWidget;
class QTimer;

namespace hipguide::render {
class AnatomySurfaces;
}

namespace hipguide::acquisition {
class SimulatedProbeDriver;
class UltrasoundSimulator;
}  // namespace hipguide::acquisition

namespace hipguide::app {

class MainWindow;
class TrainingDebrief;
class TrainingPanel;

/// Owned by the MainWindow; adds the TrainingPanel as a dock. An attempt opens the exercise's
/// simulated source, builds the TrainingWorld on a worker thread, then every 50 ms (GUI
/// thread) moves the driver's probe and needle from the TraineeControls, the TrackedDrive (when
/// the panel's drive is the OpenIGTLink tracker; its state is shown as the status line) or the
/// autopilot's plan, computes the frame's ground truth, adds it to the trace and shows live scores and
/// hints. Finish (or the time limit, or the end of the autopilot's plan) scores the attempt,
/// stores it in the training database and opens the debrief. The attempt is recorded through
/// the window's RecordingController so that the debrief can replay it.
class TrainingMode : public QObject {
  Q_OBJECT
 public:
  explicit TrainingMode(MainWindow& window);
  ~TrainingMode() override;

  TrainingPanel* panel() const { return m_panel; }
  void showPanel();
  /// Starts an attempt of a scenario's exercise, driven by the autopilot, or else by the panel's
  /// drive (hands, or the tracker at its address); false with the reason in the panel.
  bool startAttempt(const QString& scenario, bool autopilot);
  /// Ends the running attempt (no-op when none).
  void finishAttempt();
  bool running() const { return m_running; }
  /// The last finished attempt, or nullptr.
  const training::AttemptResult* lastResult() const { return m_last ? &*m_last : nullptr; }
  /// The open debrief of the last attempt, or nullptr.
  TrainingDebrief* debrief() const;
  /// The training database (default ~/HipGuide/hipguide.db, setting "training/database").
  QString databaseFile() const;
  void setDatabaseFile(const QString& file);
  /// Attempt time runs this many times faster than the clock (default 1; tests and demos).
  void setSpeed(double factor) { m_speed = factor; }

 signals:
  void attemptStarted();
  void attemptFinished();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void onWorldReady(std::shared_ptr<const training::TrainingWorld> world);
  void tick();
  void showLive(const training::AttemptSample& sample);
  acquisition::SimulatedProbeDriver* driver() const;
  void openDebrief();
  void showProgress();
  /// Connects to the panel's tracker (when chosen); false with the reason in the panel.
  bool openTracker();
  acquisition::ScenarioState trackedState(double timeS);
  QString driverName() const;

  MainWindow& m_window;
  TrainingPanel* m_panel;
  QDockWidget* m_dock;
  QTimer* m_timer;
  TrainingKeys m_keys;
  bool m_running = false;
  bool m_autopilot = false;
  double m_speed = 1.0;
  QString m_databaseFile;  ///< Read from QSettings once, so other windows' choices don't move it.
  std::uint32_t m_seed = 1;
  int m_generation = 0;  ///< Counts attempts started; tags the builder's deliveries.
  std::jthread m_builder;
  std::shared_ptr<const training::TrainingWorld> m_world;
  std::optional<training::TraineeControls> m_controls;
  std::unique_ptr<acquisition::IgtlTrackerClient> m_tracker;  ///< While a tracked attempt runs.
  std::optional<training::TrackedDrive> m_tracked;
  training::TrackedDriveSettings
      m_trackedSettings;     ///< Registration file from "training/trackerRegistration".
  QString m_trackerMessage;  ///< The last tracking state shown.
  std::optional<training::AttemptTracer> m_tracer;
  std::optional<training::Coach> m_coach;
  std::unique_ptr<acquisition::UltrasoundSimulator> m_simulator;  ///< Ground truth only.
  QElapsedTimer m_clock;
  QPoint m_dragStart;
  std::optional<training::AttemptResult> m_last;
  QPointer<TrainingDebrief> m_debrief;
  std::shared_ptr<const render::AnatomySurfaces> m_surfaces;  ///< Built with the world, for the debrief.
};

}  // namespace hipguide::app
