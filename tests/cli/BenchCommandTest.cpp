/// `hipguide-cli bench`: times the tracker on 640×480 simulated frames when given no file.

#include <gtest/gtest.h>

#include "CliRunner.h"

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(BenchCommand, TimesEveryStageOnSimulatedFramesWithoutAFile) {
  const hipguide::test::CliResult result = hipguide::test::runCli("bench --frames 4 --passes 1");
  ASSERT_EQ(result.exitCode, 0) << result.output;
  EXPECT_TRUE(has(result.output, "4 frames of 640x480 from simulated anterior-hip")) << result.output;
  for (const char* row :
       {"resample", "sector", "ridge", "motion", "fresh", "shaft", "tip", "filter", "total"})
    EXPECT_TRUE(has(result.output, std::string("  ") + row + " ")) << "no row '" << row << "':\n"
                                                                   << result.output;
}

TEST(BenchCommand, RefusesAFileAndAScenarioTogetherAndUnknownScenarios) {
  const hipguide::test::CliResult both = hipguide::test::runCli("bench --in x.igs.mha --scenario steep");
  EXPECT_EQ(both.exitCode, 2) << both.output;
  EXPECT_TRUE(has(both.output, "not both")) << both.output;
  const hipguide::test::CliResult unknown = hipguide::test::runCli("bench --scenario nope --frames 1");
  EXPECT_EQ(unknown.exitCode, 1) << unknown.output;
  EXPECT_TRUE(has(unknown.output, "unknown scenario 'nope'")) << unknown.output;
}
