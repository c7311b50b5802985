#pragma once
/// The 3D scene of the workstation: anatomy, the live image plane, the needle and its path.

#include <hipguide/core/Frame.h>
#include <hipguide/guidance/GuidanceState.h>

#include <memory>

class vtkRenderer;

namespace hipguide::render {

class AnatomySurfaces;

/// Camera positions a clinician asks for by name.
enum class CameraPreset { Anterior, Lateral, AlongNeedle };

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
  /// Replaces the anatomy surfaces (null: none) and frames the camera on them.
  void setAnatomy(std::shared_ptr<const AnatomySurfaces> surfaces);
  /// Shows the needle, its predicted path and the target of one frame's guidance.
  void showGuidance(const guidance::GuidanceState& state);
  void setCameraPreset(CameraPreset preset);
  /// Number of anatomy actors shown (for tests).
  int anatomyActorCount() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

}  // namespace hipguide::render
