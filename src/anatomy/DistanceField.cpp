#include "ItkEigen.h"

#include <hipguide/anatomy/DistanceField.h>

#include <itkImage.h>
#include <itkSignedMaurerDistanceMapImageFilter.h>

#include <stdexcept>
#include <string>

namespace hipguide::anatomy {

namespace {

using MaskImage = itk::Image<std::uint8_t, 3>;
using DistanceImage = itk::Image<double, 3>;

/// The label's mask on a grid `factor` times coarser per axis: a coarse voxel is inside when
/// at least half of its fine voxels are.
MaskImage::Pointer coarseMask(const LabelVolume& volume, std::uint8_t value, const std::array<int, 3>& factor,
                              std::array<int, 3>& size) {
  for (int a = 0; a < 3; ++a) size[a] = std::max(2, (volume.size[a] + factor[a] - 1) / factor[a]);
  auto mask = MaskImage::New();
  MaskImage::SizeType itkSize;
  MaskImage::SpacingType spacing;
  for (int a = 0; a < 3; ++a) {
    itkSize[a] = static_cast<itk::SizeValueType>(size[a]);
    spacing[a] = volume.spacingMm[a] * factor[a];
  }
  mask->SetRegions(MaskImage::RegionType(itkSize));
  mask->SetSpacing(spacing);
  mask->Allocate();
  std::uint8_t* out = mask->GetBufferPointer();
  const int blockVoxels = factor[0] * factor[1] * factor[2];
  bool any = false;
  for (int k = 0; k < size[2]; ++k)
    for (int j = 0; j < size[1]; ++j)
      for (int i = 0; i < size[0]; ++i) {
        int inside = 0;
        for (int dk = 0; dk < factor[2]; ++dk)
          for (int dj = 0; dj < factor[1]; ++dj)
            for (int di = 0; di < factor[0]; ++di) {
              const int x = i * factor[0] + di, y = j * factor[1] + dj, z = k * factor[2] + dk;
              inside += volume.contains(x, y, z) && volume.labels[volume.index(x, y, z)] == value;
            }
        const bool set = 2 * inside >= blockVoxels && inside > 0;
        out[(static_cast<std::size_t>(k) * size[1] + j) * size[0] + i] = set ? 1 : 0;
        any = any || set;
      }
  if (!any)
    throw std::invalid_argument("label " + std::to_string(value) +
                                " is absent from the label map (or thinner than the " + "distance grid)");
  return mask;
}

/// Distance from every voxel outside the mask to the nearest mask voxel's centre (0 inside).
std::vector<double> unsignedDistances(const MaskImage::Pointer& mask) {
  auto maurer = itk::SignedMaurerDistanceMapImageFilter<MaskImage, DistanceImage>::New();
  maurer->SetInput(mask);
  maurer->SetInsideIsPositive(false);
  maurer->SetSquaredDistance(false);
  maurer->SetUseImageSpacing(true);
  maurer->SetBackgroundValue(0);
  maurer->Update();
  const DistanceImage* distances = maurer->GetOutput();
  const double* values = distances->GetBufferPointer();
  std::vector<double> result(values, values + distances->GetLargestPossibleRegion().GetNumberOfPixels());
  for (double& v : result) v = std::max(v, 0.0);
  return result;
}

}  // namespace

DistanceField DistanceField::compute(const LabelVolume& volume, std::uint8_t value, double gridMm) {
  std::array<int, 3> factor{};
  for (int a = 0; a < 3; ++a)
    factor[a] = std::max(1, static_cast<int>(std::lround(gridMm / volume.spacingMm[a])));
  DistanceField field;
  const MaskImage::Pointer mask = coarseMask(volume, value, factor, field.m_size);
  // Distances from voxel centres to the nearest centre on the other side, once each way (ITK's
  // signed map measures inside distances to a fully connected contour, up to a voxel diagonal
  // short). The surface lies half a grid step beyond those centres.
  core::Vec3 gridSpacing;
  for (int a = 0; a < 3; ++a) gridSpacing[a] = volume.spacingMm[a] * factor[a];
  const double halfStep = 0.5 * gridSpacing.minCoeff();
  const auto toObject = unsignedDistances(mask);
  std::uint8_t* flags = mask->GetBufferPointer();
  const std::size_t count = mask->GetLargestPossibleRegion().GetNumberOfPixels();
  for (std::size_t i = 0; i < count; ++i) flags[i] = flags[i] ? 0 : 1;  // now 1 = outside
  const auto toBackground = unsignedDistances(mask);
  field.m_values.resize(count);
  for (std::size_t i = 0; i < count; ++i)
    field.m_values[i] = static_cast<float>(flags[i] ? toObject[i] - halfStep : -(toBackground[i] - halfStep));
  // Grid index (I, J, K) sits at fine index factor·I + (factor − 1)/2.
  core::Vec3 firstCentre;
  for (int a = 0; a < 3; ++a) firstCentre[a] = 0.5 * (factor[a] - 1);
  field.m_indexToMm = volume.direction * gridSpacing.asDiagonal();
  const core::Vec3 origin = volume.indexToPhysical(firstCentre);
  field.m_toIndex = field.m_indexToMm.inverse();
  field.m_indexOffset = -field.m_toIndex * origin;
  field.m_maxIndex = core::Vec3(field.m_size[0] - 1, field.m_size[1] - 1, field.m_size[2] - 1);
  field.m_gridMm = gridSpacing.maxCoeff();
  return field;
}

core::Vec3 DistanceField::gradient(const core::Vec3& pointMm) const {
  const double h = 0.5 * m_gridMm;
  core::Vec3 g;
  for (int a = 0; a < 3; ++a) {
    core::Vec3 step = core::Vec3::Zero();
    step[a] = h;
    g[a] = signedDistanceMm(pointMm + step) - signedDistanceMm(pointMm - step);
  }
  const double norm = g.norm();
  return norm > 0 ? core::Vec3(g / norm) : core::Vec3::UnitX();
}

}  // namespace hipguide::anatomy
