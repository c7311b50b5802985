#pragma once
/// Surfaces of an anatomy prepared for the 3D scene, built off the GUI thread.

#include <hipguide/anatomy/Anatomy.h>

#include <memory>
#include <string>
#include <vector>

namespace hipguide::render {

/// The structures worth showing in 3D (bone, capsule, recess, vessels, nerves, bursae, a faint
/// skin), each with its surface, colour and opacity. Opaque: VTK stays out of this header.
class AnatomySurfaces {
 public:
  struct Entry;
  ~AnatomySurfaces();
  const std::vector<Entry>& entries() const;
  std::vector<std::string> names() const;

  /// Extracts the surfaces (seconds for the phantom). Any thread: builds VTK data only.
  static std::shared_ptr<const AnatomySurfaces> build(const anatomy::Anatomy& anatomy);

 private:
  AnatomySurfaces();
  std::vector<Entry> m_entries;
};

}  // namespace hipguide::render
