#include <hipguide/anatomy/Surfaces.h>

#include "LabelBounds.h"

#include <vtkCellArray.h>
#include <vtkDecimatePro.h>
#include <vtkDiscreteFlyingEdges3D.h>
#include <vtkImageData.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataNormals.h>
#include <vtkReverseSense.h>
#include <vtkSTLReader.h>
#include <vtkSTLWriter.h>
#include <vtkUnsignedCharArray.h>
#include <vtkWindowedSincPolyDataFilter.h>
#include <vtkXMLPolyDataReader.h>
#include <vtkXMLPolyDataWriter.h>

#include <stdexcept>

namespace hipguide::anatomy {

namespace {

/// A 0/1 image of the label's box, one voxel of padding all round, every `factor`-th voxel
/// (a coarse voxel is inside when most of its fine voxels are).
vtkSmartPointer<vtkImageData> labelMask(const LabelVolume& volume, std::uint8_t value, const LabelBox& box,
                                        int factor) {
  std::array<int, 3> dims{};
  for (int a = 0; a < 3; ++a) dims[a] = (box.last[a] - box.first[a] + factor) / factor + 2;
  auto image = vtkSmartPointer<vtkImageData>::New();
  image->SetDimensions(dims[0], dims[1], dims[2]);
  image->AllocateScalars(VTK_UNSIGNED_CHAR, 1);
  auto* mask = static_cast<std::uint8_t*>(image->GetScalarPointer());
  std::fill(mask, mask + static_cast<std::size_t>(dims[0]) * dims[1] * dims[2], 0);
  const int needed = (factor * factor * factor + 1) / 2;
  for (int k = 1; k + 1 < dims[2]; ++k)
    for (int j = 1; j + 1 < dims[1]; ++j)
      for (int i = 1; i + 1 < dims[0]; ++i) {
        int inside = 0;
        for (int dk = 0; dk < factor; ++dk)
          for (int dj = 0; dj < factor; ++dj)
            for (int di = 0; di < factor; ++di) {
              const int x = box.first[0] + (i - 1) * factor + di, y = box.first[1] + (j - 1) * factor + dj,
                        z = box.first[2] + (k - 1) * factor + dk;
              inside += volume.contains(x, y, z) && volume.labels[volume.index(x, y, z)] == value;
            }
        mask[(static_cast<std::size_t>(k) * dims[1] + j) * dims[0] + i] = inside >= needed ? 1 : 0;
      }
  return image;
}

/// Moves points from mask-image coordinates to LPS mm.
void toPhysical(vtkPolyData& surface, const LabelVolume& volume, const LabelBox& box, int factor) {
  const Eigen::Matrix3d voxelToMm = volume.direction * volume.spacingMm.asDiagonal();
  core::Vec3 firstIndex;
  for (int a = 0; a < 3; ++a) firstIndex[a] = box.first[a] + 0.5 * (factor - 1) - factor;
  const core::Vec3 offset = volume.originMm + voxelToMm * firstIndex;
  const Eigen::Matrix3d step = voxelToMm * factor;
  vtkPoints* points = surface.GetPoints();
  for (vtkIdType id = 0; id < points->GetNumberOfPoints(); ++id) {
    double p[3];
    points->GetPoint(id, p);
    const core::Vec3 mm = offset + step * core::Vec3(p[0], p[1], p[2]);
    points->SetPoint(id, mm.data());
  }
  points->Modified();
}

vtkSmartPointer<vtkPolyData> surfaceInBox(const LabelVolume& volume, std::uint8_t value, const LabelBox& box,
                                          const SurfaceOptions& options) {
  if (box.count == 0) return vtkSmartPointer<vtkPolyData>::New();
  std::size_t boxVoxels = 1;
  for (int a = 0; a < 3; ++a) boxVoxels *= static_cast<std::size_t>(box.last[a] - box.first[a] + 1);
  const int factor = boxVoxels > options.maxVoxelsAtFullResolution ? 2 : 1;
  auto contour = vtkSmartPointer<vtkDiscreteFlyingEdges3D>::New();
  contour->SetInputData(labelMask(volume, value, box, factor));
  contour->SetValue(0, 1.0);
  contour->ComputeNormalsOff();
  contour->ComputeGradientsOff();
  contour->ComputeScalarsOff();
  auto smooth = vtkSmartPointer<vtkWindowedSincPolyDataFilter>::New();
  smooth->SetInputConnection(contour->GetOutputPort());
  smooth->SetNumberOfIterations(options.smoothingIterations);
  smooth->SetPassBand(options.smoothingPassBand);
  smooth->NonManifoldSmoothingOn();
  smooth->NormalizeCoordinatesOn();
  smooth->BoundarySmoothingOff();
  smooth->FeatureEdgeSmoothingOff();
  auto decimate = vtkSmartPointer<vtkDecimatePro>::New();
  decimate->SetInputConnection(smooth->GetOutputPort());
  decimate->SetTargetReduction(options.decimationReduction);
  decimate->PreserveTopologyOn();
  decimate->SplittingOff();
  decimate->BoundaryVertexDeletionOff();
  decimate->Update();
  vtkSmartPointer<vtkPolyData> surface = decimate->GetOutput();
  toPhysical(*surface, volume, box, factor);
  if ((volume.direction * volume.spacingMm.asDiagonal()).determinant() < 0) {
    auto reverse = vtkSmartPointer<vtkReverseSense>::New();
    reverse->SetInputData(surface);
    reverse->ReverseCellsOn();
    reverse->Update();
    surface = reverse->GetOutput();
  }
  auto normals = vtkSmartPointer<vtkPolyDataNormals>::New();
  normals->SetInputData(surface);
  normals->SplittingOff();
  normals->ConsistencyOn();
  normals->Update();
  vtkSmartPointer<vtkPolyData> result = normals->GetOutput();
  return result;
}

}  // namespace

vtkSmartPointer<vtkPolyData> extractSurface(const LabelVolume& volume, std::uint8_t value,
                                            const SurfaceOptions& options) {
  return surfaceInBox(volume, value, labelBoxes(volume)[value], options);
}

std::vector<std::string> writeSurfaces(const LabelVolume& volume, const LabelTable& table,
                                       const std::filesystem::path& folder, const SurfaceOptions& options,
                                       const std::function<void(const std::string&)>& progress) {
  std::filesystem::create_directories(folder);
  const auto boxes = labelBoxes(volume);
  std::vector<std::string> written;
  for (const LabelInfo& label : table.labels()) {
    if (boxes[label.value].count == 0) continue;
    if (progress) progress(label.name);
    const vtkSmartPointer<vtkPolyData> surface =
        surfaceInBox(volume, label.value, boxes[label.value], options);
    const std::filesystem::path vtp = folder / (label.name + ".vtp"), stl = folder / (label.name + ".stl");
    auto xml = vtkSmartPointer<vtkXMLPolyDataWriter>::New();
    xml->SetInputData(surface);
    xml->SetFileName(vtp.string().c_str());
    xml->SetDataModeToBinary();
    auto binaryStl = vtkSmartPointer<vtkSTLWriter>::New();
    binaryStl->SetInputData(surface);
    binaryStl->SetFileName(stl.string().c_str());
    binaryStl->SetFileTypeToBinary();
    binaryStl->SetHeader(("SPACE=LPS hipguide surface of " + label.name).c_str());
    if (xml->Write() != 1 || binaryStl->Write() != 1)
      throw std::runtime_error(folder.string() + ": cannot write the surface of '" + label.name + "'");
    written.push_back(label.name);
  }
  return written;
}

vtkSmartPointer<vtkPolyData> readSurface(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file))
    throw std::runtime_error("surface '" + file.string() + "': file not found");
  const std::string extension = file.extension().string();
  vtkSmartPointer<vtkPolyData> surface;
  if (extension == ".vtp") {
    auto reader = vtkSmartPointer<vtkXMLPolyDataReader>::New();
    reader->SetFileName(file.string().c_str());
    reader->Update();
    surface = reader->GetOutput();
  } else if (extension == ".stl") {
    auto reader = vtkSmartPointer<vtkSTLReader>::New();
    reader->SetFileName(file.string().c_str());
    reader->Update();
    surface = reader->GetOutput();
  } else {
    throw std::runtime_error("surface '" + file.string() + "': unsupported format (use .vtp or .stl)");
  }
  if (!surface || surface->GetNumberOfPoints() == 0)
    throw std::runtime_error("surface '" + file.string() + "': cannot be read or holds no points");
  return surface;
}

}  // namespace hipguide::anatomy
