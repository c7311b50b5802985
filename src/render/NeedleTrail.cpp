#include <hipguide/render/NeedleTrail.h>

#include <vtkActor.h>
#include <vtkLineSource.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkTubeFilter.h>

namespace hipguide::render {

struct NeedleTrail::Impl {
  vtkNew<vtkLineSource> line;
  vtkNew<vtkTubeFilter> tube;
  vtkNew<vtkPolyDataMapper> mapper;
  vtkNew<vtkActor> actor;
  int count = 0;
};

NeedleTrail::NeedleTrail() : m(std::make_unique<Impl>()) {
  m->tube->SetInputConnection(m->line->GetOutputPort());
  m->tube->SetRadius(0.6);
  m->tube->SetNumberOfSides(10);
  m->mapper->SetInputConnection(m->tube->GetOutputPort());
  m->actor->SetMapper(m->mapper);
  m->actor->GetProperty()->SetColor(1.0, 0.55, 0.0);
  m->actor->VisibilityOff();
}

NeedleTrail::~NeedleTrail() = default;

void NeedleTrail::setPoints(const std::vector<core::Vec3>& pointsMm) {
  vtkNew<vtkPoints> points;
  for (const core::Vec3& point : pointsMm) {
    double last[3];
    const vtkIdType count = points->GetNumberOfPoints();
    if (count > 0) points->GetPoint(count - 1, last);
    if (count > 0 && (point - core::Vec3(last[0], last[1], last[2])).norm() < 1e-3) continue;
    points->InsertNextPoint(point.x(), point.y(), point.z());
  }
  m->count = static_cast<int>(points->GetNumberOfPoints());
  m->line->SetPoints(points);
  m->actor->SetVisibility(m->count >= 2);
}

void NeedleTrail::setColour(const std::array<double, 3>& rgb) {
  m->actor->GetProperty()->SetColor(rgb[0], rgb[1], rgb[2]);
}

void NeedleTrail::addTo(vtkRenderer* renderer) { renderer->AddActor(m->actor); }

int NeedleTrail::pointCount() const { return m->count; }

}  // namespace hipguide::render
