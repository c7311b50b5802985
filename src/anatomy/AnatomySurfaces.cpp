#include <hipguide/anatomy/AnatomyFolder.h>
#include <hipguide/anatomy/AnatomySurfaces.h>

#include <algorithm>
#include <stdexcept>

namespace hipguide::anatomy {

vtkSmartPointer<vtkPolyData> structureSurface(const Anatomy& anatomy, std::string_view name,
                                              const SurfaceOptions& options) {
  const LabelInfo* label = anatomy.table().find(name);
  if (!label) throw std::out_of_range("no structure named '" + std::string(name) + "' in the label table");
  if (!anatomy.folder().empty()) {
    const auto file = anatomy.folder() / kSurfacesFolder / (label->name + ".vtp");
    if (std::filesystem::exists(file)) return readSurface(file);
  }
  const auto present = anatomy.presentLabels();
  if (std::find(present.begin(), present.end(), label) == present.end())
    throw std::out_of_range("structure '" + label->name + "' is not in the label map");
  return extractSurface(anatomy.volume(), label->value, options);
}

}  // namespace hipguide::anatomy
