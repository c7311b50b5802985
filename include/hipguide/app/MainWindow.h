#pragma once
/// The workstation's main window: 2D image view, 3D view, status bar and menus.

#include <hipguide/app/DisplayStats.h>
#include <hipguide/core/Frame.h>

#include <QMainWindow>

#include <memory>

class QSplitter;
class QTimer;

namespace hipguide::render {
class Scene;
}

namespace hipguide::app {

class FramePump;
class ImageView;
class StatusPanel;
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
  QString currentSource() const { return m_sourceSpec; }
  DisplayStatsSummary statsSummary();

  ImageView* imageView() const { return m_imageView; }
  VtkHostWidget* view3d() const { return m_view3d; }
  FramePump* framePump() const { return m_pump; }

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void buildMenus();
  void onFrame(const core::FramePtr& frame);
  void refreshStatus();
  void render3d();
  void restoreSettings();
  void saveSettings() const;

  FramePump* m_pump;
  ImageView* m_imageView;
  VtkHostWidget* m_view3d;
  QSplitter* m_splitter;
  StatusPanel* m_statusPanel;
  QTimer* m_statusTimer;
  QTimer* m_render3dTimer;
  std::unique_ptr<render::Scene> m_scene;
  DisplayStats m_stats;
  QString m_sourceSpec;
  core::FramePtr m_latestFrame;
  std::uint64_t m_rendered3dFrameId = 0;
};

}  // namespace hipguide::app
