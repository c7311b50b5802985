#pragma once
/// Triangle surfaces of label-map structures, in the label map's physical (LPS) millimetres.
/// This header carries VTK's smart pointer; the render layer and tools include it, the rest of
/// the program does not need to.

#include <hipguide/anatomy/LabelTable.h>
#include <hipguide/anatomy/LabelVolume.h>

#include <vtkSmartPointer.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

class vtkPolyData;

namespace hipguide::anatomy {

/// How surfaces are made: discrete flying edges on the label, windowed-sinc smoothing, then
/// topology-preserving decimation (so a closed label gives a watertight surface).
struct SurfaceOptions {
  int smoothingIterations = 20;
  double smoothingPassBand = 0.05;   ///< Windowed-sinc pass band, 0..2; smaller is smoother.
  double decimationReduction = 0.6;  ///< Fraction of triangles removed, 0..1.
  /// Labels whose bounding box holds more voxels than this are contoured on a 2× coarser grid
  /// (skin, fat, muscle fill); keeps whole-anatomy extraction to seconds.
  std::size_t maxVoxelsAtFullResolution = 12'000'000;
};

/// The surface of one label with point normals, in LPS mm; empty (no cells) when the label is
/// absent. Any thread; no shared state.
vtkSmartPointer<vtkPolyData> extractSurface(const LabelVolume& volume, std::uint8_t value,
                                            const SurfaceOptions& options = {});

/// Writes `folder/<name>.vtp` and `folder/<name>.stl` (binary, LPS mm) for every label of the
/// table present in the volume; returns the names written. `progress` gets each name first.
std::vector<std::string> writeSurfaces(const LabelVolume& volume, const LabelTable& table,
                                       const std::filesystem::path& folder,
                                       const SurfaceOptions& options = {},
                                       const std::function<void(const std::string&)>& progress = {});

/// Reads a .vtp or .stl surface; throws std::runtime_error naming the file when it cannot.
vtkSmartPointer<vtkPolyData> readSurface(const std::filesystem::path& file);

}  // namespace hipguide::anatomy
