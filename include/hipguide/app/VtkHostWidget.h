#pragma once
/// A Qt 6 widget that hosts a VTK render window (VTK's own Qt widget is Qt 5 only).

#include <QWidget>

#include <memory>

class QWindow;
class vtkGenericOpenGLRenderWindow;
class vtkRenderer;

namespace hipguide::app {

/// Owns a vtkGenericOpenGLRenderWindow that renders into a QOpenGLWindow held in a window
/// container, and a VTK interactor fed with Qt's mouse, wheel and key events (left drag
/// rotates, middle or shift-left drag pans, wheel or right drag zooms, 'r' resets the camera).
/// A native GL child window rather than a QOpenGLWidget: with a QOpenGLWidget Qt composes the
/// whole top-level window with OpenGL on every repaint of any widget, which on a software GL
/// costs the 2D view most of its frame rate (docs/architecture.md). GUI thread only.
class VtkHostWidget : public QWidget {
  Q_OBJECT
 public:
  explicit VtkHostWidget(QWidget* parent = nullptr);
  ~VtkHostWidget() override;

  vtkGenericOpenGLRenderWindow* renderWindow() const;
  /// Adds a renderer to the window (the caller keeps its own reference).
  void addRenderer(vtkRenderer* renderer);
  /// Frames all visible props in every renderer and renders.
  void resetCamera();
  /// Renders the scene again at the next paint of the GL window (not QWidget::update(): the
  /// native GL window covers this widget).
  void render();
  /// Renders now and returns the picture (tests, screenshots).
  QImage grabFramebuffer();
  /// The native GL window (tests send it events).
  QWindow* glWindow() const;
  /// A window container has no size hint of its own; a layout would give the view no room.
  QSize sizeHint() const override { return {480, 480}; }
  QSize minimumSizeHint() const override { return {160, 160}; }

 protected:
  void mousePressEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

/// `window` grabbed as QWidget::grab() does, with the 3D views painted in (a native GL child
/// window is not part of a widget grab).
QPixmap grabWithScenes(QWidget& window);

/// Sets the default OpenGL surface format VTK needs (3.2 core, depth, double buffer).
/// Call before constructing QApplication.
void setVtkCompatibleSurfaceFormat();

}  // namespace hipguide::app
