#include "SimBoundary.h"

#include <Eigen/Dense>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace hipguide::acquisition::sim {
namespace {

/// Trilinear interpolation of "voxel == label" at a continuous voxel index (0 outside).
double smoothIndicator(const anatomy::LabelVolume& volume, std::uint8_t label, const core::Vec3& index) {
  const int i = static_cast<int>(std::floor(index.x()));
  const int j = static_cast<int>(std::floor(index.y()));
  const int k = static_cast<int>(std::floor(index.z()));
  if (i < 0 || j < 0 || k < 0 || i + 1 >= volume.size[0] || j + 1 >= volume.size[1] ||
      k + 1 >= volume.size[2])
    return 0.0;
  const double fx = index.x() - i, fy = index.y() - j, fz = index.z() - k;
  const std::size_t row = static_cast<std::size_t>(volume.size[0]);
  const std::size_t slice = row * static_cast<std::size_t>(volume.size[1]);
  const std::uint8_t* base = volume.labels.data() + volume.index(i, j, k);
  const auto is = [label](std::uint8_t value) { return value == label ? 1.0 : 0.0; };
  const double y0 = (1 - fx) * is(base[0]) + fx * is(base[1]);
  const double y1 = (1 - fx) * is(base[row]) + fx * is(base[row + 1]);
  const double y2 = (1 - fx) * is(base[slice]) + fx * is(base[slice + 1]);
  const double y3 = (1 - fx) * is(base[slice + row]) + fx * is(base[slice + row + 1]);
  return (1 - fz) * ((1 - fy) * y0 + fy * y1) + fz * ((1 - fy) * y2 + fy * y3);
}

/// Voxel columns used by the surface fit: every other column up to kFitRadius (even) on each side
/// of the crossing, and how far along a column the surface is looked for (voxels).
constexpr int kFitRadius = 6;
constexpr int kColumnSearch = 5;
constexpr double kFitSigma = 3.0;
/// RMS distance (voxels) of the column entries from the fitted surface above which it is not used.
constexpr double kMaxResidualVoxels = 0.5;
/// Share of the columns that must show the surface for the fit to be trusted.
constexpr double kMinColumnShare = 0.7;

/// The label surface near a crossing as a height field a = h(u, v) along the voxel axis `a`
/// closest to the ray, fitted (weighted least squares, quadratic) to where each nearby voxel
/// column enters the label: smooth across the voxel staircase, whatever its step width.
struct HeightField {
  int a = 1, u = 2, v = 0;
  double centreU = 0, centreV = 0;
  Eigen::Matrix<double, 6, 1> c = Eigen::Matrix<double, 6, 1>::Zero();  ///< 1, du, dv, du², du·dv, dv².
  double height(double du, double dv) const {
    return c[0] + c[1] * du + c[2] * dv + c[3] * du * du + c[4] * du * dv + c[5] * dv * dv;
  }
  double slopeU(double du, double dv) const { return c[1] + 2 * c[3] * du + c[4] * dv; }
  double slopeV(double du, double dv) const { return c[2] + c[4] * du + 2 * c[5] * dv; }
};

/// Weighted least-squares tables of the fit, the same for every crossing: each column's weighted
/// basis and the normal matrix when every column shows the surface.
struct FitTables {
  static constexpr int kColumns = (kFitRadius + 1) * (kFitRadius + 1);  // Offsets -R, -R+2, ..., R.
  std::array<Eigen::Matrix<double, 6, 1>, kColumns> weightedBasis;
  std::array<Eigen::Matrix<double, 6, 6>, kColumns> weightedOuter;
  Eigen::Matrix<double, 6, 6> full = Eigen::Matrix<double, 6, 6>::Zero();
  Eigen::LDLT<Eigen::Matrix<double, 6, 6>> fullSolver;

