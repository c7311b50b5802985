#include <hipguide/render/ImagePlane.h>

#include <vtkActor.h>
#include <vtkImageData.h>
#include <vtkMatrix4x4.h>
#include <vtkNew.h>
#include <vtkPlaneSource.h>
#include <vtkPointData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkTexture.h>
#include <vtkUnsignedCharArray.h>

namespace hipguide::render {

struct ImagePlane::Impl {
  vtkNew<vtkImageData> image;
  vtkNew<vtkTexture> texture;
  vtkNew<vtkPlaneSource> plane;
  vtkNew<vtkPolyDataMapper> mapper;
  vtkNew<vtkActor> actor;
  vtkNew<vtkMatrix4x4> pose;
};

ImagePlane::ImagePlane() : m(std::make_unique<Impl>()) {
  m->texture->SetInputData(m->image);
  m->texture->InterpolateOn();
  m->texture->SetColorModeToDirectScalars();
  m->mapper->SetInputConnection(m->plane->GetOutputPort());
  m->actor->SetMapper(m->mapper);
  m->actor->SetTexture(m->texture);
  m->actor->GetProperty()->LightingOff();
  m->actor->SetUserMatrix(m->pose);
  m->actor->VisibilityOff();
}

ImagePlane::~ImagePlane() = default;

vtkActor* ImagePlane::actor() const { return m->actor; }

void ImagePlane::show(const core::Frame& frame) {
  if (frame.empty()) return;
  // Half resolution for frames of 256 pixels or more: the plane covers a few hundred pixels of
  // the 3D view, and software OpenGL's texture upload costs per texel.
  const int factor = frame.width >= 256 && frame.height >= 2 ? 2 : 1;
  const int width = frame.width / factor;
  const int height = frame.height / factor;
  int* dims = m->image->GetDimensions();
  if (dims[0] != width || dims[1] != height) {
    m->image->SetDimensions(width, height, 1);
    m->image->AllocateScalars(VTK_UNSIGNED_CHAR, 1);
  }
  // VTK's row 0 is the bottom of the texture; the frame's row 0 is the top (skin side).
  auto* pixels = static_cast<std::uint8_t*>(m->image->GetScalarPointer());
  for (int row = 0; row < height; ++row) {
    std::uint8_t* target = pixels + static_cast<std::size_t>(height - 1 - row) * width;
    for (int column = 0; column < width; ++column) {
      int sum = 0;
      for (int dy = 0; dy < factor; ++dy)
        for (int dx = 0; dx < factor; ++dx) sum += frame.at(column * factor + dx, row * factor + dy);
      target[column] = static_cast<std::uint8_t>((sum + factor * factor / 2) / (factor * factor));
    }
  }
  m->image->Modified();

  // Plane corners in image millimetres: origin at the top-left pixel, y down (deeper).
  const double widthMm = (frame.width - 1) * frame.spacingMm.x();
  const double heightMm = (frame.height - 1) * frame.spacingMm.y();
  m->plane->SetOrigin(0.0, heightMm, 0.0);
  m->plane->SetPoint1(widthMm, heightMm, 0.0);
  m->plane->SetPoint2(0.0, 0.0, 0.0);

  const core::Transform3 imageToReference = frame.imageToReference().value_or(core::Transform3::Identity());
  for (int row = 0; row < 4; ++row)
    for (int column = 0; column < 4; ++column)
      m->pose->SetElement(row, column, imageToReference.matrix()(row, column));
  m->actor->VisibilityOn();
}

}  // namespace hipguide::render
