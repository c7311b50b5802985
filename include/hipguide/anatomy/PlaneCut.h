#pragma once
/// Cutting a label map with the ultrasound image plane: labels per pixel and 2D contours.

#include <hipguide/anatomy/LabelTable.h>
#include <hipguide/anatomy/LabelVolume.h>

#include <cstdint>
#include <string>
#include <vector>

namespace hipguide::anatomy {

/// An image plane: pixel (column, row) sits at image mm (column·spacing.x, row·spacing.y, 0),
/// which `imageToReference` maps into the label map's LPS mm (core::Frame's convention).
struct PlaneGrid {
  core::Transform3 imageToReference = core::Transform3::Identity();
  core::Vec2 spacingMm{1.0, 1.0};
  int width = 0;
  int height = 0;
};

/// One polyline in image mm; `closed` when its last point joins its first.
struct Contour {
  std::vector<core::Vec2> pointsMm;
  bool closed = false;
};

/// The contours of one structure on the plane.
struct StructureContours {
  std::uint8_t value = 0;
  std::string name;
  std::vector<Contour> contours;
};

/// Nearest-voxel label at every pixel centre, row-major width × height (0 outside the map).
std::vector<std::uint8_t> sampleLabelsOnPlane(const LabelVolume& volume, const PlaneGrid& plane);

/// Contours of every label of `table` that the plane cuts, by marching squares on the sampled
/// labels (points on pixel edges' midpoints). A full 640×480 frame takes about a millisecond.
/// Any thread; no shared state.
std::vector<StructureContours> cutPlane(const LabelVolume& volume, const LabelTable& table,
                                        const PlaneGrid& plane);

}  // namespace hipguide::anatomy
