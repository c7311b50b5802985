/// Axis ticks of the charts (progress charts count attempts: whole-number ticks only).

#include <hipguide/records/TimeChart.h>

#include <gtest/gtest.h>

#include <cmath>

using hipguide::records::niceTicks;

TEST(NiceTicks, IntegerAxesNeverGetFractionalTicks) {
  // Without the integer rule two attempts get ticks 1, 1.2, 1.4, ...
  const std::vector<double> fine = niceTicks(1, 2, 8);
  ASSERT_EQ(fine.size(), 6u);
  EXPECT_NEAR(fine[1], 1.2, 1e-9);
  EXPECT_EQ(niceTicks(1, 2, 8, true), (std::vector<double>{1, 2}));
  EXPECT_EQ(niceTicks(0.5, 1.5, 8, true), (std::vector<double>{1}));  // one attempt, widened axis
  EXPECT_EQ(niceTicks(1, 3, 8, true), (std::vector<double>{1, 2, 3}));
  EXPECT_EQ(niceTicks(1, 40, 8, true), (std::vector<double>{5, 10, 15, 20, 25, 30, 35, 40}));
  for (int attempts = 2; attempts <= 60; ++attempts) {
    const std::vector<double> ticks = niceTicks(1, attempts, 8, true);
    ASSERT_FALSE(ticks.empty()) << attempts << " attempts";
    for (double tick : ticks) EXPECT_EQ(tick, std::round(tick)) << attempts << " attempts";
    EXPECT_LE(ticks.size(), 10u) << attempts << " attempts";
  }
}

TEST(NiceTicks, RealAxesKeepTheirFineSteps) {
  EXPECT_EQ(niceTicks(0, 10, 5), (std::vector<double>{0, 2, 4, 6, 8, 10}));
  EXPECT_EQ(niceTicks(0, 1, 5, false).size(), 6u);
}
