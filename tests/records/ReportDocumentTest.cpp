#include <hipguide/records/GuiApplication.h>
#include <hipguide/records/ReportDocument.h>

#include "CommandOutput.h"
#include "TestData.h"

#include <QPainter>

#include <gtest/gtest.h>

#include <fstream>

namespace hipguide::records {
namespace {

/// The text pdftotext extracts from `pdf`, pages in order.
std::string pdfText(const std::filesystem::path& pdf) {
  const auto out = test::runCommand("pdftotext -layout '" + pdf.string() + "' -");
  EXPECT_EQ(out.exitCode, 0) << out.text;
  return out.text;
}

QImage testImage() {
  QImage image(320, 240, QImage::Format_RGB32);
  image.fill(Qt::black);
  QPainter painter(&image);
  painter.fillRect(100, 80, 120, 80, Qt::green);
  return image;
}

class ReportDocumentTest : public ::testing::Test {
 protected:
  void SetUp() override { ensureGuiApplication(); }
};

TEST_F(ReportDocumentTest, WritesAllBlockKindsAsSearchableText) {
  ReportDocument document(QStringLiteral("Injection report"));
  document.setFooterText(QStringLiteral("HipGuide test footer"));
  document.addHeading(QStringLiteral("Procedure"));
  document.addTable({{QStringLiteral("Needle"), QStringLiteral("22G spinal, 90 mm")},
                     {QStringLiteral("Side"), QStringLiteral("right")}});
  document.addParagraph(QStringLiteral("Avoid strenuous activity for a week."));
  document.addImage(testImage(), QStringLiteral("Key image 1: tip 1.2 mm from target"), 0.6);

  const auto file = test::freshTempDir() / "sub" / "report.pdf";
  EXPECT_EQ(document.writePdf(file), 1);
  const std::string text = pdfText(file);
  for (const char* expected : {"Injection report", "Procedure", "Needle", "22G spinal, 90 mm", "Side",
                               "right", "Avoid strenuous activity for a week.",
                               "Key image 1: tip 1.2 mm from target", "HipGuide test footer", "Page 1 of 1"})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing '" << expected << "' in:\n" << text;
  const auto images = test::runCommand("pdfimages -list '" + file.string() + "'");
  EXPECT_NE(images.text.find("320   240"), std::string::npos) << images.text;
}

TEST_F(ReportDocumentTest, BreaksLongContentIntoNumberedPages) {
  ReportDocument document(QStringLiteral("Long report"));
  for (int section = 1; section <= 6; ++section) {
    document.addHeading(QStringLiteral("Section %1").arg(section));
    document.addParagraph(
        QString(QStringLiteral("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ")).repeated(40));
    document.addImage(testImage(), QStringLiteral("Figure %1").arg(section));
  }
  document.addPageBreak();
  document.addParagraph(QStringLiteral("Last page alone"));

  const auto file = test::freshTempDir() / "long.pdf";
  const int pages = document.writePdf(file);
  EXPECT_GT(pages, 3);
  const auto info = test::runCommand("pdfinfo '" + file.string() + "'");
  const auto pagesAt = info.text.find("Pages:");
  ASSERT_NE(pagesAt, std::string::npos) << info.text;
  EXPECT_EQ(std::stoi(info.text.substr(pagesAt + 6)), pages) << info.text;
  EXPECT_NE(info.text.find("Long report"), std::string::npos) << "PDF title missing:\n" << info.text;
  const std::string text = pdfText(file);
  const std::string lastPage = "Page " + std::to_string(pages) + " of " + std::to_string(pages);
  EXPECT_NE(text.find(lastPage), std::string::npos);
  // The explicit break: the last page holds only the final paragraph.
  const auto lastStart = text.rfind('\f', text.size() - 2);
  ASSERT_NE(lastStart, std::string::npos);
  EXPECT_NE(text.find("Last page alone", lastStart), std::string::npos);
  EXPECT_EQ(text.find("Figure", lastStart), std::string::npos);
  // A heading never ends a page: each "Section n" is followed by text on the same page.
  for (int section = 1; section <= 6; ++section) {
    const auto at = text.find("Section " + std::to_string(section));
    ASSERT_NE(at, std::string::npos);
    EXPECT_NE(text.find("Lorem", at), std::string::npos);
    EXPECT_LT(text.find("Lorem", at), text.find('\f', at)) << "Section " << section << " ends its page";
  }
}

TEST_F(ReportDocumentTest, RejectsBadImagesAndUnwritableFiles) {
  ReportDocument document(QStringLiteral("Bad"));
  EXPECT_THROW(document.addImage(QImage(), QStringLiteral("none")), ReportError);
  EXPECT_THROW(document.addImage(testImage(), QStringLiteral("too wide"), 1.5), ReportError);
  const auto blocker = test::freshTempDir() / "file";
  std::ofstream(blocker) << "x";
  EXPECT_THROW(document.writePdf(blocker / "report.pdf"), ReportError);
}

}  // namespace
}  // namespace hipguide::records
