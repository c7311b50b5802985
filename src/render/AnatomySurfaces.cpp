#include "AnatomySurfacesEntry.h"

#include <hipguide/anatomy/Surfaces.h>

#include <optional>

namespace hipguide::render {
namespace {

/// How opaque a structure is drawn; nullopt for structures left out of the 3D view.
std::optional<double> opacityFor(const anatomy::LabelInfo& label) {
  using anatomy::TissueRole;
  switch (label.role) {
    case TissueRole::Bone: return 1.0;
    case TissueRole::Vessel:
    case TissueRole::Nerve: return 0.95;
    case TissueRole::Target: return 0.7;
    case TissueRole::Fluid: return 0.5;
    case TissueRole::Skin: return 0.07;
    case TissueRole::Soft: return label.name == "joint_capsule" ? std::optional(0.3) : std::nullopt;
  }
  return std::nullopt;
}

/// Fraction of triangles removed: large smooth shells keep the fewest, small vessels and
/// nerves the most, about 30 000 triangles in all for the hip phantom.
double decimationFor(anatomy::TissueRole role) {
  switch (role) {
    case anatomy::TissueRole::Skin: return 0.985;  // a nearly transparent shell
    case anatomy::TissueRole::Bone: return 0.95;
    default: return 0.9;
  }
}

}  // namespace

AnatomySurfaces::AnatomySurfaces() = default;
AnatomySurfaces::~AnatomySurfaces() = default;

const std::vector<AnatomySurfaces::Entry>& AnatomySurfaces::entries() const { return m_entries; }

std::vector<std::string> AnatomySurfaces::names() const {
  std::vector<std::string> result;
  for (const Entry& entry : m_entries) result.push_back(entry.name);
  return result;
}

std::shared_ptr<const AnatomySurfaces> AnatomySurfaces::build(const anatomy::Anatomy& anatomy) {
  std::shared_ptr<AnatomySurfaces> surfaces(new AnatomySurfaces);
  anatomy::SurfaceOptions options;
  // The 3D view needs shape, not every voxel: software OpenGL processes each triangle on the
  // GUI thread, and the full-detail surfaces (190 000 triangles) took 130 ms per render.
  options.maxVoxelsAtFullResolution = 0;  // every label on the 2× coarser grid
  for (const anatomy::LabelInfo* label : anatomy.presentLabels()) {
    const std::optional<double> opacity = opacityFor(*label);
    if (!opacity) continue;
    Entry entry;
    entry.name = label->name;
    for (int c = 0; c < 3; ++c) entry.colour[c] = label->colour[c] / 255.0;
    entry.opacity = *opacity;
    options.decimationReduction = decimationFor(label->role);
    entry.surface = anatomy::extractSurface(anatomy.volume(), label->value, options);
    if (entry.surface->GetNumberOfCells() > 0) surfaces->m_entries.push_back(std::move(entry));
  }
  return surfaces;
}

}  // namespace hipguide::render
