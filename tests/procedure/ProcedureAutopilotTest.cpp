#include <hipguide/procedure/ProcedureAutopilot.h>
#include <hipguide/procedure/ProcedureSchema.h>
#include <hipguide/procedure/ProcedureStore.h>
#include <hipguide/records/GuiApplication.h>

#include "TestData.h"
#include "cli/CliRunner.h"

#include <gtest/gtest.h>

namespace hipguide::procedure {
namespace {

/// A full autopilot procedure of every type: the needle reaches the type's target, the key
/// images are taken, and the record is valid and stores.
class ProcedureAutopilotTest : public ::testing::TestWithParam<ProcedureType> {
 protected:
  void SetUp() override { records::ensureGuiApplication(); }
};

TEST_P(ProcedureAutopilotTest, ReachesTheTargetAndDocumentsIt) {
  AutopilotOptions options;
  options.type = GetParam();
  Procedure p = runAutopilotProcedure(options);
  validate(p);
  ASSERT_TRUE(p.injectedAt);
  ASSERT_TRUE(p.tipToTargetAtInjectionMm);
  EXPECT_LT(*p.tipToTargetAtInjectionMm, 3.0);
  ASSERT_EQ(p.keyImages.size(), 2u);
  EXPECT_FALSE(p.keyImages[0].atInjection);
  EXPECT_TRUE(p.keyImages[1].atInjection);
  EXPECT_GT(*p.keyImages[0].tipToTargetMm, *p.keyImages[1].tipToTargetMm);
  EXPECT_FALSE(p.keyImages[1].image.isNull());
  EXPECT_GT(p.keyImages[1].pixelSpacingMm, 0.0);
  ASSERT_TRUE(p.minVesselClearanceMm);
  ASSERT_TRUE(p.minNerveClearanceMm);
  EXPECT_GT(*p.minVesselClearanceMm, 0.0) << "the shaft entered a vessel";
  // The plan picks an insertion angle that keeps 7 mm from every nerve (planClearPath): the
  // iliopsoas path used to pass 2 mm under the lateral femoral cutaneous nerve.
  EXPECT_GT(*p.minNerveClearanceMm, 5.0) << "the shaft came within guidance's margin of a nerve";
  EXPECT_TRUE(positiveDiagnosticResponse(p.pain).value_or(false));

  const auto database =
      records::Database::open(hipguide::test::freshTempDir() / "hipguide.db", {procedureSchema()});
  const ProcedureStore store(database);
  store.save(p);
  EXPECT_EQ(store.load(p.id).keyImages.size(), 2u);
}

/// The three commands end to end: perform and store, list, report again.
TEST(ProcedureCli, PerformsListsAndReports) {
  const auto dir = hipguide::test::freshTempDir();
  const std::string db = "'" + (dir / "hipguide.db").string() + "'";
  const auto performed = hipguide::test::runCli("procedure --type trochanteric-bursa --autopilot --db " + db +
                                                " --patient CLI-7 --report '" + (dir / "first.pdf").string() +
                                                "' --dicom '" + (dir / "dicom").string() + "'");
  ASSERT_EQ(performed.exitCode, 0) << performed.output;
  EXPECT_NE(performed.output.find("procedure 1 stored"), std::string::npos) << performed.output;
  EXPECT_NE(performed.output.find("DICOM: 2 files"), std::string::npos) << performed.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "dicom" / "keyimage-2.dcm"));
  EXPECT_EQ(performed.output.find("CLI-7"), std::string::npos) << "patient id printed or logged";

  const auto listed = hipguide::test::runCli("procedures --db " + db);
  ASSERT_EQ(listed.exitCode, 0) << listed.output;
  EXPECT_NE(listed.output.find("trochanteric-bursa"), std::string::npos) << listed.output;
  EXPECT_NE(listed.output.find("CLI-7"), std::string::npos) << listed.output;

  const auto reported = hipguide::test::runCli("report --db " + db + " --procedure 1 --out '" +
                                               (dir / "again.pdf").string() + "'");
  ASSERT_EQ(reported.exitCode, 0) << reported.output;
  const auto text = hipguide::test::runCommand("pdftotext '" + (dir / "again.pdf").string() + "' -").text;
  EXPECT_NE(text.find("Greater trochanteric bursa injection"), std::string::npos) << text;
  EXPECT_NE(text.find("CLI-7"), std::string::npos);

  EXPECT_EQ(hipguide::test::runCli("report --db " + db + " --procedure 9 --out x.pdf").exitCode, 1);
  EXPECT_EQ(hipguide::test::runCli("procedure --type knee --autopilot --db " + db).exitCode, 2);
  EXPECT_EQ(hipguide::test::runCli("procedures --db '" + (dir / "missing.db").string() + "'").exitCode, 1);
}

INSTANTIATE_TEST_SUITE_P(AllTypes, ProcedureAutopilotTest,
                         ::testing::Values(ProcedureType::IntraArticular, ProcedureType::TrochantericBursa,
                                           ProcedureType::Iliopsoas),
                         [](const auto& info) {
                           std::string id = procedureTypeInfo(info.param).id;
                           id.erase(std::remove(id.begin(), id.end(), '-'), id.end());
                           return id;
                         });

}  // namespace
}  // namespace hipguide::procedure
