// VTK's OpenGL headers (which pull in glew) must come before any Qt OpenGL header.
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkNew.h>
#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>
#include <vtkRendererCollection.h>

#include <hipguide/app/VtkHostWidget.h>

#include <QCoreApplication>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLWindow>
#include <QPainter>
#include <QPixmap>
#include <QSurfaceFormat>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace hipguide::app {

namespace {

/// The native GL window VTK draws into. Its input events go to the host widget, which feeds
/// them to VTK's interactor (so synthetic events sent to the widget work the same).
class SceneGlWindow : public QOpenGLWindow {
 public:
  SceneGlWindow(QWidget* host, vtkGenericOpenGLRenderWindow* vtkWindow,
                vtkGenericRenderWindowInteractor* interactor)
      : m_host(host), m_vtkWindow(vtkWindow), m_interactor(interactor) {}

 protected:
  void initializeGL() override {
    m_vtkWindow->SetReadyForRendering(true);
    m_vtkWindow->SetMapped(1);
    m_vtkWindow->SetIsCurrent(true);
    m_vtkWindow->OpenGLInitContext();
    m_interactor->Initialize();
    m_initialized = true;
    resizeGL(width(), height());
  }
  void resizeGL(int width, int height) override {
    const qreal ratio = devicePixelRatio();
    const int w = static_cast<int>(width * ratio);
    const int h = static_cast<int>(height * ratio);
    m_vtkWindow->SetSize(w, h);
    m_interactor->UpdateSize(w, h);
  }
  void paintGL() override {
    if (!m_initialized) return;
    vtkOpenGLState* state = m_vtkWindow->GetState();
    state->Reset();
    state->Push();
    m_vtkWindow->Render();
    state->Pop();
    // Copy VTK's display framebuffer into the window's own framebuffer.
    const int* size = m_vtkWindow->GetSize();
    state->PushFramebufferBindings();
    state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
    m_vtkWindow->GetDisplayFramebuffer()->Bind(GL_READ_FRAMEBUFFER);
    m_vtkWindow->GetDisplayFramebuffer()->ActivateReadBuffer(0);
    m_vtkWindow->BlitDisplayFramebuffer(0, 0, 0, size[0], size[1], 0, 0, size[0], size[1],
                                        GL_COLOR_BUFFER_BIT, GL_NEAREST);
    state->PopFramebufferBindings();
  }
  void mousePressEvent(QMouseEvent* event) override { forward(event); }
  void mouseReleaseEvent(QMouseEvent* event) override { forward(event); }
  void mouseMoveEvent(QMouseEvent* event) override { forward(event); }
  void wheelEvent(QWheelEvent* event) override { forward(event); }
  void keyPressEvent(QKeyEvent* event) override { forward(event); }

 private:
  void forward(QEvent* event) { QCoreApplication::sendEvent(m_host, event); }

  QWidget* m_host;
  vtkGenericOpenGLRenderWindow* m_vtkWindow;
  vtkGenericRenderWindowInteractor* m_interactor;
  bool m_initialized = false;
};

/// VTK asks the host to make the context current, to say whether it is, and to present.
void onWindowEvent(vtkObject*, unsigned long eventId, void* clientData, void* callData) {
  auto* window = static_cast<SceneGlWindow*>(clientData);
  QOpenGLContext* context = window->context();
  switch (eventId) {
    case vtkCommand::WindowMakeCurrentEvent:
      if (context) context->makeCurrent(window);
      break;
    case vtkCommand::WindowIsCurrentEvent:
      *static_cast<bool*>(callData) = context && QOpenGLContext::currentContext() == context;
      break;
    case vtkCommand::WindowFrameEvent: break;  // Qt presents the window's framebuffer itself.
    default: break;
  }
}

}  // namespace

struct VtkHostWidget::Impl {
  vtkNew<vtkGenericOpenGLRenderWindow> window;
  vtkNew<vtkGenericRenderWindowInteractor> interactor;
  vtkNew<vtkInteractorStyleTrackballCamera> style;
  vtkNew<vtkCallbackCommand> contextObserver;
  SceneGlWindow* glWindow = nullptr;  ///< Owned by the window container, a child widget.
};

void setVtkCompatibleSurfaceFormat() {
  QSurfaceFormat format;
  format.setRenderableType(QSurfaceFormat::OpenGL);
  format.setVersion(3, 2);
  format.setProfile(QSurfaceFormat::CoreProfile);
  format.setSwapBehavior(QSurfaceFormat::DoubleBuffer);
  format.setRedBufferSize(8);
  format.setGreenBufferSize(8);
  format.setBlueBufferSize(8);
  format.setAlphaBufferSize(8);
  format.setDepthBufferSize(24);
  format.setStencilBufferSize(0);
  format.setSamples(0);
  QSurfaceFormat::setDefaultFormat(format);
}

