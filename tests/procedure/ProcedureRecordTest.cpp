#include <hipguide/procedure/Procedure.h>

#include "ProcedureTestData.h"
#include "TestData.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

namespace hipguide::procedure {
namespace {

using ::testing::HasSubstr;

bool mentions(const std::vector<std::string>& problems, const std::string& text) {
  for (const auto& problem : problems)
    if (problem.find(text) != std::string::npos) return true;
  return false;
}

TEST(ProcedureRecord, ExampleIsValid) { EXPECT_TRUE(validationProblems(test::exampleProcedure()).empty()); }

TEST(ProcedureRecord, ValidationNamesEveryBrokenField) {
  Procedure p = test::exampleProcedure();
  p.patientId.clear();
  p.operatorName.clear();
  p.pain.before = 11;
  p.pain.later = -1;
  p.needle.gauge = 30;
  p.needle.lengthMm = 10;
  p.injectate.front().volumeMl = 25;
  p.checklist.tick(ChecklistItem::Consent, false);
  p.complications.otherText.clear();
  const auto problems = validationProblems(p);
  EXPECT_TRUE(mentions(problems, "patient id is empty"));
  EXPECT_TRUE(mentions(problems, "operator is empty"));
  EXPECT_TRUE(mentions(problems, "pain score before is 11; use 0-10"));
  EXPECT_TRUE(mentions(problems, "pain score later is -1"));
  EXPECT_TRUE(mentions(problems, "needle gauge is 30 G"));
  EXPECT_TRUE(mentions(problems, "needle length is 10"));
  EXPECT_TRUE(mentions(problems, "volume is 25"));
  EXPECT_TRUE(mentions(problems, "checklist items open: Informed consent obtained"));
  EXPECT_TRUE(mentions(problems, "'Other' needs a description"));
  EXPECT_EQ(problems.size(), 9u);
  EXPECT_THROW(validate(p), ProcedureError);
}

TEST(ProcedureRecord, PatientIdMustBeShortAndPrintable) {
  Procedure p = test::exampleProcedure();
  p.patientId = std::string(65, 'x');
  EXPECT_TRUE(mentions(validationProblems(p), "65 characters"));
  p.patientId = "AB\n12";
  EXPECT_TRUE(mentions(validationProblems(p), "control characters"));
}

TEST(ProcedureRecord, InjectionNeedsCompleteChecklistAndInjectate) {
  Procedure p = newProcedure(ProcedureType::IntraArticular, Side::Right, "P1", "Op");
  p.injectate = usualInjectate(DrugCatalog::defaults(), 6.0);
  p.checklist.tick(ChecklistItem::SideAndSite);
  try {
    markInjection(p, QDateTime::currentDateTimeUtc(), 1.0);
    FAIL() << "marked with an open checklist";
  } catch (const ProcedureError& error) {
    EXPECT_THAT(error.what(), HasSubstr("Informed consent obtained, Allergies checked"));
  }
  EXPECT_FALSE(p.injectedAt);
  p.checklist = Checklist::allTicked();
  p.injectate.clear();
  EXPECT_THROW(markInjection(p, QDateTime::currentDateTimeUtc(), 1.0), ProcedureError);
  p.injectate = usualInjectate(DrugCatalog::defaults(), 6.0);
  markInjection(p, QDateTime::currentDateTimeUtc(), 1.5);
  ASSERT_TRUE(p.injectedAt);
  EXPECT_EQ(p.tipToTargetAtInjectionMm, 1.5);
}

TEST(ProcedureRecord, ReliefIsTheShareOfPainRelieved) {
  EXPECT_DOUBLE_EQ(*reliefPercent(8, 2), 75.0);
  EXPECT_DOUBLE_EQ(*reliefPercent(5, 5), 0.0);
  EXPECT_DOUBLE_EQ(*reliefPercent(4, 6), -50.0);
  EXPECT_FALSE(reliefPercent(0, 0));
  EXPECT_FALSE(reliefPercent(std::nullopt, 2));
  EXPECT_FALSE(reliefPercent(6, std::nullopt));
  EXPECT_EQ(positiveDiagnosticResponse({8, 4, {}, {}}), true);   // exactly 50 %
  EXPECT_EQ(positiveDiagnosticResponse({8, 5, {}, {}}), false);  // 37.5 %
  EXPECT_EQ(positiveDiagnosticResponse({8, {}, 1, {}}), std::nullopt);
}

TEST(ProcedureRecord, UsualInjectateMixesSteroidAndAnaesthetic) {
  const auto mixture = usualInjectate(DrugCatalog::defaults(), 6.0);
  ASSERT_EQ(mixture.size(), 2u);
  EXPECT_EQ(mixture[0].drugClass, DrugClass::LocalAnaesthetic);
  EXPECT_DOUBLE_EQ(mixture[0].volumeMl, 5.0);
  EXPECT_DOUBLE_EQ(mixture[0].dose, 50.0);  // lidocaine 1 %: 10 mg/mL
  EXPECT_EQ(mixture[1].drugClass, DrugClass::Corticosteroid);
  EXPECT_DOUBLE_EQ(totalVolumeMl(mixture), 6.0);
  EXPECT_TRUE(isDiagnostic(mixture));
  EXPECT_FALSE(isDiagnostic({mixture[1]}));
  EXPECT_EQ(describe(mixture[1]), "Triamcinolone acetonide 40 mg/mL: 40 mg in 1 mL");
}

TEST(ProcedureRecord, DrugCatalogRoundTripsAndNamesBadEntries) {
  const auto dir = hipguide::test::freshTempDir();
  DrugCatalog catalog({{"Test drug", DrugClass::HyaluronicAcid, "mg", 20, 2}});
  catalog.save(dir / "drugs.json");
  const DrugCatalog loaded = DrugCatalog::load(dir / "drugs.json");
  ASSERT_NE(loaded.find("Test drug"), nullptr);
  EXPECT_EQ(loaded.find("Test drug")->drugClass, DrugClass::HyaluronicAcid);
  EXPECT_EQ(loaded.find("Test drug")->usualVolumeMl, 2);

  std::ofstream(dir / "bad.json")
      << R"({"drugs": [{"name": "A", "class": "local-anaesthetic"}, {"name": "B", "class": "opioid"}]})";
  try {
    DrugCatalog::load(dir / "bad.json");
    FAIL() << "accepted an unknown class";
  } catch (const std::runtime_error& error) {
    EXPECT_THAT(error.what(), HasSubstr("drugs[1]"));
    EXPECT_THAT(error.what(), HasSubstr("unknown drug class 'opioid'"));
  }
}

TEST(ProcedureRecord, ComplicationsAndChecklistIdsRoundTrip) {
  for (const auto& info : complicationList()) EXPECT_EQ(complicationFromId(info.id), info.complication);
  for (const auto& info : checklistItems()) EXPECT_EQ(checklistItemFromId(info.id), info.item);
  EXPECT_THROW(complicationFromId("death"), std::invalid_argument);
  EXPECT_EQ(describe(Complications{}), "None");
  EXPECT_EQ(describe(test::exampleProcedure().complications), "Bruising; Other: dizziness on standing");
}

}  // namespace
}  // namespace hipguide::procedure
