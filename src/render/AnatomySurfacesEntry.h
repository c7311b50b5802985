#pragma once
/// One structure's surface with how to draw it (render layer private).

#include <hipguide/render/AnatomySurfaces.h>

#include <vtkPolyData.h>
#include <vtkSmartPointer.h>

#include <array>

namespace hipguide::render {

struct AnatomySurfaces::Entry {
  std::string name;
  std::array<double, 3> colour{1, 1, 1};
  double opacity = 1.0;
  vtkSmartPointer<vtkPolyData> surface;
};

}  // namespace hipguide::render
