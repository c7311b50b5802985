#pragma once
/// The parametric hip phantom: a label map of a realistic hip built from published ranges.

#include <hipguide/anatomy/LabelTable.h>
#include <hipguide/anatomy/LabelVolume.h>
#include <hipguide/core/Geometry.h>

#include <cstdint>

namespace hipguide::anatomy {

enum class Side { Right, Left };
enum class Habitus { Slim, Average, Obese };

/// What to build. The same options and seed always give the same phantom.
struct PhantomOptions {
  Side side = Side::Right;
  Habitus habitus = Habitus::Average;
  bool effusion = false;
  std::uint32_t seed = 1;
  double voxelMm = 0.5;
};

/// Named points and measures of the phantom, in reference mm (LPS), for the simulator,
/// scenarios, guidance targets and tests.
struct PhantomLandmarks {
  core::Vec3 femoralHeadCentreMm;
  double femoralHeadRadiusMm = 0;
  double neckShaftAngleDeg = 0;
  double anteversionDeg = 0;
  core::Vec3 neckAxis;                   ///< Unit vector from the head-neck junction toward the head.
  core::Vec3 headNeckJunctionMm;         ///< Anterior bone surface at the head-neck junction.
  core::Vec3 anteriorRecessTargetMm;     ///< Centre of the anterior synovial recess (injection target).
  double recessToBoneMm = 0;             ///< Capsule-to-bone distance over the junction.
  core::Vec3 anteriorSkinAboveRecessMm;  ///< Skin point straight anterior of the target.
  double skinToCapsuleMm = 0;
  core::Vec3 greaterTrochanterMm;
  core::Vec3 trochantericBursaMm;
  core::Vec3 iliopsoasBursaMm;
  core::Vec3 femoralArteryMm;  ///< A point on the artery's centreline level with the head.
  core::Vec3 femoralVeinMm;
  core::Vec3 femoralNerveMm;
};

/// A label map with its table and landmarks.
struct Phantom {
  LabelVolume volume;
  LabelTable table;
  PhantomLandmarks landmarks;
};

/// Builds the phantom (a few seconds at 0.5 mm). Thread-safe; deterministic per options.
Phantom makeHipPhantom(const PhantomOptions& options);

}  // namespace hipguide::anatomy
