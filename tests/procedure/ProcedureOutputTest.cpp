#include <hipguide/procedure/DicomExport.h>
#include <hipguide/procedure/ProcedureReport.h>
#include <hipguide/records/GuiApplication.h>

#include "CommandOutput.h"
#include "ProcedureTestData.h"
#include "TestData.h"

#include <gtest/gtest.h>

namespace hipguide::procedure {
namespace {

class ProcedureOutputTest : public ::testing::Test {
 protected:
  void SetUp() override { records::ensureGuiApplication(); }
};

/// pdftotext's text of a PDF with line breaks and runs of spaces folded to single spaces.
std::string pdfText(const std::filesystem::path& pdf) {
  const auto out = hipguide::test::runCommand("pdftotext '" + pdf.string() + "' -");
  EXPECT_EQ(out.exitCode, 0) << out.text;
  std::string folded;
  for (char c : out.text) {
    const char normal = (c == '\n' || c == '\f') ? ' ' : c;
    if (!(normal == ' ' && !folded.empty() && folded.back() == ' ')) folded += normal;
  }
  return folded;
}

TEST_F(ProcedureOutputTest, ReportHoldsEverythingTheIssueLists) {
  const auto file = hipguide::test::freshTempDir() / "report.pdf";
  const Procedure p = test::exampleProcedure();
  const int pages = writeProcedureReport(p, file);
  EXPECT_GE(pages, 2);  // the aftercare sheet has its own page
  const std::string text = pdfText(file);
  for (const std::string& expected :
       std::vector<std::string>{"PAT-4711",
                                "2026-11-28",
                                "Dr. Example",
                                "Iliopsoas bursa / tendon sheath injection",
                                "left",
                                "iliopsoas bursa",
                                "in-plane needle",
                                "22G spinal, 90 mm",
                                "Lidocaine 1% (10 mg/mL): 30 mg in 3 mL",
                                "Triamcinolone acetonide 40 mg/mL: 40 mg in 1 mL",
                                "Total volume 4.0 mL",
                                "Tip to target at injection 1.3 mm",
                                "Minimum clearance to vessels 6.5 mm",
                                "Minimum clearance to nerves 8.3 mm",
                                "Before 8 / 10",
                                "Immediately after 2 / 10",
                                "Later 5 / 10 (after 14 days)",
                                "Relief, immediately after 75 %",
                                "Relief, later 38 %",
                                "positive",
                                "Bruising; Other: dizziness on standing",
                                "Key image 2 (at injection)",
                                "tip 1.2 mm from target",
                                "Aftercare",
                                "fever",
                                "numbness or weakness",
                                "Informed consent obtained Yes",
                                "Page 1 of " + std::to_string(pages)})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing '" << expected << "' in:\n" << text;
  const auto images = hipguide::test::runCommand("pdfimages -list '" + file.string() + "'");
  EXPECT_NE(images.text.find("64    48"), std::string::npos) << images.text;
}

TEST_F(ProcedureOutputTest, TherapeuticOnlyInjectionShowsNoRelief) {
  Procedure p = test::exampleProcedure();
  p.injectate.erase(p.injectate.begin());  // steroid only
  const auto file = hipguide::test::freshTempDir() / "report.pdf";
  writeProcedureReport(p, file);
  const std::string text = pdfText(file);
  EXPECT_EQ(text.find("Relief"), std::string::npos);
  EXPECT_NE(text.find("Before 8 / 10"), std::string::npos);
}

TEST_F(ProcedureOutputTest, DicomKeyImagesParseWithDcmdump) {
  const auto dir = hipguide::test::freshTempDir() / "dicom";
  Procedure p = test::exampleProcedure();
  p.id = 17;
  const auto files = exportKeyImagesDicom(p, dir);
  ASSERT_EQ(files.size(), 2u);
  std::string studyUids;
  for (const auto& file : files) {
    const auto dump = hipguide::test::runCommand(
        "dcmdump +P PatientID +P StudyDate +P Modality +P SOPClassUID "
        "+P PhotometricInterpretation +P SamplesPerPixel +P Rows +P Columns "
        "+P PixelSpacing +P StudyInstanceUID +P Laterality '" +
        file.string() + "'");
    ASSERT_EQ(dump.exitCode, 0) << dump.text;
    for (const char* expected : {"[PAT-4711]", "[20261128]", "[US]", "=SecondaryCaptureImageStorage", "[RGB]",
                                 "US 3", "US 48", "US 64", "[0.2\\0.2]", "[L]"})
      EXPECT_NE(dump.text.find(expected), std::string::npos) << file << " lacks " << expected << ":\n"
                                                             << dump.text;
    const auto at = dump.text.find("StudyInstanceUID");
    ASSERT_NE(at, std::string::npos);
    studyUids += dump.text.substr(dump.text.rfind('[', at),
                                  dump.text.find(']', dump.text.rfind('[', at)) - dump.text.rfind('[', at)) +
                 "\n";
  }
  // Both images belong to one study.
  const auto firstLine = studyUids.substr(0, studyUids.find('\n'));
  EXPECT_EQ(studyUids, firstLine + "\n" + firstLine + "\n");
  // The full dump (pixel data included) parses too.
  EXPECT_EQ(hipguide::test::runCommand("dcmdump '" + files[0].string() + "' > /dev/null").exitCode, 0);
}

TEST_F(ProcedureOutputTest, DicomExportNeedsKeyImages) {
  Procedure p = test::exampleProcedure();
  p.keyImages.clear();
  EXPECT_THROW(exportKeyImagesDicom(p, hipguide::test::freshTempDir()), ProcedureError);
}

}  // namespace
}  // namespace hipguide::procedure
