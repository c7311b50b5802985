#include "cli/CliRunner.h"

#include <gtest/gtest.h>

using hipguide::test::runCli;

TEST(Cli, OverviewListsCommands) {
  const auto result = runCli("--help");
  EXPECT_EQ(result.exitCode, 0);
  EXPECT_NE(result.output.find("sources"), std::string::npos) << result.output;
}

TEST(Cli, NoCommandOrUnknownCommandIsAUsageError) {
  EXPECT_EQ(runCli("").exitCode, 2);
  const auto unknown = runCli("frobnicate");
  EXPECT_EQ(unknown.exitCode, 2);
  EXPECT_NE(unknown.output.find("unknown command 'frobnicate'"), std::string::npos) << unknown.output;
}

TEST(Cli, EveryCommandHasHelpAndRefusesUnknownOptions) {
  const auto overview = runCli("--help").output;
  std::size_t listed = 0;
  for (std::size_t at = overview.find("commands:\n"); at != std::string::npos;) {
    const std::size_t lineStart = overview.find("\n  ", at);
    if (lineStart == std::string::npos) break;
    const std::size_t nameEnd = overview.find(' ', lineStart + 3);
    const std::string name = overview.substr(lineStart + 3, nameEnd - lineStart - 3);
    at = nameEnd;
    ++listed;
    const auto help = runCli(name + " --help");
    EXPECT_EQ(help.exitCode, 0) << name;
    EXPECT_NE(help.output.find("usage:"), std::string::npos) << name;
    const auto bogus = runCli(name + " --no-such-option");
    EXPECT_EQ(bogus.exitCode, 2) << name << ": " << bogus.output;
  }
  EXPECT_GE(listed, 1u);
}
