#pragma once
/// The live B-mode image as a textured plane in the 3D scene.

#include <hipguide/core/Frame.h>

#include <memory>

class vtkActor;

namespace hipguide::render {

/// A plane textured with the frame's grey pixels, placed at the frame's image-to-reference
/// transform (or in image millimetres when the pose is unknown). GUI/render thread only.
class ImagePlane {
 public:
  ImagePlane();
  ~ImagePlane();
  ImagePlane(const ImagePlane&) = delete;
  ImagePlane& operator=(const ImagePlane&) = delete;

  /// Uploads the pixels and moves the plane; cheap when size and pose are unchanged.
  void show(const core::Frame& frame);
  vtkActor* actor() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

}  // namespace hipguide::render