  FitTables() {
    int column = 0;
    for (int du = -kFitRadius; du <= kFitRadius; du += 2)
      for (int dv = -kFitRadius; dv <= kFitRadius; dv += 2, ++column) {
        const double weight = std::exp(-(du * du + dv * dv) / (2.0 * kFitSigma * kFitSigma));
        Eigen::Matrix<double, 6, 1> basis;
        basis << 1.0, du, dv, du * du, du * dv, dv * dv;
        weightedBasis[static_cast<std::size_t>(column)] = weight * basis;
        weightedOuter[static_cast<std::size_t>(column)] = weight * basis * basis.transpose();
        full += weightedOuter[static_cast<std::size_t>(column)];
      }
    fullSolver.compute(full);
  }
};

const FitTables& fitTables() {
  static const FitTables tables;
  return tables;
}

/// Where voxel column (u, v) enters `label` along axis a in the sense `sign`, nearest to index
/// `expected` (within kColumnSearch), as a boundary coordinate on axis a.
std::optional<double> columnEntry(const anatomy::LabelVolume& volume, std::uint8_t label,
                                  const HeightField& field, int u, int v, int expected, int sign) {
  std::array<int, 3> at{};
  at[field.u] = u;
  at[field.v] = v;
  if (u < 0 || v < 0 || u >= volume.size[field.u] || v >= volume.size[field.v]) return std::nullopt;
  const int length = volume.size[field.a];
  const auto inside = [&](int position) {
    if (position < 0 || position >= length) return false;
    at[field.a] = position;
    return volume.labels[volume.index(at[0], at[1], at[2])] == label;
  };
  for (int offset = 0; offset <= kColumnSearch; ++offset)
    for (const int candidate : {expected + offset, expected - offset})
      if (inside(candidate) && !inside(candidate - sign)) return candidate - 0.5 * sign;
  return std::nullopt;
}

std::optional<HeightField> fitHeightField(const anatomy::LabelVolume& volume, std::uint8_t label,
                                          const core::Vec3& crossing, const core::Vec3& stepIndex) {
  HeightField field;
  stepIndex.cwiseAbs().maxCoeff(&field.a);
  field.u = (field.a + 1) % 3;
  field.v = (field.a + 2) % 3;
  const int sign = stepIndex[field.a] > 0 ? 1 : -1;
  const int centreU = static_cast<int>(std::lround(crossing[field.u]));
  const int centreV = static_cast<int>(std::lround(crossing[field.v]));
  field.centreU = centreU;
  field.centreV = centreV;
  const FitTables& tables = fitTables();
  Eigen::Matrix<double, 6, 6> normal = tables.full;
  Eigen::Matrix<double, 6, 1> right = Eigen::Matrix<double, 6, 1>::Zero();
  std::array<std::optional<double>, FitTables::kColumns> heights;
  int missing = 0, column = 0;
  const int expected = static_cast<int>(std::lround(crossing[field.a]));
  for (int du = -kFitRadius; du <= kFitRadius; du += 2)
    for (int dv = -kFitRadius; dv <= kFitRadius; dv += 2, ++column) {
      const auto index = static_cast<std::size_t>(column);
      heights[index] = columnEntry(volume, label, field, centreU + du, centreV + dv, expected, sign);
      if (heights[index]) {
        right += *heights[index] * tables.weightedBasis[index];
      } else {
        normal -= tables.weightedOuter[index];
        ++missing;
      }
    }
  if (missing > (1.0 - kMinColumnShare) * FitTables::kColumns) return std::nullopt;
  field.c = missing == 0 ? tables.fullSolver.solve(right) : normal.ldlt().solve(right);
  // A steep surface (columns finding other parts of the label) or a ragged one: no fit.
  double squares = 0.0;
  column = 0;
  for (int du = -kFitRadius; du <= kFitRadius; du += 2)
    for (int dv = -kFitRadius; dv <= kFitRadius; dv += 2, ++column)
      if (const auto& height = heights[static_cast<std::size_t>(column)]) {
        const double residual = *height - field.height(du, dv);
        squares += residual * residual;
      }
  if (squares > kMaxResidualVoxels * kMaxResidualVoxels * (FitTables::kColumns - missing))
    return std::nullopt;
  return field;
}

/// Bisection for the 0.5 level of the trilinear indicator, normal from its gradient: for weak
/// reflectors and where the height-field fit fails.
BoundaryHit trilinearBoundary(const anatomy::LabelVolume& volume, std::uint8_t label,
                              const core::Vec3& startIndex, const core::Vec3& stepIndex, int sample,
                              const core::Vec3& rayDirection) {
  BoundaryHit hit;
  hit.sample = sample - 0.5;
  // Bisect for the 0.5 level of the smooth indicator within about one voxel of the crossing.
  const double stepVoxels = std::max(stepIndex.norm(), 1e-6);
  const int window = std::clamp(static_cast<int>(std::ceil(1.0 / stepVoxels)), 1, 12);
  double low = sample - 1 - window, high = sample + window;
  const auto level = [&](double at) { return smoothIndicator(volume, label, startIndex + at * stepIndex); };
  if (level(low) < 0.5 && level(high) >= 0.5) {
    for (int iteration = 0; iteration < 5; ++iteration) {
      const double middle = 0.5 * (low + high);
      (level(middle) < 0.5 ? low : high) = middle;
    }
    hit.sample = 0.5 * (low + high);
  }
  // Surface normal: gradient of the smooth indicator, central differences of one voxel.
  const core::Vec3 at = startIndex + hit.sample * stepIndex;
  core::Vec3 gradientIndex;
  for (int axis = 0; axis < 3; ++axis) {
    core::Vec3 delta = core::Vec3::Zero();
    delta[axis] = 1.0;
    gradientIndex[axis] =
        smoothIndicator(volume, label, at + delta) - smoothIndicator(volume, label, at - delta);
  }
  const core::Vec3 normal = volume.direction * gradientIndex.cwiseQuotient(volume.spacingMm);
  if (normal.norm() > 1e-9) hit.cosIncidence = std::abs(normal.normalized().dot(rayDirection));
  return hit;
}

}  // namespace

