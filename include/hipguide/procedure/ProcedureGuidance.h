#pragma once
/// What choosing a procedure type means for guidance: the target and the watched structures.

#include <hipguide/anatomy/Anatomy.h>
#include <hipguide/guidance/GuidanceState.h>
#include <hipguide/procedure/ProcedureType.h>

namespace hipguide::procedure {

/// The guidance target of a procedure type on an anatomy: the type's target label (its phantom
/// landmark when the anatomy is the phantom, else the centre of the label's voxels) and the
/// type's critical structures, which are the only ones that raise clearance alerts. The app
/// passes it to GuidanceEngine::setTarget when the physician picks a type. Throws
/// std::invalid_argument naming the label when the anatomy has no such structure.
guidance::GuidanceTarget guidanceTargetFor(ProcedureType type, const anatomy::Anatomy& anatomy);

}  // namespace hipguide::procedure
