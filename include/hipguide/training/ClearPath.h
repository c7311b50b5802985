#pragma once
/// Choosing a needle path that keeps clear of vessels and nerves.

#include <hipguide/acquisition/Scenario.h>
#include <hipguide/anatomy/Anatomy.h>

namespace hipguide::training {

/// The smallest clearance (mm, negative inside) of the straight path from `entryMm` to
/// `targetMm` to the anatomy's critical structures (vessels, nerves); +infinity without any.
double pathClearanceMm(const anatomy::Anatomy& anatomy, const core::Vec3& entryMm,
                       const core::Vec3& targetMm);

/// A plan aimed at `targetMm` (see planAimedAt) whose in-plane insertion angle is changed, when
/// its path passes closer than `marginMm` to a critical structure, to the nearest angle
/// (15-70° to the skin, 1° steps, same side of the probe) whose path keeps `marginMm`; if none
/// does, the angle with the largest clearance. The entry stays beside the probe face (5 mm
/// beyond its edge) and the path within reach of a 127 mm needle. The probe does not move.
acquisition::Scenario::Plan planClearPath(const acquisition::Scenario::Plan& aimed,
                                          const anatomy::Anatomy& anatomy, const core::Vec3& targetMm,
                                          double marginMm = 5.0);

}  // namespace hipguide::training
