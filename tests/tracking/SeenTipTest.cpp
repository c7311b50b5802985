#include "SeenTip.h"

#include <gtest/gtest.h>

#include <cmath>

namespace hipguide::tracking {
namespace {

/// A point `alongMm` deeper along a 30° shaft from (10, 20) and `acrossMm` beside it.
core::Vec2 onShaft(double alongMm, double acrossMm = 0.0) {
  const double radians = core::degToRad(30.0);
  const core::Vec2 deeper(std::cos(radians), std::sin(radians));
  const core::Vec2 side(-deeper.y(), deeper.x());
  return core::Vec2(10.0, 20.0) + alongMm * deeper + acrossMm * side;
}

TEST(SeenTip, RemembersNothingUntilATipIsSeen) {
  const SeenTip seen{FilterConfig{}};
  EXPECT_FALSE(seen.remembered());
  EXPECT_EQ(seen.relationOf(onShaft(0), 30.0), SeenTip::Relation::Elsewhere);
}

TEST(SeenTip, TellsATipShortOfTheSeenOneFromTheSameTipAndFromAnotherShaft) {
  const FilterConfig config;
  SeenTip seen(config);
  seen.see(onShaft(0), 30.0, true);
  using Relation = SeenTip::Relation;
  EXPECT_EQ(seen.relationOf(onShaft(-6.0), 30.0), Relation::Short) << "the shaft leaving the slice";
  EXPECT_EQ(seen.relationOf(onShaft(-config.seenTipShortMm - 0.1), 30.0), Relation::Short);
  EXPECT_EQ(seen.relationOf(onShaft(-config.seenTipShortMm + 0.1), 30.0), Relation::AtIt);
  EXPECT_EQ(seen.relationOf(onShaft(0.5, 0.5), 30.5), Relation::AtIt) << "the same needle again";
  EXPECT_EQ(seen.relationOf(onShaft(6.0), 30.0), Relation::Elsewhere) << "advanced past it";
  EXPECT_EQ(seen.relationOf(onShaft(-6.0, config.seenTipAcrossMm + 0.5), 30.0), Relation::Elsewhere)
      << "a parallel line beside it";
  EXPECT_EQ(seen.relationOf(onShaft(-6.0), 30.0 + config.seenTipAngleDeg + 1.0), Relation::Elsewhere)
      << "another angle";
}

TEST(SeenTip, OrientationsWrapAtTheHorizontal) {
  SeenTip seen{FilterConfig{}};
  seen.see({10.0, 20.0}, 179.0, true);  // Points down-left into the body: (cos 179°, sin 179°).
  EXPECT_EQ(seen.relationOf({14.0, 20.0}, 1.0), SeenTip::Relation::Short);
  EXPECT_EQ(seen.relationOf({9.0, 20.0}, 0.5), SeenTip::Relation::AtIt);
}

TEST(SeenTip, KeepsWhetherTheTrackThatSawTheTipWasEstablished) {
  SeenTip seen{FilterConfig{}};
  seen.see(onShaft(0), 30.0, false);
  EXPECT_FALSE(seen.established());
  EXPECT_EQ(seen.relationOf(onShaft(0.5), 30.0), SeenTip::Relation::AtIt) << "where it is, all the same";
  seen.see(onShaft(1), 30.0, true);
  EXPECT_TRUE(seen.established());
}

TEST(SeenTip, TheMemoryLapsesAndCanBeForgotten) {
  const FilterConfig config;
  SeenTip seen(config);
  seen.see(onShaft(0), 30.0, true);
  seen.age(config.seenTipMemoryS - 0.1);
  EXPECT_EQ(seen.relationOf(onShaft(-6.0), 30.0), SeenTip::Relation::Short);
  EXPECT_NEAR(seen.secondsSince(), config.seenTipMemoryS - 0.1, 1e-12);
  seen.age(0.2);
  EXPECT_EQ(seen.relationOf(onShaft(-6.0), 30.0), SeenTip::Relation::Elsewhere);
  seen.see(onShaft(0), 30.0, true);
  seen.forget();
  EXPECT_FALSE(seen.remembered());
}

}  // namespace
}  // namespace hipguide::tracking
