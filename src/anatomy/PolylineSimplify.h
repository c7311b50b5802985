#pragma once
/// Fewer points for the same outline: Douglas–Peucker simplification of a polyline.

#include <hipguide/core/Geometry.h>

#include <vector>

namespace hipguide::anatomy {

/// Keeps the points of `points` that a Douglas–Peucker pass needs so that no dropped point lies
/// farther than `toleranceMm` from the kept outline; the first and last points always stay.
/// A closed outline is split at the point farthest from its first so both halves keep their
/// shape. Marching-squares outlines lose most of their points (every pixel edge has one).
std::vector<core::Vec2> simplifyPolyline(const std::vector<core::Vec2>& points, double toleranceMm,
                                         bool closed);

}  // namespace hipguide::anatomy
