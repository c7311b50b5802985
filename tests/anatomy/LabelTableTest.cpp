// The label table: built-in contents, JSON round trip and the errors of a bad file.
#include <hipguide/anatomy/LabelTable.h>

#include "TestData.h"

#include <gtest/gtest.h>

#include <fstream>

namespace hipguide::anatomy {
namespace {

void writeText(const std::filesystem::path& file, const std::string& text) { std::ofstream(file) << text; }

std::string loadError(const std::filesystem::path& file) {
  try {
    LabelTable::load(file);
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "no error";
}

TEST(LabelTable, HipDefaultHasTheIssueNamesAndSensibleAcoustics) {
  const LabelTable table = LabelTable::hipDefault();
  for (const char* name : {"femur", "pelvis", "joint_capsule", "anterior_recess", "femoral_artery",
                           "femoral_vein", "femoral_nerve", "lcfa_ascending", "lfcn", "trochanteric_bursa",
                           "iliopsoas_bursa", "skin", "subcutaneous_fat"})
    EXPECT_NE(table.find(std::string_view(name)), nullptr) << name;
  const auto& bone = table.find(std::string_view("femur"))->acoustic;
  const auto& fat = table.find(std::string_view("subcutaneous_fat"))->acoustic;
  const auto& muscle = table.find(std::string_view("iliopsoas"))->acoustic;
  const auto& fluid = table.find(std::string_view("anterior_recess"))->acoustic;
  EXPECT_GE(bone.attenuationDbPerCmMHz, 10.0);
  EXPECT_GE(bone.specularReflectivity, 0.9);
  EXPECT_LT(fat.backscatter, muscle.backscatter);
  EXPECT_LT(fluid.backscatter, 0.05);
  EXPECT_LT(fluid.attenuationDbPerCmMHz, fat.attenuationDbPerCmMHz);
  for (const LabelInfo& label : table.labels())
    EXPECT_EQ(label.critical, label.role == TissueRole::Vessel || label.role == TissueRole::Nerve)
        << label.name;
  EXPECT_THROW(table.valueOf("spleen"), std::out_of_range);
}

TEST(LabelTable, JsonRoundTripKeepsEveryField) {
  const auto file = test::freshTempDir() / "labels.json";
  const LabelTable table = LabelTable::hipDefault();
  table.save(file);
  const LabelTable loaded = LabelTable::load(file);
  ASSERT_EQ(loaded.labels().size(), table.labels().size());
  for (std::size_t i = 0; i < table.labels().size(); ++i) {
    const LabelInfo &a = table.labels()[i], &b = loaded.labels()[i];
    EXPECT_EQ(a.value, b.value);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.colour, b.colour);
    EXPECT_EQ(a.role, b.role);
    EXPECT_EQ(a.critical, b.critical);
    EXPECT_DOUBLE_EQ(a.acoustic.attenuationDbPerCmMHz, b.acoustic.attenuationDbPerCmMHz);
    EXPECT_DOUBLE_EQ(a.acoustic.specularReflectivity, b.acoustic.specularReflectivity);
    EXPECT_DOUBLE_EQ(a.acoustic.speedOfSoundMps, b.acoustic.speedOfSoundMps);
  }
}

TEST(LabelTable, RolesConvertBothWays) {
  for (TissueRole role : {TissueRole::Bone, TissueRole::Soft, TissueRole::Fluid, TissueRole::Vessel,
                          TissueRole::Nerve, TissueRole::Target, TissueRole::Skin})
    EXPECT_EQ(tissueRoleFromString(toString(role)), role);
  EXPECT_FALSE(tissueRoleFromString("cartilage"));
}

TEST(LabelTable, BadFilesNameTheFileAndTheField) {
  const auto dir = test::freshTempDir();
  EXPECT_NE(loadError(dir / "absent.json").find("absent.json"), std::string::npos);
  writeText(dir / "broken.json", "{ not json");
  EXPECT_NE(loadError(dir / "broken.json").find("not valid JSON"), std::string::npos);
  const std::string good =
      R"({"labels": [{"value": 1, "name": "femur", "colour": [1, 2, 3], "role": "bone", "critical": false,
         "acoustic": {"backscatter": 0.9, "scattererDensity": 1, "attenuationDbPerCmMHz": 15,
                      "speedOfSoundMps": 3500, "specularReflectivity": 0.95}}]})";
  writeText(dir / "good.json", good);
  EXPECT_EQ(LabelTable::load(dir / "good.json").valueOf("femur"), 1);
  auto variant = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    text.replace(text.find(from), from.size(), to);
    writeText(dir / "bad.json", text);
    return loadError(dir / "bad.json");
  };
  EXPECT_NE(variant("\"role\": \"bone\"", "\"role\": \"rock\"").find("'role'"), std::string::npos);
  EXPECT_NE(variant("\"value\": 1", "\"value\": 300").find("'value'"), std::string::npos);
  EXPECT_NE(variant("\"colour\": [1, 2, 3]", "\"colour\": [1, 2]").find("'colour'"), std::string::npos);
  EXPECT_NE(variant("\"attenuationDbPerCmMHz\": 15", "\"attenuationDbPerCmMHz\": \"high\"")
                .find("attenuationDbPerCmMHz"),
            std::string::npos);
  EXPECT_NE(variant(", \"critical\": false", "").find("'critical'"), std::string::npos);
  const std::string error = variant("\"value\": 1", "\"value\": 1.5");
  EXPECT_NE(error.find("labels[0]"), std::string::npos) << error;
  EXPECT_NE(error.find("bad.json"), std::string::npos) << error;
}

}  // namespace
}  // namespace hipguide::anatomy