BoundaryHit refineBoundary(const anatomy::LabelVolume& volume, std::uint8_t label,
                           const core::Vec3& startIndex, const core::Vec3& stepIndex, int sample,
                           const core::Vec3& rayDirection, bool fitSurface) {
  const core::Vec3 crossing = startIndex + (sample - 0.5) * stepIndex;
  const std::optional<HeightField> surface =
      fitSurface ? fitHeightField(volume, label, crossing, stepIndex) : std::nullopt;
  if (surface) {
    // Newton steps for the ray parameter where the ray meets the fitted surface.
    const HeightField& f = *surface;
    double t = 0.0;
    for (int iteration = 0; iteration < 4; ++iteration) {
      const core::Vec3 at = crossing + t * stepIndex;
      const double du = at[f.u] - f.centreU, dv = at[f.v] - f.centreV;
      const double gap = at[f.a] - f.height(du, dv);
      const double rate =
          stepIndex[f.a] - f.slopeU(du, dv) * stepIndex[f.u] - f.slopeV(du, dv) * stepIndex[f.v];
      if (std::abs(rate) < 1e-9) break;
      t -= gap / rate;
    }
    const core::Vec3 at = crossing + t * stepIndex;
    const double du = at[f.u] - f.centreU, dv = at[f.v] - f.centreV;
    if (std::abs(t) <= kColumnSearch / std::max(stepIndex.norm(), 1e-6) && std::abs(du) <= kFitRadius &&
        std::abs(dv) <= kFitRadius) {
      core::Vec3 gradientIndex;
      gradientIndex[f.a] = 1.0;
      gradientIndex[f.u] = -f.slopeU(du, dv);
      gradientIndex[f.v] = -f.slopeV(du, dv);
      const core::Vec3 normal = volume.direction * gradientIndex.cwiseQuotient(volume.spacingMm);
      BoundaryHit hit;
      hit.sample = sample - 0.5 + t;
      hit.cosIncidence = std::abs(normal.normalized().dot(rayDirection));
      return hit;
    }
  }
  return trilinearBoundary(volume, label, startIndex, stepIndex, sample, rayDirection);
}

}  // namespace hipguide::acquisition::sim
