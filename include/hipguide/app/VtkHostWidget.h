#pragma once
/// A Qt 6 widget that hosts a VTK render window (VTK's own Qt widget is Qt 5 only).

#include <QOpenGLWidget>

#include <memory>

class vtkGenericOpenGLRenderWindow;
class vtkRenderer;

namespace hipguide::app {

/// Owns a vtkGenericOpenGLRenderWindow that renders into this QOpenGLWidget's context, and a
/// VTK interactor fed with Qt's mouse, wheel and key events (left drag rotates, middle or
/// shift-left drag pans, wheel or right drag zooms, 'r' resets the camera). GUI thread only.
class VtkHostWidget : public QOpenGLWidget {
  Q_OBJECT
 public:
  explicit VtkHostWidget(QWidget* parent = nullptr);
  ~VtkHostWidget() override;

  vtkGenericOpenGLRenderWindow* renderWindow() const;
  /// Adds a renderer to the window (the caller keeps its own reference).
  void addRenderer(vtkRenderer* renderer);
  /// Frames all visible props in every renderer and repaints.
  void resetCamera();

 protected:
  void initializeGL() override;
  void paintGL() override;
  void resizeGL(int width, int height) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

/// Sets the default OpenGL surface format VTK needs (3.2 core, depth, double buffer).
/// Call before constructing QApplication.
void setVtkCompatibleSurfaceFormat();

}  // namespace hipguide::app
