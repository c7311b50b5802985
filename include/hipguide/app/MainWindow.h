#pragma once
/// The workstation's main window: 2D image view, 3D view, status bar and menus.

#include <hipguide/app/DisplayStats.h>
#include <hipguide/core/Frame.h>
#include <hipguide/guidance/GuidancePipeline.h>

#include <QElapsedTimer>
#include <QMainWindow>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QSplitter;
class QTimer;

namespace hipguide::render {
class Scene;
}

namespace hipguide::app {

class FramePump;
class GuidanceController;
class GuidancePanel;
class IgtlShare;
class ImageView;
class RecordingController;
class ReplayBar;
class StatusPanel;
class ProcedureDock;
class TrainingMode;
class VtkHostWidget;

/// Brings the views together around the current source. Opening a source that fails keeps the
/// window responsive and says why in the status bar. Geometry, splitter and the last source
/// are persisted with QSettings. GUI thread only.
class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Opens a source spec (see acquisition::SourceSpec); false with the reason shown when it fails.
  bool openSource(const QString& spec, double framesPerSecond = 20.0);
  /// Anatomy folder used for guidance with sources other than the simulator (empty: none).
  void setAnatomyFolder(const QString& folder) { m_anatomyFolder = folder; }
  QString currentSource() const { return m_sourceSpec; }
  DisplayStatsSummary statsSummary();

  /// Shows the recording being replayed at `mm` per pixel (a size measured on its image, for a
  /// recording without a calibration); false with the reason shown when nothing is replayed or
  /// the size is not a B-mode pixel's.
  bool setReplayPixelSizeMm(double mm);

  /// Starts or stops recording the current source; false with the reason shown on failure.
  bool setRecording(bool on);
  bool recording() const;
  /// Freezes the displayed image (the source keeps running and recording).
  void setFrozen(bool frozen);
  bool frozen() const { return m_frozen; }
  /// Saves the image view with its overlays as a key image; returns its path or empty.
  QString captureKeyImage();
  /// Starts or stops sharing over OpenIGTLink on loopback (port 0 = any free port); false with
  /// the reason shown when the port cannot be opened.
  bool setSharing(bool on, int port = 18944);
  const IgtlShare& share() const { return *m_share; }
  /// The mode the window is in, from its source: "Live", "Training" or "Replay".
  QString mode() const;

  ImageView* imageView() const { return m_imageView; }
  ReplayBar* replayBar() const { return m_replayBar; }
  RecordingController* recordingController() const { return m_recording; }
  VtkHostWidget* view3d() const { return m_view3d; }
  FramePump* framePump() const { return m_pump; }
  GuidancePanel* guidancePanel() const { return m_guidancePanel; }
  GuidanceController* guidanceController() const { return m_guidance; }
  /// Training mode (exercise panel, attempts, debrief).
  TrainingMode* trainingMode() const { return m_training; }
  /// Procedure mode (checklist, key images, injection, report); hidden until chosen.
  ProcedureDock* procedureDock() const { return m_procedureDock; }

 protected:
  void closeEvent(QCloseEvent* event) override;
  /// On the first show, restores the split between the image and 3D views saved last time.
  void showEvent(QShowEvent* event) override;

 private:
  void buildMenus();
  void buildToolBar();
  void attachReplayBar();
  void switchMode(const QString& mode);
  /// Opens the source dialog and, when accepted, the chosen source.
  void chooseSource();
  /// Measures the replay's pixel size from two depth ticks on its image (DepthTickCalibrator).
  void measureReplayPixelSize();
  void onFrame(const core::FramePtr& frame);
  void onGuidedFrame(const guidance::GuidedFrame& guided);
  void refreshStatus();
  /// Renders the 3D view with the newest frame when it has one not yet rendered and at least
  /// `intervalMs` have passed since the last 3D render.
  void render3dIfDue(int intervalMs);
  void restoreSettings();
  void saveSettings() const;

  FramePump* m_pump;
  GuidanceController* m_guidance;
  ImageView* m_imageView;
  GuidancePanel* m_guidancePanel;
  RecordingController* m_recording;
  ReplayBar* m_replayBar;
  QLabel* m_recordLabel = nullptr;
  QAction* m_shareAction = nullptr;
  QComboBox* m_modeBox = nullptr;
  bool m_frozen = false;
  VtkHostWidget* m_view3d;
  QSplitter* m_splitter;
  bool m_splitRestored = false;
  StatusPanel* m_statusPanel;
  QTimer* m_statusTimer;
  QTimer* m_render3dTimer;
  std::unique_ptr<render::Scene> m_scene;
  std::unique_ptr<IgtlShare> m_share;
  DisplayStats m_stats;
  QString m_sourceSpec;
  QString m_anatomyFolder;
  TrainingMode* m_training = nullptr;
  ProcedureDock* m_procedureDock = nullptr;
  core::FramePtr m_latestFrame;
  guidance::GuidedFrame m_guided;  ///< The newest guided frame shown.
  std::int64_t m_lastGuidedNs = 0;
  QString m_keyImageFolder;
  std::uint64_t m_rendered3dFrameId = 0;
  QElapsedTimer m_since3dRender;
};

}  // namespace hipguide::app
