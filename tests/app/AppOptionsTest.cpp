#include <hipguide/app/AppOptions.h>

#include <gtest/gtest.h>

using hipguide::app::parseAppOptions;

TEST(AppOptions, DefaultsToTheSimulatedProbe) {
  const auto parsed = parseAppOptions({"hipguide"});
  ASSERT_TRUE(parsed.options);
  EXPECT_EQ(parsed.options->source, "sim");
  EXPECT_FALSE(parsed.options->quitAfterSeconds);
}

TEST(AppOptions, ReadsEveryOption) {
  const auto parsed = parseAppOptions({"hipguide", "--source", "sim:steep", "--quit-after", "8",
                                       "--screenshot", "s.png", "--stats", "s.json", "--fps", "30"});
  ASSERT_TRUE(parsed.options) << parsed.message.toStdString();
  EXPECT_EQ(parsed.options->source, "sim:steep");
  EXPECT_DOUBLE_EQ(*parsed.options->quitAfterSeconds, 8.0);
  EXPECT_EQ(parsed.options->screenshotPath, "s.png");
  EXPECT_EQ(parsed.options->statsPath, "s.json");
  EXPECT_DOUBLE_EQ(parsed.options->framesPerSecond, 30.0);
}

TEST(AppOptions, RefusesBadInputWithExitCode2AndAMessage) {
  for (const QStringList& arguments :
       {QStringList{"hipguide", "--bogus"}, QStringList{"hipguide", "--quit-after", "soon"},
        QStringList{"hipguide", "--source", "igtl://host:0"}, QStringList{"hipguide", "extra"}}) {
    const auto parsed = parseAppOptions(arguments);
    EXPECT_FALSE(parsed.options) << arguments.join(' ').toStdString();
    EXPECT_EQ(parsed.exitCode, 2);
    EXPECT_FALSE(parsed.message.isEmpty());
  }
}
