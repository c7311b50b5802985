#include <hipguide/guidance/GuidanceEngine.h>
#include <hipguide/procedure/ProcedureGuidance.h>

#include <gtest/gtest.h>

#include <algorithm>

namespace hipguide::procedure {
namespace {

/// One coarse (1 mm) phantom for all tests here, to keep them quick.
class ProcedureTypeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_anatomy =
        new anatomy::Anatomy(anatomy::Anatomy::fromPhantom(anatomy::makeHipPhantom({.voxelMm = 1.0})));
  }
  static void TearDownTestSuite() {
    delete s_anatomy;
    s_anatomy = nullptr;
  }
  static const anatomy::Anatomy& phantom() { return *s_anatomy; }

  /// The alerts of a needle whose tip sits at `tipMm`, coming along −(1, 1) in the image plane.
  static std::vector<guidance::Alert> alertsWithTipAt(ProcedureType type, const core::Vec3& tipMm) {
    guidance::GuidanceEngine engine(phantom(), guidanceTargetFor(type, phantom()));
    core::NeedleEstimate estimate;
    estimate.frameId = 1;
    estimate.detected = true;
    estimate.tipMm = {0, 0};
    estimate.entryMm = {-20, -20};
    estimate.visibleLengthMm = 28;
    estimate.confidence = 1;
    core::Transform3 imageToReference = core::Transform3::Identity();
    imageToReference.translation() = tipMm;
    return engine.update(estimate, imageToReference, 0).alerts;
  }

  static bool alertsAbout(const std::vector<guidance::Alert>& alerts, const std::string& structure) {
    return std::any_of(alerts.begin(), alerts.end(),
                       [&](const guidance::Alert& a) { return a.structure == structure; });
  }

 private:
  static inline anatomy::Anatomy* s_anatomy = nullptr;
};

TEST_F(ProcedureTypeTest, EachTypeTargetsItsStructure) {
  for (const ProcedureTypeInfo& info : procedureTypes()) {
    SCOPED_TRACE(info.id);
    const guidance::GuidanceTarget target = guidanceTargetFor(info.type, phantom());
    EXPECT_EQ(target.name, info.targetLabel);
    EXPECT_EQ(target.criticalStructures, info.criticalStructures);
    const std::uint8_t label = phantom().table().valueOf(info.targetLabel);
    EXPECT_EQ(phantom().volume().labelAt(target.pointMm), label)
        << "target point outside " << info.targetLabel;
    EXPECT_EQ(procedureTypeFromId(info.id), info.type);
  }
  // The three targets are distinct places.
  const auto a = guidanceTargetFor(ProcedureType::IntraArticular, phantom()).pointMm;
  const auto b = guidanceTargetFor(ProcedureType::TrochantericBursa, phantom()).pointMm;
  const auto c = guidanceTargetFor(ProcedureType::Iliopsoas, phantom()).pointMm;
  EXPECT_GT((a - b).norm(), 20.0);
  EXPECT_GT((a - c).norm(), 5.0);
}

TEST_F(ProcedureTypeTest, WithoutLandmarksTheTargetIsTheLabelsCentre) {
  const anatomy::Anatomy patient(phantom().volume(), phantom().table());  // as an imported label map
  for (const ProcedureTypeInfo& info : procedureTypes()) {
    const auto fromLabels = guidanceTargetFor(info.type, patient).pointMm;
    const auto fromLandmark = guidanceTargetFor(info.type, phantom()).pointMm;
    EXPECT_LT((fromLabels - fromLandmark).norm(), 10.0) << info.id;
  }
  anatomy::LabelVolume empty = phantom().volume();
  std::fill(empty.labels.begin(), empty.labels.end(), std::uint8_t{0});
  EXPECT_THROW(guidanceTargetFor(ProcedureType::Iliopsoas, anatomy::Anatomy(empty, phantom().table())),
               std::invalid_argument);
}

TEST_F(ProcedureTypeTest, WatchedStructuresExistInThePhantom) {
  std::vector<std::string> critical;
  for (const auto* label : phantom().criticalLabels()) critical.push_back(label->name);
  for (const ProcedureTypeInfo& info : procedureTypes()) {
    EXPECT_FALSE(info.criticalStructures.empty()) << info.id << ": empty would mean every structure";
    for (const auto& name : info.criticalStructures)
      EXPECT_NE(std::find(critical.begin(), critical.end(), name), critical.end())
          << info.id << " watches '" << name << "', which is not a critical structure of the phantom";
  }
}

TEST_F(ProcedureTypeTest, OnlyWatchedStructuresRaiseAlerts) {
  const core::Vec3 artery = phantom().landmarks()->femoralArteryMm;
  // Intra-articular and iliopsoas watch the femoral artery: a tip in it alerts.
  EXPECT_TRUE(alertsAbout(alertsWithTipAt(ProcedureType::IntraArticular, artery), "femoral_artery"));
  EXPECT_TRUE(alertsAbout(alertsWithTipAt(ProcedureType::Iliopsoas, artery), "femoral_artery"));
  // The trochanteric bursa's approach is lateral: the femoral artery is not on its watch list.
  EXPECT_FALSE(alertsAbout(alertsWithTipAt(ProcedureType::TrochantericBursa, artery), "femoral_artery"));
}

TEST_F(ProcedureTypeTest, TipAtEachTargetReportsTargetReached) {
  for (const ProcedureTypeInfo& info : procedureTypes()) {
    const auto alerts = alertsWithTipAt(info.type, guidanceTargetFor(info.type, phantom()).pointMm);
    EXPECT_TRUE(std::any_of(alerts.begin(), alerts.end(), [](const guidance::Alert& a) {
      return a.kind == guidance::AlertKind::TipReachedTarget;
    })) << info.id;
  }
}

TEST_F(ProcedureTypeTest, UnknownIdsAreRejectedWithTheKnownOnes) {
  try {
    procedureTypeFromId("knee");
    FAIL();
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("intra-articular, trochanteric-bursa, iliopsoas"),
              std::string::npos);
  }
  EXPECT_EQ(sideFromString("left"), Side::Left);
  EXPECT_THROW(sideFromString("both"), std::invalid_argument);
}

TEST_F(ProcedureTypeTest, EveryTypeHasAftercareWithTheWarningSigns) {
  for (const ProcedureTypeInfo& info : procedureTypes())
    for (const char* text : {"avoid strenuous", "weight-bearing", "range of motion", "fever",
                             "swelling or redness", "severe or", "numbness or weakness", "Expected course"})
      EXPECT_NE(info.defaultAftercare.find(text), std::string::npos) << info.id << " lacks '" << text << "'";
}

}  // namespace
}  // namespace hipguide::procedure
