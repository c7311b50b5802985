#include <hipguide/anatomy/PlaneCut.h>

#include "PolylineSimplify.h"

#include <array>
#include <cmath>
#include <unordered_map>

namespace hipguide::anatomy {

namespace {

/// Marching-squares edges of a cell: 0 top, 1 right, 2 bottom, 3 left; up to two segments per
/// case. The saddles 5 and 10 join the two diagonal corners (a structure is 8-connected), so
/// pixels that touch only at a corner, as nearest-voxel sampling leaves them, stay one contour.
constexpr std::array<std::array<std::int8_t, 4>, 16> kSegments = {{{-1, -1, -1, -1},
                                                                   {3, 0, -1, -1},
                                                                   {0, 1, -1, -1},
                                                                   {3, 1, -1, -1},
                                                                   {1, 2, -1, -1},
                                                                   {0, 1, 2, 3},
                                                                   {0, 2, -1, -1},
                                                                   {3, 2, -1, -1},
                                                                   {2, 3, -1, -1},
                                                                   {0, 2, -1, -1},
                                                                   {3, 0, 1, 2},
                                                                   {1, 2, -1, -1},
                                                                   {1, 3, -1, -1},
                                                                   {0, 1, -1, -1},
                                                                   {0, 3, -1, -1},
                                                                   {-1, -1, -1, -1}}};

/// Pixel edges are numbered 2·(row·width + column) (+1 for the vertical edge below the pixel).
struct EdgeGrid {
  int width;
  std::uint32_t edge(int column, int row, int side) const {
    switch (side) {
      case 0: return 2u * static_cast<std::uint32_t>(row * width + column);
      case 1: return 2u * static_cast<std::uint32_t>(row * width + column + 1) + 1u;
      case 2: return 2u * static_cast<std::uint32_t>((row + 1) * width + column);
      default: return 2u * static_cast<std::uint32_t>(row * width + column) + 1u;
    }
  }
  core::Vec2 midpoint(std::uint32_t edge, const core::Vec2& spacingMm) const {
    const int pixel = static_cast<int>(edge / 2), column = pixel % width, row = pixel / width;
    const bool vertical = edge % 2 == 1;
    return {(column + (vertical ? 0.0 : 0.5)) * spacingMm.x(),
            (row + (vertical ? 0.5 : 0.0)) * spacingMm.y()};
  }
};

using Segment = std::pair<std::uint32_t, std::uint32_t>;

/// Closed loops enclosing less than this many pixels are dropped: single or double pixels that
/// nearest-voxel sampling of a staircase leaves along a boundary, as islands or holes.
constexpr double kSpeckPixels = 1.5;

double enclosedPixels(const Contour& contour, const core::Vec2& spacingMm) {
  double twiceArea = 0;
  for (std::size_t i = 0, n = contour.pointsMm.size(); i < n; ++i) {
    const core::Vec2& a = contour.pointsMm[i];
    const core::Vec2& b = contour.pointsMm[(i + 1) % n];
    twiceArea += a.x() * b.y() - b.x() * a.y();
  }
  return std::abs(0.5 * twiceArea) / (spacingMm.x() * spacingMm.y());
}

/// Joins segments sharing edges into polylines.
std::vector<Contour> link(const std::vector<Segment>& segments, const EdgeGrid& grid,
                          const core::Vec2& spacingMm) {
  std::unordered_map<std::uint32_t, std::array<int, 2>> byEdge;
  byEdge.reserve(segments.size() * 2);
  for (int s = 0; s < static_cast<int>(segments.size()); ++s)
    for (std::uint32_t edge : {segments[s].first, segments[s].second}) {
      auto [it, inserted] = byEdge.try_emplace(edge, std::array<int, 2>{s, -1});
      if (!inserted) it->second[1] = s;
    }
  std::vector<bool> used(segments.size(), false);
  auto other = [&](std::uint32_t edge, int segment) {
    const auto& pair = byEdge.at(edge);
    return pair[0] == segment ? pair[1] : pair[0];
  };
  std::vector<Contour> contours;
  for (int start = 0; start < static_cast<int>(segments.size()); ++start) {
    if (used[start]) continue;
    // Walk back to an open end (or once round a loop), then forward collecting points.
    int segment = start;
    std::uint32_t head = segments[start].first;
    for (int next = other(head, segment); next >= 0 && next != start; next = other(head, segment)) {
      segment = next;
      head = segments[segment].first == head ? segments[segment].second : segments[segment].first;
    }
    Contour contour;
    std::uint32_t edge = head;
    contour.pointsMm.push_back(grid.midpoint(edge, spacingMm));
    for (int current = segment; current >= 0 && !used[current]; current = other(edge, current)) {
      used[current] = true;
      edge = segments[current].first == edge ? segments[current].second : segments[current].first;
      contour.pointsMm.push_back(grid.midpoint(edge, spacingMm));
    }
    contour.closed = edge == head && contour.pointsMm.size() > 2;
    if (contour.closed) contour.pointsMm.pop_back();
    if (contour.closed && enclosedPixels(contour, spacingMm) < kSpeckPixels) continue;
    // Half a pixel: the outline looks the same on screen with a fraction of the points.
    contour.pointsMm = simplifyPolyline(contour.pointsMm, 0.5 * spacingMm.minCoeff(), contour.closed);
    contours.push_back(std::move(contour));
  }
  return contours;
}

}  // namespace

std::vector<std::uint8_t> sampleLabelsOnPlane(const LabelVolume& volume, const PlaneGrid& plane) {
  std::vector<std::uint8_t> labels(static_cast<std::size_t>(plane.width) * plane.height, 0);
  const Eigen::Matrix3d toIndex = volume.spacingMm.cwiseInverse().asDiagonal() * volume.direction.transpose();
  const core::Vec3 origin = toIndex * (plane.imageToReference * core::Vec3::Zero() - volume.originMm);
  const core::Vec3 perColumn =
      toIndex * (plane.imageToReference.linear() * core::Vec3(plane.spacingMm.x(), 0, 0));
  const core::Vec3 perRow =
      toIndex * (plane.imageToReference.linear() * core::Vec3(0, plane.spacingMm.y(), 0));
  const core::Vec3 upper(volume.size[0] - 0.5, volume.size[1] - 0.5, volume.size[2] - 0.5);
  for (int row = 0; row < plane.height; ++row) {
    core::Vec3 index = origin + row * perRow;
    std::uint8_t* out = &labels[static_cast<std::size_t>(row) * plane.width];
    for (int column = 0; column < plane.width; ++column, index += perColumn) {
      if (index.x() < -0.5 || index.y() < -0.5 || index.z() < -0.5 || index.x() >= upper.x() ||
          index.y() >= upper.y() || index.z() >= upper.z())
        continue;
      out[column] =
          volume.labels[volume.index(static_cast<int>(index.x() + 0.5), static_cast<int>(index.y() + 0.5),
                                     static_cast<int>(index.z() + 0.5))];
    }
  }
  return labels;
}

std::vector<StructureContours> cutPlane(const LabelVolume& volume, const LabelTable& table,
                                        const PlaneGrid& plane) {
  const std::vector<std::uint8_t> labels = sampleLabelsOnPlane(volume, plane);
  std::array<std::vector<Segment>, 256> segments;
  const EdgeGrid grid{plane.width};
  const int w = plane.width;
  for (int row = 0; row + 1 < plane.height; ++row) {
    const std::uint8_t* top = &labels[static_cast<std::size_t>(row) * w];
    const std::uint8_t* bottom = top + w;
    for (int column = 0; column + 1 < w; ++column) {
      const std::array<std::uint8_t, 4> corner = {top[column], top[column + 1], bottom[column + 1],
                                                  bottom[column]};
      if (corner[0] == corner[1] && corner[1] == corner[2] && corner[2] == corner[3]) continue;
      for (int c = 0; c < 4; ++c) {
        const std::uint8_t value = corner[c];
        if (value == 0 || (c > 0 && value == corner[0]) || (c > 1 && value == corner[1]) ||
            (c > 2 && value == corner[2]))
          continue;
        const int index = (corner[0] == value) | (corner[1] == value) << 1 | (corner[2] == value) << 2 |
                          (corner[3] == value) << 3;
        const auto& pairs = kSegments[index];
        for (int p = 0; p < 4 && pairs[p] >= 0; p += 2)
          segments[value].emplace_back(grid.edge(column, row, pairs[p]),
                                       grid.edge(column, row, pairs[p + 1]));
      }
    }
  }
  std::vector<StructureContours> result;
  for (const LabelInfo& label : table.labels()) {
    if (segments[label.value].empty()) continue;
    result.push_back({label.value, label.name, link(segments[label.value], grid, plane.spacingMm)});
  }
  return result;
}

}  // namespace hipguide::anatomy
