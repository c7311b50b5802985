#include <hipguide/core/ClockAnchor.h>
#include <hipguide/core/Logging.h>

#include <gtest/gtest.h>

using hipguide::core::ClockAnchor;

TEST(ClockAnchor, MapsDeviceTimeOntoHostTimeFromTheFirstFrame) {
  ClockAnchor anchor;
  EXPECT_EQ(anchor.toHostNs(5'000, 1'000'000), 1'000'000);
  EXPECT_EQ(anchor.toHostNs(7'000, 9'999'999), 1'002'000);
}

TEST(ClockAnchor, RefusesTimestampsThatGoBackwards) {
  ClockAnchor anchor;
  anchor.toHostNs(10'000, 0);
  EXPECT_FALSE(anchor.toHostNs(9'000, 0).has_value());
  EXPECT_EQ(anchor.refusedCount(), 1u);
  EXPECT_TRUE(anchor.toHostNs(10'000, 0).has_value());
  anchor.reset();
  EXPECT_EQ(anchor.toHostNs(1, 50), 50);
}

TEST(Logging, SameLoggerPerLayerAndProblemsAreCounted) {
  auto first = hipguide::core::logger("core");
  EXPECT_EQ(first, hipguide::core::logger("core"));
  const auto before = hipguide::core::loggedProblemCount();
  first->warn("a deliberate warning from the logging test");
  EXPECT_EQ(hipguide::core::loggedProblemCount(), before + 1);
}