VtkHostWidget::VtkHostWidget(QWidget* parent) : QWidget(parent), m(std::make_unique<Impl>()) {
  setFocusPolicy(Qt::StrongFocus);
  m->window->SetOwnContext(false);
  m->window->SetReadyForRendering(false);
  m->window->SetFrameBlitModeToNoBlit();
  m->window->SetMultiSamples(0);
  m->glWindow = new SceneGlWindow(this, m->window, m->interactor);
  m->contextObserver->SetClientData(m->glWindow);
  m->contextObserver->SetCallback(&onWindowEvent);
  m->window->AddObserver(vtkCommand::WindowMakeCurrentEvent, m->contextObserver);
  m->window->AddObserver(vtkCommand::WindowIsCurrentEvent, m->contextObserver);
  m->window->AddObserver(vtkCommand::WindowFrameEvent, m->contextObserver);
  m->interactor->SetRenderWindow(m->window);
  m->interactor->SetInteractorStyle(m->style);
  m->interactor->EnableRenderOff();  // Qt decides when to paint.
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(QWidget::createWindowContainer(m->glWindow, this));
}

VtkHostWidget::~VtkHostWidget() {
  if (m->glWindow->context()) {
    m->glWindow->makeCurrent();
    m->window->Finalize();
    m->glWindow->doneCurrent();
  }
  m->window->RemoveObserver(m->contextObserver);
}

vtkGenericOpenGLRenderWindow* VtkHostWidget::renderWindow() const { return m->window; }

void VtkHostWidget::addRenderer(vtkRenderer* renderer) { m->window->AddRenderer(renderer); }

void VtkHostWidget::resetCamera() {
  vtkRendererCollection* renderers = m->window->GetRenderers();
  renderers->InitTraversal();
  while (vtkRenderer* renderer = renderers->GetNextItem()) renderer->ResetCamera();
  render();
}

void VtkHostWidget::render() { m->glWindow->update(); }

QImage VtkHostWidget::grabFramebuffer() { return m->glWindow->grabFramebuffer(); }

QWindow* VtkHostWidget::glWindow() const { return m->glWindow; }

QPixmap grabWithScenes(QWidget& window) {
  QPixmap shot = window.grab();
  QPainter painter(&shot);
  for (VtkHostWidget* view : window.findChildren<VtkHostWidget*>()) {
    if (!view->isVisible()) continue;
    const QImage scene = view->grabFramebuffer();
    painter.drawImage(QRect(view->mapTo(&window, QPoint(0, 0)), view->size()), scene);
  }
  return shot;
}

namespace {

/// Qt logical coordinates → VTK device pixels with the origin at the bottom left.
void setEventPosition(vtkGenericRenderWindowInteractor* interactor, const QWidget* widget, QPointF position,
                      Qt::KeyboardModifiers modifiers) {
  const qreal ratio = widget->devicePixelRatioF();
  const int x = static_cast<int>(position.x() * ratio);
  const int y = static_cast<int>((widget->height() - position.y() - 1) * ratio);
  interactor->SetEventInformation(x, y, modifiers & Qt::ControlModifier ? 1 : 0,
                                  modifiers & Qt::ShiftModifier ? 1 : 0);
}

}  // namespace

void VtkHostWidget::mousePressEvent(QMouseEvent* event) {
  setEventPosition(m->interactor, this, event->position(), event->modifiers());
  switch (event->button()) {
    case Qt::LeftButton: m->interactor->LeftButtonPressEvent(); break;
    case Qt::MiddleButton: m->interactor->MiddleButtonPressEvent(); break;
    case Qt::RightButton: m->interactor->RightButtonPressEvent(); break;
    default: break;
  }
  render();
}

void VtkHostWidget::mouseReleaseEvent(QMouseEvent* event) {
  setEventPosition(m->interactor, this, event->position(), event->modifiers());
  switch (event->button()) {
    case Qt::LeftButton: m->interactor->LeftButtonReleaseEvent(); break;
    case Qt::MiddleButton: m->interactor->MiddleButtonReleaseEvent(); break;
    case Qt::RightButton: m->interactor->RightButtonReleaseEvent(); break;
    default: break;
  }
  render();
}

void VtkHostWidget::mouseMoveEvent(QMouseEvent* event) {
  setEventPosition(m->interactor, this, event->position(), event->modifiers());
  m->interactor->MouseMoveEvent();
  render();
}

void VtkHostWidget::wheelEvent(QWheelEvent* event) {
  setEventPosition(m->interactor, this, event->position(), event->modifiers());
  if (event->angleDelta().y() > 0)
    m->interactor->MouseWheelForwardEvent();
  else if (event->angleDelta().y() < 0)
    m->interactor->MouseWheelBackwardEvent();
  render();
}

void VtkHostWidget::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_R) {
    resetCamera();
    return;
  }
  QWidget::keyPressEvent(event);
}

}  // namespace hipguide::app
