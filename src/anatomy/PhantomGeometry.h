#pragma once
/// The dimensions of one hip phantom, drawn from published ranges, in the phantom's local frame:
/// a right hip, LPS axes (+x medial for a right hip, +y posterior, +z superior), millimetres,
/// femoral head centre at the origin. HipPhantom.cpp moves and mirrors it into place.

#include "Shapes.h"

#include <hipguide/anatomy/HipPhantom.h>

#include <vector>

namespace hipguide::anatomy {

/// Everything the painters and the landmark measurements share.
struct HipGeometry {
  // Femur.
  double headRadiusMm = 23.5;
  double neckShaftAngleDeg = 127.0;
  double anteversionDeg = 12.0;
  core::Vec3 neckAxis;         ///< Unit, from the neck base toward the head (medial, superior, anterior).
  core::Vec3 shaftDistal;      ///< Unit, down the femoral shaft.
  core::Vec3 anteriorPerp;     ///< Unit, perpendicular to the neck axis, mostly anterior.
  core::Vec3 superiorPerp;     ///< Unit, perpendicular to both, mostly superior.
  double neckLengthMm = 50.0;  ///< Head centre to the neck-shaft axes' meeting point.
  core::Vec3 neckBaseMm;       ///< Where the neck axis meets the shaft axis.
  double junctionAlongMm = 0;  ///< Distance along −neckAxis from the head centre to the recess peak.
  double cartilageMm = 1.5;
  core::Vec3 greaterTrochanterCentreMm, greaterTrochanterRadiiMm;
  core::Vec3 lesserTrochanterCentreMm;
  double shaftRadiusMm = 13.5;
  // Acetabulum.
  core::Vec3 acetabularAxis;  ///< Unit, out of the socket (lateral, inferior, anterior).
  // Capsule and recess.
  double capsuleThicknessMm = 1.8;
  double recessGapMm = 4.4;  ///< Fluid gap between bone and capsule at the recess peak.
  double recessSigmaAlongMm = 8.0;
  double recessSigmaAroundRad = 0.6;
  // Body outline: the muscle envelope is an elliptic cylinder; fat and skin are offsets of it.
  double envelopeCentreX = 10.0, envelopeCentreY = 15.0, envelopeSemiX = 95.0, envelopeSemiY = 64.0;
  double fatMm = 20.0;
  double skinMm = 2.0;
  // Neurovascular paths (centrelines with radii), used for painting and landmarks.
  std::vector<shapes::Knot> artery, vein, nerve, lcfa, lfcn;
  core::Vec3 trochantericBursaMm, iliopsoasBursaMm;
  // The grid.
  core::Vec3 lowMm, highMm;

  /// Semi-axis in y of the muscle envelope at height z (the thigh narrows below the hip).
  double envelopeSemiYAt(double zMm) const;
  /// y of the anterior muscle surface at (x, z).
  double envelopeFrontY(double xMm, double zMm) const;
  /// Neck cross-section radius at distance `along` from the head centre, angle `aroundRad`
  /// from anteriorPerp toward superiorPerp (elliptical: taller than deep).
  double neckRadiusMm(double alongMm, double aroundRad) const;
  /// Radius of bone plus head cartilage around the neck axis (head or neck, whichever is larger).
  double boneRadiusMm(double alongMm, double aroundRad) const;
  /// Fluid gap of the anterior recess between bone and capsule.
  double recessGapAt(double alongMm, double aroundRad) const;
};

/// Draws the dimensions for the options (deterministic per seed).
HipGeometry makeHipGeometry(const PhantomOptions& options);

class LabelPainter;
class LabelTable;

/// Painters, in the order makeHipPhantom calls them (each overwrites what it may).
void paintBody(LabelPainter& painter, const HipGeometry& g, const LabelTable& table);
void paintMuscles(LabelPainter& painter, const HipGeometry& g, const LabelTable& table);
void paintPelvis(LabelPainter& painter, const HipGeometry& g, const LabelTable& table);
void paintFemur(LabelPainter& painter, const HipGeometry& g, const LabelTable& table);
void paintJoint(LabelPainter& painter, const HipGeometry& g, const LabelTable& table);
void paintBursae(LabelPainter& painter, HipGeometry& g, const LabelTable& table);
void paintNeurovascular(LabelPainter& painter, const HipGeometry& g, const LabelTable& table);

}  // namespace hipguide::anatomy
