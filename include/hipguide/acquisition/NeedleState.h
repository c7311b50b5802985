#pragma once
/// The simulated needle: gauge, length, where it enters, where it points and how far it is in.

#include <hipguide/core/Geometry.h>

#include <vector>

namespace hipguide::acquisition {

/// Outer diameter in mm of a needle of gauge 18-25; throws std::invalid_argument otherwise.
double needleOuterDiameterMm(int gauge);

/// A straight or gently bent needle in reference mm. The shaft starts at the skin entry point
/// and runs `insertionDepthMm` along `direction`; with bending, the shaft follows a parabola
/// whose tip is displaced by `tipDeflectionMm` along `bendDirection` (perpendicular to
/// `direction`). Plain data.
struct NeedleState {
  int gauge = 22;
  double lengthMm = 90.0;         ///< Full needle length; the insertion cannot exceed it.
  core::Vec3 entryMm{0, 0, 0};    ///< Skin entry point, reference mm.
  core::Vec3 direction{1, 0, 0};  ///< Unit vector of insertion.
  double insertionDepthMm = 0.0;  ///< Length of shaft past the entry point.
  double tipDeflectionMm = 0.0;   ///< Bending: sideways tip displacement (0 = straight).
  core::Vec3 bendDirection{0, 0, 1};

  /// Throws std::invalid_argument naming the field and value when out of range.
  void validate() const;
  /// Point of the shaft `arcMm` past the entry (0 ≤ arcMm ≤ insertion), reference mm.
  core::Vec3 pointAt(double arcMm) const;
  core::Vec3 tipMm() const { return pointAt(insertionDepthMm); }
  /// Shaft points from the entry to the tip every `stepMm` (the tip always included).
  std::vector<core::Vec3> shaftPoints(double stepMm) const;
  bool operator==(const NeedleState&) const = default;
};

}  // namespace hipguide::acquisition
