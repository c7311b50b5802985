#include "AnatomySurfacesEntry.h"
#include "NeedleActors.h"

#include <hipguide/render/ImagePlane.h>
#include <hipguide/render/Scene.h>

#include <vtkActor.h>
#include <vtkAxesActor.h>
#include <vtkCamera.h>
#include <vtkNew.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderStepsPass.h>
#include <vtkRenderer.h>
#include <vtkTranslucentPass.h>

#include <vector>

namespace hipguide::render {

struct Scene::Impl {
  vtkNew<vtkRenderer> renderer;
  vtkNew<vtkRenderStepsPass> steps;
  vtkNew<vtkTranslucentPass> translucent;
  vtkNew<vtkAxesActor> referenceAxes;
  ImagePlane imagePlane;
  NeedleActors needle;
  std::vector<vtkSmartPointer<vtkActor>> anatomyActors;
  std::shared_ptr<const AnatomySurfaces> surfaces;
  core::Vec3 needleEntryMm{0, 0, 0};
  core::Vec3 needleTipMm{0, 0, 0};
  core::Vec3 imageNormal{0, 0, 1};
  bool cameraFramed = false;
};

Scene::Scene() : m(std::make_unique<Impl>()) {
  // A plain background: the gradient is a full-window pass, 4 of 20 ms per render.
  m->renderer->SetBackground(0.13, 0.14, 0.17);
  m->renderer->SetBackgroundAlpha(1.0);  // opaque, also in framebuffer grabs
  // Plain alpha blending instead of VTK's default order-independent translucency, whose extra
  // framebuffers and full-window blits dominate the 3D view's cost in software OpenGL.
  m->steps->SetTranslucentPass(m->translucent);
  m->renderer->SetPass(m->steps);
  m->referenceAxes->SetTotalLength(20.0, 20.0, 20.0);
  m->referenceAxes->SetAxisLabels(false);
  m->renderer->AddActor(m->referenceAxes);
  m->renderer->AddActor(m->imagePlane.actor());
  m->needle.addTo(m->renderer);
}

Scene::~Scene() = default;

vtkRenderer* Scene::renderer() const { return m->renderer; }

int Scene::anatomyActorCount() const { return static_cast<int>(m->anatomyActors.size()); }

void Scene::showFrame(const core::Frame& frame) {
  m->imagePlane.show(frame);
  if (const auto pose = frame.imageToReference()) m->imageNormal = pose->linear().col(2);
  if (!m->cameraFramed) {
    if (frame.imageToReference()) {
      setCameraPreset(CameraPreset::Anterior);
    } else {
      // No pose: the plane lies in image mm; look at it face on, depth downwards.
      vtkCamera* camera = m->renderer->GetActiveCamera();
      camera->SetFocalPoint(0, 0, 0);
      camera->SetPosition(0, 0, -1);
      camera->SetViewUp(0, -1, 0);
      m->renderer->ResetCamera();
    }
    m->cameraFramed = true;
  }
}

void Scene::setAnatomy(std::shared_ptr<const AnatomySurfaces> surfaces) {
  for (const auto& actor : m->anatomyActors) m->renderer->RemoveActor(actor);
  m->anatomyActors.clear();
  m->surfaces = std::move(surfaces);
  if (!m->surfaces) return;
  for (const AnatomySurfaces::Entry& entry : m->surfaces->entries()) {
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputData(entry.surface);
    mapper->ScalarVisibilityOff();
    auto actor = vtkSmartPointer<vtkActor>::New();
    actor->SetMapper(mapper);
    actor->GetProperty()->SetColor(entry.colour[0], entry.colour[1], entry.colour[2]);
    actor->GetProperty()->SetOpacity(entry.opacity);
    actor->GetProperty()->SetSpecular(0.2);
    // The skin covers the whole view: its near side alone shows where the body is, at a third
    // less of the 3D render's cost in software OpenGL than both sides.
    if (entry.name == "skin") actor->GetProperty()->BackfaceCullingOn();
    m->renderer->AddActor(actor);
    m->anatomyActors.push_back(actor);
  }
  setCameraPreset(CameraPreset::Anterior);
  m->cameraFramed = true;
}

void Scene::showGuidance(const guidance::GuidanceState& state) {
  const bool show3d = state.poseKnown && state.needle;
  m->needle.shaft.actor->SetVisibility(show3d);
  m->needle.path.actor->SetVisibility(show3d && state.path);
  if (show3d) {
    m->needleEntryMm = state.needle->entryMm;
    m->needleTipMm = state.needle->tipMm;
    m->needle.shaft.place(state.needle->entryMm, state.needle->tipMm);
    if (state.path) m->needle.path.place(state.path->startMm, state.path->endMm);
  }
  if (state.targetMm) m->needle.targetSphere->SetCenter(state.targetMm->data());
  m->needle.target->SetVisibility(state.targetMm.has_value());
}

void Scene::setCameraPreset(CameraPreset preset) {
  vtkCamera* camera = m->renderer->GetActiveCamera();
  // Reference axes are LPS: +x patient left, +y posterior, +z superior.
  switch (preset) {
    case CameraPreset::Anterior:
      camera->SetFocalPoint(0, 0, 0);
      camera->SetPosition(0, -1, 0);
      camera->SetViewUp(0, 0, 1);
      break;
    case CameraPreset::Lateral:
      camera->SetFocalPoint(0, 0, 0);
      camera->SetPosition(-1, 0, 0);
      camera->SetViewUp(0, 0, 1);
      break;
    case CameraPreset::AlongNeedle: {
      const core::Vec3 direction = (m->needleTipMm - m->needleEntryMm).normalized();
      if (!direction.allFinite()) return setCameraPreset(CameraPreset::Anterior);
      const core::Vec3 eye = m->needleEntryMm - 80.0 * direction;
      camera->SetFocalPoint(m->needleTipMm.data());
      camera->SetPosition(eye.data());
      camera->SetViewUp(m->imageNormal.data());
      m->renderer->ResetCameraClippingRange();
      return;
    }
  }
  m->renderer->ResetCamera();
}

}  // namespace hipguide::render
