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

#include <QMouseEvent>
#include <QOpenGLContext>
#include <QSurfaceFormat>
#include <QWheelEvent>

namespace hipguide::app {

struct VtkHostWidget::Impl {
  vtkNew<vtkGenericOpenGLRenderWindow> window;
  vtkNew<vtkGenericRenderWindowInteractor> interactor;
  vtkNew<vtkInteractorStyleTrackballCamera> style;
  vtkNew<vtkCallbackCommand> contextObserver;
  bool initialized = false;
};

namespace {

/// VTK asks the host to make the context current, to say whether it is, and to present.
void onWindowEvent(vtkObject*, unsigned long eventId, void* clientData, void* callData) {
  auto* widget = static_cast<VtkHostWidget*>(clientData);
  QOpenGLContext* context = widget->context();
  switch (eventId) {
    case vtkCommand::WindowMakeCurrentEvent:
      // Not QOpenGLWidget::makeCurrent(): that rebinds Qt's framebuffer under VTK.
      if (context) context->makeCurrent(context->surface());
      break;
    case vtkCommand::WindowIsCurrentEvent:
      *static_cast<bool*>(callData) = context && QOpenGLContext::currentContext() == context;
      break;
    case vtkCommand::WindowFrameEvent: break;  // Qt presents the widget's framebuffer itself.
    default: break;
  }
}

}  // namespace

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

VtkHostWidget::VtkHostWidget(QWidget* parent) : QOpenGLWidget(parent), m(std::make_unique<Impl>()) {
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(false);
  m->window->SetOwnContext(false);
  m->window->SetReadyForRendering(false);
  m->window->SetFrameBlitModeToNoBlit();
  m->window->SetMultiSamples(0);
  m->contextObserver->SetClientData(this);
  m->contextObserver->SetCallback(&onWindowEvent);
  m->window->AddObserver(vtkCommand::WindowMakeCurrentEvent, m->contextObserver);
  m->window->AddObserver(vtkCommand::WindowIsCurrentEvent, m->contextObserver);
  m->window->AddObserver(vtkCommand::WindowFrameEvent, m->contextObserver);
  m->interactor->SetRenderWindow(m->window);
  m->interactor->SetInteractorStyle(m->style);
  m->interactor->EnableRenderOff();  // Qt decides when to paint.
}

VtkHostWidget::~VtkHostWidget() {
  makeCurrent();
  m->window->Finalize();
  m->window->RemoveObserver(m->contextObserver);
  doneCurrent();
}

vtkGenericOpenGLRenderWindow* VtkHostWidget::renderWindow() const { return m->window; }

void VtkHostWidget::addRenderer(vtkRenderer* renderer) { m->window->AddRenderer(renderer); }

void VtkHostWidget::resetCamera() {
  vtkRendererCollection* renderers = m->window->GetRenderers();
  renderers->InitTraversal();
  while (vtkRenderer* renderer = renderers->GetNextItem()) renderer->ResetCamera();
  update();
}

void VtkHostWidget::initializeGL() {
  m->window->SetReadyForRendering(true);
  m->window->SetMapped(1);
  m->window->SetIsCurrent(true);
  m->window->OpenGLInitContext();
  m->interactor->Initialize();
  m->initialized = true;
  resizeGL(width(), height());
}

void VtkHostWidget::resizeGL(int width, int height) {
  const qreal ratio = devicePixelRatioF();
  const int w = static_cast<int>(width * ratio);
  const int h = static_cast<int>(height * ratio);
  m->window->SetSize(w, h);
  m->interactor->UpdateSize(w, h);
}

void VtkHostWidget::paintGL() {
  if (!m->initialized) return;
  vtkOpenGLState* state = m->window->GetState();
  state->Reset();
  state->Push();
  m->window->Render();
  state->Pop();

  // Copy VTK's display framebuffer into the widget's own framebuffer.
  const int* size = m->window->GetSize();
  state->PushFramebufferBindings();
  state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
  m->window->GetDisplayFramebuffer()->Bind(GL_READ_FRAMEBUFFER);
  m->window->GetDisplayFramebuffer()->ActivateReadBuffer(0);
  m->window->BlitDisplayFramebuffer(0, 0, 0, size[0], size[1], 0, 0, size[0], size[1], GL_COLOR_BUFFER_BIT,
                                    GL_NEAREST);
  state->PopFramebufferBindings();
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
  update();
}

void VtkHostWidget::mouseReleaseEvent(QMouseEvent* event) {
  setEventPosition(m->interactor, this, event->position(), event->modifiers());
  switch (event->button()) {
    case Qt::LeftButton: m->interactor->LeftButtonReleaseEvent(); break;
    case Qt::MiddleButton: m->interactor->MiddleButtonReleaseEvent(); break;
    case Qt::RightButton: m->interactor->RightButtonReleaseEvent(); break;
    default: break;
  }
  update();
}

void VtkHostWidget::mouseMoveEvent(QMouseEvent* event) {
  setEventPosition(m->interactor, this, event->position(), event->modifiers());
  m->interactor->MouseMoveEvent();
  update();
}

void VtkHostWidget::wheelEvent(QWheelEvent* event) {
  setEventPosition(m->interactor, this, event->position(), event->modifiers());
  if (event->angleDelta().y() > 0)
    m->interactor->MouseWheelForwardEvent();
  else if (event->angleDelta().y() < 0)
    m->interactor->MouseWheelBackwardEvent();
  update();
}

void VtkHostWidget::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_R) {
    resetCamera();
    return;
  }
  QOpenGLWidget::keyPressEvent(event);
}

}  // namespace hipguide::app
