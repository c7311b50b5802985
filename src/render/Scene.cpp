#include <hipguide/render/ImagePlane.h>
#include <hipguide/render/Scene.h>

#include <vtkActor.h>
#include <vtkAxesActor.h>
#include <vtkCamera.h>
#include <vtkNew.h>
#include <vtkRenderer.h>

namespace hipguide::render {

struct Scene::Impl {
  vtkNew<vtkRenderer> renderer;
  vtkNew<vtkAxesActor> referenceAxes;
  ImagePlane imagePlane;
  bool cameraFramed = false;
};

Scene::Scene() : m(std::make_unique<Impl>()) {
  m->renderer->SetBackground(0.08, 0.09, 0.11);
  m->renderer->SetBackground2(0.22, 0.24, 0.28);
  m->renderer->GradientBackgroundOn();
  m->referenceAxes->SetTotalLength(20.0, 20.0, 20.0);
  m->referenceAxes->SetAxisLabels(false);
  m->renderer->AddActor(m->referenceAxes);
  m->renderer->AddActor(m->imagePlane.actor());
}

Scene::~Scene() = default;

vtkRenderer* Scene::renderer() const { return m->renderer; }

void Scene::showFrame(const core::Frame& frame) {
  m->imagePlane.show(frame);
  if (!m->cameraFramed) {
    vtkCamera* camera = m->renderer->GetActiveCamera();
    camera->SetPosition(-1.0, -0.6, -1.5);
    camera->SetFocalPoint(0.0, 0.0, 0.0);
    camera->SetViewUp(0.0, -1.0, 0.0);
    m->renderer->ResetCamera();
    m->cameraFramed = true;
  }
}

}  // namespace hipguide::render
