#include <hipguide/records/GuiApplication.h>
#include <hipguide/training/AttemptCharts.h>
#include <hipguide/training/AttemptReport.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <memory>

#include "../TestData.h"
#include "TraceBuilder.h"

namespace hipguide::training {
namespace {

namespace fs = std::filesystem;

/// stdout of a shell command.
std::string commandOutput(const std::string& command) {
  std::string output;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  char buffer[4096];
  while (pipe && fgets(buffer, sizeof buffer, pipe.get())) output += buffer;
  return output;
}

AttemptResult scriptedAttempt() {
  test::TraceBuilder builder;
  builder.at(0);
  for (double depth = 3; depth < 39; depth += 3) builder.at(depth, 0, depth < 20, 20 - depth / 3);
  builder.at(39);
  return finishAttempt(exerciseFor("anterior-hip"), 5, "script", builder.trace(), {});
}

TEST(AttemptReport, WritesAPdfWithTheScoresAndVerdict) {
  records::ensureGuiApplication();
  const fs::path file = hipguide::test::freshTempDir() / "report.pdf";
  const int pages = writeAttemptReport(scriptedAttempt(), "Ada Lovelace", file);
  EXPECT_GE(pages, 2);
  std::ifstream in(file, std::ios::binary);
  char magic[5] = {};
  in.read(magic, 4);
  EXPECT_EQ(std::string(magic), "%PDF");
  EXPECT_GT(fs::file_size(file), 10000u);
  const std::string text = commandOutput("pdftotext '" + file.string() + "' - 2>/dev/null");
  if (text.empty()) GTEST_SKIP() << "pdftotext is not installed";
  EXPECT_NE(text.find("Ada Lovelace"), std::string::npos);
  EXPECT_NE(text.find("Final tip-to-target distance"), std::string::npos);
  EXPECT_NE(text.find("PASSED"), std::string::npos);
  EXPECT_NE(text.find("Tip-to-target distance"), std::string::npos);  // a chart caption
}

TEST(TimeChart, DrawsSeriesInTheirColour) {
  records::ensureGuiApplication();
  const AttemptResult result = scriptedAttempt();
  const QImage chart = records::renderTimeChart(clearanceChart(result), QSize(600, 300));
  ASSERT_EQ(chart.size(), QSize(600, 300));
  int red = 0;
  for (int y = 0; y < chart.height(); ++y)
    for (int x = 0; x < chart.width(); ++x) {
      const QColor colour = chart.pixelColor(x, y);
      red += colour.red() > 180 && colour.green() < 80 && colour.blue() < 80 ? 1 : 0;
    }
  EXPECT_GT(red, 200);  // the vessel line and the margin
}

TEST(TimeChart, TicksFollowOneTwoFive) {
  EXPECT_EQ(records::niceTicks(0, 10, 5), (std::vector<double>{0, 2, 4, 6, 8, 10}));
  const std::vector<double> ticks = records::niceTicks(0.3, 0.9, 3);
  ASSERT_EQ(ticks.size(), 3u);
  EXPECT_NEAR(ticks[0], 0.4, 1e-12);
  EXPECT_NEAR(ticks[2], 0.8, 1e-12);
}

}  // namespace
}  // namespace hipguide::training
