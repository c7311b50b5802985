// The display's frame-rate bookkeeping: per-second counts and the steady (median) rate.
#include <hipguide/app/DisplayStats.h>

#include <gtest/gtest.h>

using hipguide::app::DisplayStats;

namespace {
constexpr std::int64_t kSecondNs = 1'000'000'000;
}

TEST(DisplayStats, CountsFramesPerWholeSecondAndTakesTheMedianAsTheSteadyRate) {
  DisplayStats stats;
  const std::int64_t startNs = 50 * kSecondNs;
  // A slow first second (start-up: 5 frames), then 30 frames a second for four seconds,
  // then half a second more that must not count as a whole second.
  std::int64_t nowNs = startNs;
  for (int i = 0; i < 5; ++i) stats.framePainted(nowNs - 10'000'000, nowNs + i * (kSecondNs / 5));
  for (int second = 1; second <= 4; ++second)
    for (int i = 0; i < 30; ++i) {
      nowNs = startNs + second * kSecondNs + i * (kSecondNs / 30);
      stats.framePainted(nowNs - 12'000'000, nowNs);
    }
  for (int i = 0; i < 10; ++i) stats.framePainted(nowNs, startNs + 5 * kSecondNs + i * 40'000'000);
  const auto summary = stats.summary(200, 0, startNs + 5 * kSecondNs + 500'000'000);
  EXPECT_EQ(summary.shownPerSecond, (std::vector<int>{5, 30, 30, 30, 30}));
  EXPECT_DOUBLE_EQ(summary.fpsShownMedian, 30.0);
  EXPECT_EQ(summary.framesShown, 135u);
  EXPECT_NEAR(summary.latencyMedianMs, 12.0, 1e-9);
}

TEST(DisplayStats, NothingShownGivesEmptyCountsAndZeroRate) {
  DisplayStats stats;
  const auto summary = stats.summary(10, 0, kSecondNs);
  EXPECT_TRUE(summary.shownPerSecond.empty());
  EXPECT_EQ(summary.fpsShownMedian, 0.0);
}
