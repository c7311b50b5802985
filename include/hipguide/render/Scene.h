#pragma once
/// The 3D scene of the workstation: anatomy, the live image plane, the needle and its path.

#include <hipguide/core/Frame.h>

#include <memory>

class vtkRenderer;

namespace hipguide::render {

/// Owns a vtkRenderer and the actors in it. No widget inside: the app hosts the renderer in a
/// VtkHostWidget, tests render it offscreen. Render thread (the GUI thread) only.
class Scene {
 public:
  Scene();
  ~Scene();
  Scene(const Scene&) = delete;
  Scene& operator=(const Scene&) = delete;

  vtkRenderer* renderer() const;
  /// Shows the frame as a textured plane at its pose; the first frame frames the camera.
  void showFrame(const core::Frame& frame);

 private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

}  // namespace hipguide::render
