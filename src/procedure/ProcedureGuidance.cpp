#include <hipguide/procedure/ProcedureGuidance.h>

#include <hipguide/guidance/GuidanceEngine.h>
#include <hipguide/training/TrainingWorld.h>

#include <stdexcept>

namespace hipguide::procedure {

guidance::GuidanceTarget guidanceTargetFor(ProcedureType type, const anatomy::Anatomy& anatomy) {
  const ProcedureTypeInfo& info = procedureTypeInfo(type);
  guidance::GuidanceTarget target;
  target.name = info.targetLabel;
  target.criticalStructures = info.criticalStructures;
  if (anatomy.landmarks()) {
    target.pointMm = training::targetPointFor(*anatomy.landmarks(), info.targetLabel);
    return target;
  }
  const std::optional<core::Vec3> centre = guidance::labelCentreMm(anatomy, info.targetLabel);
  if (!centre)
    throw std::invalid_argument("the anatomy has no '" + info.targetLabel + "' structure, the target of " +
                                info.title + "; load an anatomy that labels it");
  target.pointMm = *centre;
  return target;
}

}  // namespace hipguide::procedure
