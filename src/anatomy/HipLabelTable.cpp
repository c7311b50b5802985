// The built-in label table of the hip phantom and of imported hip segmentations.
//
// Acoustic figures: attenuation at 1 MHz from CLINICAL.md (fat 0.63, muscle 0.96-1.40,
// connective tissue 1.57, bone about 15 dB/cm/MHz; blood and synovial fluid are nearly lossless).
// Backscatter and scatterer density are relative echogenicities for the B-mode simulator:
// fat hypoechoic, muscle mid-grey with sparse strong scatterers (so striations show), capsule,
// skin and nerve hyperechoic, fluid and vessel lumen anechoic. Specular reflectivity is the
// strength of the boundary echo (bone cortex near 1).
#include <hipguide/anatomy/LabelTable.h>

namespace hipguide::anatomy {

namespace {

struct Row {
  std::uint8_t value;
  const char* name;
  std::array<std::uint8_t, 3> colour;
  TissueRole role;
  AcousticProperties acoustic;
};

constexpr AcousticProperties kSkin{0.80, 0.90, 1.50, 1615.0, 0.40};
constexpr AcousticProperties kFat{0.18, 0.25, 0.63, 1450.0, 0.10};
constexpr AcousticProperties kMuscle{0.45, 0.55, 1.10, 1580.0, 0.20};
constexpr AcousticProperties kBone{0.90, 1.00, 15.0, 3500.0, 0.95};
constexpr AcousticProperties kCartilage{0.05, 0.10, 0.80, 1660.0, 0.30};
constexpr AcousticProperties kLabrum{0.75, 0.80, 1.50, 1620.0, 0.35};
constexpr AcousticProperties kCapsule{0.80, 0.85, 1.57, 1610.0, 0.60};
constexpr AcousticProperties kFluid{0.02, 0.03, 0.05, 1530.0, 0.05};
constexpr AcousticProperties kBlood{0.01, 0.02, 0.18, 1580.0, 0.50};
constexpr AcousticProperties kNerve{0.70, 0.40, 1.00, 1630.0, 0.30};

const Row kRows[] = {
    {1, "skin", {233, 189, 166}, TissueRole::Skin, kSkin},
    {2, "subcutaneous_fat", {245, 222, 130}, TissueRole::Soft, kFat},
    {3, "other_muscle", {170, 70, 60}, TissueRole::Soft, kMuscle},
    {4, "iliopsoas", {200, 90, 80}, TissueRole::Soft, kMuscle},
    {5, "sartorius", {190, 110, 90}, TissueRole::Soft, kMuscle},
    {6, "rectus_femoris", {180, 80, 100}, TissueRole::Soft, kMuscle},
    {7, "tensor_fasciae_latae", {210, 120, 110}, TissueRole::Soft, kMuscle},
    {8, "gluteus_medius", {160, 60, 70}, TissueRole::Soft, kMuscle},
    {9, "gluteus_minimus", {150, 80, 60}, TissueRole::Soft, kMuscle},
    {10, "gluteus_maximus", {140, 50, 50}, TissueRole::Soft, kMuscle},
    {11, "vastus_lateralis", {175, 95, 75}, TissueRole::Soft, kMuscle},
    {20, "femur", {241, 214, 145}, TissueRole::Bone, kBone},
    {21, "pelvis", {230, 200, 140}, TissueRole::Bone, kBone},
    {22, "sacrum", {220, 190, 130}, TissueRole::Bone, kBone},
    {23, "articular_cartilage", {120, 200, 230}, TissueRole::Soft, kCartilage},
    {24, "acetabular_labrum", {200, 200, 230}, TissueRole::Soft, kLabrum},
    {30, "joint_capsule", {190, 150, 240}, TissueRole::Soft, kCapsule},
    {31, "anterior_recess", {0, 170, 255}, TissueRole::Target, kFluid},
    {32, "trochanteric_bursa", {80, 220, 220}, TissueRole::Target, kFluid},
    {33, "iliopsoas_bursa", {60, 200, 160}, TissueRole::Target, kFluid},
    {40, "femoral_artery", {220, 30, 30}, TissueRole::Vessel, kBlood},
    {41, "femoral_vein", {40, 70, 200}, TissueRole::Vessel, kBlood},
    {42, "lcfa_ascending", {255, 90, 90}, TissueRole::Vessel, kBlood},
    {43, "iliac_artery", {200, 20, 40}, TissueRole::Vessel, kBlood},
    {44, "iliac_vein", {30, 50, 180}, TissueRole::Vessel, kBlood},
    {50, "femoral_nerve", {255, 220, 0}, TissueRole::Nerve, kNerve},
    {51, "lfcn", {255, 240, 120}, TissueRole::Nerve, kNerve},
};

}  // namespace

LabelTable LabelTable::hipDefault() {
  std::vector<LabelInfo> labels;
  for (const Row& row : kRows) {
    LabelInfo label;
    label.value = row.value;
    label.name = row.name;
    label.colour = row.colour;
    label.role = row.role;
    label.critical = row.role == TissueRole::Vessel || row.role == TissueRole::Nerve;
    label.acoustic = row.acoustic;
    labels.push_back(std::move(label));
  }
  return LabelTable(std::move(labels));
}

}  // namespace hipguide::anatomy
