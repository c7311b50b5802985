#pragma once
/// The path a needle tip took, as a tube in a 3D scene (training debrief).

#include <hipguide/core/Geometry.h>

#include <array>
#include <memory>
#include <vector>

class vtkRenderer;

namespace hipguide::render {

/// A polyline through tip positions (reference mm) drawn as a thin tube. VTK stays out of this
/// header. Render thread (the GUI thread) only.
class NeedleTrail {
 public:
  NeedleTrail();
  ~NeedleTrail();
  NeedleTrail(const NeedleTrail&) = delete;
  NeedleTrail& operator=(const NeedleTrail&) = delete;

  /// Replaces the points (consecutive duplicates are skipped; fewer than 2 points hide the tube).
  void setPoints(const std::vector<core::Vec3>& pointsMm);
  void setColour(const std::array<double, 3>& rgb);
  void addTo(vtkRenderer* renderer);
  /// Points drawn after duplicates were skipped (for tests).
  int pointCount() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

}  // namespace hipguide::render
