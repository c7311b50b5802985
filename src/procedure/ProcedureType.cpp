// The procedure-type table: targets, approaches and needles from docs/CLINICAL.md; aftercare
// from the defaults (docs/procedure-record.md).
#include <hipguide/procedure/ProcedureType.h>

#include "InfoById.h"

#include <stdexcept>

namespace hipguide::procedure {
namespace {

/// The aftercare sheet: the type's own advice between the advice shared by every hip injection.
std::string aftercare(const std::string& specific) {
  return "For about a week: avoid strenuous and high-impact activity (running, jumping, heavy "
         "lifting) and limit weight-bearing on the injected side; walking for daily needs is fine.\n"
         "Move the hip gently through its range of motion every day to keep it supple.\n" +
         specific +
         "\nExpected course: the local anaesthetic eases pain for a few hours and then wears off; "
         "pain may return or briefly worsen for one to two days (a flare), and a steroid's relief "
         "usually begins after two to seven days and may last weeks to months. Keep a note of your "
         "pain scores to tell your doctor.\n"
         "Report at once, day or night: fever or chills; swelling or redness that grows; severe or "
         "persistent pain; numbness or weakness of the leg that does not wear off within a few hours.";
}

const std::vector<ProcedureTypeInfo>& table() {
  static const std::vector<ProcedureTypeInfo> types = {
      {ProcedureType::IntraArticular,
       "intra-articular",
       "Intra-articular hip injection (anterior approach)",
       "anterior_recess",
       "Probe oblique-sagittal along the femoral neck; in-plane needle from inferolateral toward the "
       "anterior synovial recess at the head-neck junction, lateral to the femoral vessels and nerve.",
       {22, 90.0, "spinal"},
       6.0,
       {"femoral_artery", "femoral_vein", "femoral_nerve", "lcfa_ascending", "lfcn"},
       "anterior-hip",
       aftercare("The front of the thigh may feel numb or weak for a few hours (the anaesthetic can "
                 "reach the femoral nerve): do not drive today and have support when walking.")},
      {ProcedureType::TrochantericBursa,
       "trochanteric-bursa",
       "Greater trochanteric bursa injection",
       "trochanteric_bursa",
       "Patient on the side, probe over the greater trochanter along the femur; in-plane needle from "
       "distal into the bursa deep to the gluteal tendons and the iliotibial band.",
       {22, 90.0, "spinal"},
       5.0,
       {"lfcn", "lcfa_ascending"},
       "trochanteric-bursa",
       aftercare("Avoid lying on the injected side for two days; an ice pack for 15 minutes eases "
                 "soreness at the injection site.")},
      {ProcedureType::Iliopsoas,
       "iliopsoas",
       "Iliopsoas bursa / tendon sheath injection",
       "iliopsoas_bursa",
       "Probe oblique-sagittal over the anterior hip; in-plane needle from inferolateral to the "
       "iliopsoas bursa between the tendon and the capsule, watching the femoral vessels and nerve "
       "just medial.",
       {22, 90.0, "spinal"},
       4.0,
       {"femoral_artery", "femoral_vein", "femoral_nerve", "lcfa_ascending"},
       "anterior-hip",
       aftercare("The front of the thigh may feel numb or weak for a few hours (the femoral nerve lies "
                 "next to the bursa): do not drive today and use a stick or crutches until it wears off.")},
  };
  return types;
}

}  // namespace

const std::vector<ProcedureTypeInfo>& procedureTypes() { return table(); }

const ProcedureTypeInfo& procedureTypeInfo(ProcedureType type) {
  for (const auto& info : table())
    if (info.type == type) return info;
  throw std::logic_error("procedure type missing from the table");
}

ProcedureType procedureTypeFromId(std::string_view id) {
  return infoById(table(), id, "procedure type").type;
}

std::string_view toString(Side side) { return side == Side::Left ? "left" : "right"; }

Side sideFromString(std::string_view text) {
  if (text == "left") return Side::Left;
  if (text == "right") return Side::Right;
  throw std::invalid_argument("unknown side '" + std::string(text) + "' (known: left, right)");
}

}  // namespace hipguide::procedure
