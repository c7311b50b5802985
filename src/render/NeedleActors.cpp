#include "NeedleActors.h"

#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>

namespace hipguide::render {
namespace {
constexpr double kShaftRgb[3] = {1.0, 0.84, 0.29};
constexpr double kPathRgb[3] = {0.31, 0.86, 1.0};
constexpr double kTargetRgb[3] = {1.0, 0.35, 0.78};
}  // namespace

TubeActor::TubeActor(double radiusMm, const double rgb[3], double opacity) {
  tube->SetInputConnection(line->GetOutputPort());
  tube->SetRadius(radiusMm);
  tube->SetNumberOfSides(12);
  tube->CappingOn();
  vtkNew<vtkPolyDataMapper> mapper;
  mapper->SetInputConnection(tube->GetOutputPort());
  actor->SetMapper(mapper);
  actor->GetProperty()->SetColor(rgb[0], rgb[1], rgb[2]);
  actor->GetProperty()->SetOpacity(opacity);
  actor->VisibilityOff();
}

void TubeActor::place(const core::Vec3& fromMm, const core::Vec3& toMm) {
  line->SetPoint1(fromMm.x(), fromMm.y(), fromMm.z());
  line->SetPoint2(toMm.x(), toMm.y(), toMm.z());
  actor->VisibilityOn();
}

NeedleActors::NeedleActors() : shaft(0.6, kShaftRgb, 1.0), path(0.35, kPathRgb, 0.7) {
  targetSphere->SetRadius(2.0);
  targetSphere->SetThetaResolution(24);
  targetSphere->SetPhiResolution(16);
  vtkNew<vtkPolyDataMapper> mapper;
  mapper->SetInputConnection(targetSphere->GetOutputPort());
  target->SetMapper(mapper);
  target->GetProperty()->SetColor(kTargetRgb[0], kTargetRgb[1], kTargetRgb[2]);
  target->GetProperty()->SetOpacity(0.8);
  target->VisibilityOff();
}

void NeedleActors::addTo(vtkRenderer* renderer) {
  renderer->AddActor(shaft.actor);
  renderer->AddActor(path.actor);
  renderer->AddActor(target);
}

}  // namespace hipguide::render
