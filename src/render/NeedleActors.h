#pragma once
/// The needle, its predicted path and the target as VTK actors (render layer private).

#include <hipguide/core/Geometry.h>

#include <vtkActor.h>
#include <vtkLineSource.h>
#include <vtkNew.h>
#include <vtkSphereSource.h>
#include <vtkTubeFilter.h>

class vtkRenderer;

namespace hipguide::render {

/// A tube between two points whose ends can move every frame.
struct TubeActor {
  vtkNew<vtkLineSource> line;
  vtkNew<vtkTubeFilter> tube;
  vtkNew<vtkActor> actor;

  TubeActor(double radiusMm, const double rgb[3], double opacity);
  void place(const core::Vec3& fromMm, const core::Vec3& toMm);
};

/// Needle shaft, predicted path and target sphere.
struct NeedleActors {
  TubeActor shaft;
  TubeActor path;
  vtkNew<vtkSphereSource> targetSphere;
  vtkNew<vtkActor> target;

  NeedleActors();
  void addTo(vtkRenderer* renderer);
};

}  // namespace hipguide::render
