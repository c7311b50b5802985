#pragma once
/// Surfaces of an Anatomy's structures for the render layer (carries VTK's smart pointer).

#include <hipguide/anatomy/Anatomy.h>
#include <hipguide/anatomy/Surfaces.h>

#include <string_view>

namespace hipguide::anatomy {

/// The structure's surface in LPS mm: read from `folder()/surfaces/<name>.vtp` when the anatomy
/// was loaded from a folder that has it, else extracted from the label map (seconds for large
/// labels). Not cached: the caller keeps it. Throws std::out_of_range for an unknown or absent
/// structure. Any thread.
vtkSmartPointer<vtkPolyData> structureSurface(const Anatomy& anatomy, std::string_view name,
                                              const SurfaceOptions& options = {});

}  // namespace hipguide::anatomy
