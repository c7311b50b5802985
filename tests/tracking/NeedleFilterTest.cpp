#include "NeedleFilter.h"

#include <gtest/gtest.h>

#include <cmath>

namespace hipguide::tracking {
namespace {

constexpr double kDt = 0.05;

constexpr double kAdvancing = 1.5, kStill = 0.0, kEntering = 4.0;

NeedleMeasurement at(double x, double y, double angleDeg = 30.0, double confidence = 0.9,
                     double advance = kAdvancing, bool needleLike = false) {
  return {{x, y}, angleDeg, confidence, advance, needleLike};
}

TEST(NeedleFilter, AcquiresOnlyWithEnoughConfidence) {
  NeedleFilter filter(FilterConfig{});
  EXPECT_FALSE(filter.update(at(10, 10, 30, 0.4), kDt).detected);
  EXPECT_FALSE(filter.tracking());
  const FilteredNeedle first = filter.update(at(10, 10, 30, 0.9), kDt);
  EXPECT_TRUE(first.detected);
  EXPECT_DOUBLE_EQ(first.tipMm.x(), 10.0);
}

TEST(NeedleFilter, AClearlyAdvancingTipStartsATrackWithLessConfidence) {
  const FilterConfig config;
  const double between = 0.5 * (config.acquireStrongAdvanceConfidence + config.acquireConfidence);
  NeedleFilter filter(config);
  EXPECT_FALSE(filter.update(at(10, 10, 30, between, kAdvancing), kDt).detected);
  EXPECT_TRUE(filter.update(at(10, 10, 30, between, kEntering), kDt).detected);
  NeedleFilter weak(config);
  EXPECT_FALSE(
      weak.update(at(10, 10, 30, 0.9 * config.acquireStrongAdvanceConfidence, kEntering), kDt).detected);
}

TEST(NeedleFilter, DoesNotStartOnAStaticLineButKeepsAStaticNeedle) {
  NeedleFilter filter(FilterConfig{});
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(filter.update(at(10, 10, 30, 0.9, kStill), kDt).detected);
  EXPECT_TRUE(filter.update(at(10, 10, 30, 0.9, kAdvancing), kDt).detected);
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(filter.update(at(10, 10, 30, 0.9, kStill), kDt).detected);
}

TEST(NeedleFilter, StartsOnAStillNeedleLikeShaftWithEnoughConfidence) {
  NeedleFilter filter(FilterConfig{});
  EXPECT_FALSE(filter.update(at(10, 10, 30, 0.5, kStill, true), kDt).detected);
  EXPECT_TRUE(filter.update(at(10, 10, 30, 0.9, kStill, true), kDt).detected);
}

TEST(NeedleFilter, DoesNotStartOnANearlyHorizontalLineButFollowsANeedleThatFlattens) {
  const FilterConfig config;
  const double flat = 0.7 * config.minStartAngleDeg;
  for (const double angle : {flat, 180.0 - flat}) {
    NeedleFilter filter(config);
    for (int i = 0; i < 5; ++i)
      EXPECT_FALSE(filter.update(at(10 + i, 10, angle, 0.95, kEntering), kDt).detected) << angle << "°";
  }
  NeedleFilter steeper(config);
  EXPECT_TRUE(steeper.update(at(10, 10, 1.5 * config.minStartAngleDeg, 0.95, kEntering), kDt).detected);
  NeedleFilter flattening(config);
  for (int i = 0; i <= 50; ++i) {
    const double angle = 30.0 - 0.5 * i;
    EXPECT_TRUE(flattening.update(at(10 + 0.2 * i, 10, angle, 0.9, kAdvancing), kDt).detected)
        << angle << "°";
  }
}

TEST(NeedleFilter, DoesNotStartOnALineThatRunsTooFarUnderTheSkinUnseen) {
  const FilterConfig config;
  NeedleMeasurement tooDeep = at(10, 10, 30, 0.95, kEntering, true);
  tooDeep.hiddenLengthMm = 1.1 * config.maxHiddenLengthMm;
  NeedleFilter filter(config);
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(filter.update(tooDeep, kDt).detected);
  NeedleMeasurement deepest = tooDeep;
  deepest.hiddenLengthMm = config.maxHiddenLengthMm;
  EXPECT_TRUE(filter.update(deepest, kDt).detected);
}

TEST(NeedleFilter, FollowsAnAdvancingTipClosely) {
  NeedleFilter filter(FilterConfig{});
  FilteredNeedle last;
  for (int i = 0; i < 40; ++i) last = filter.update(at(10 + 0.5 * i, 20 + 0.3 * i), kDt);  // 10 mm/s
  EXPECT_NEAR(last.tipMm.x(), 10 + 0.5 * 39, 0.1);
  EXPECT_NEAR(last.tipMm.y(), 20 + 0.3 * 39, 0.1);
  EXPECT_NEAR(last.angleDeg, 30.0, 0.01);
}

TEST(NeedleFilter, GatesAnOutlierAndCoastsThenLosesTheTrack) {
  FilterConfig config;
  NeedleFilter filter(config);
  for (int i = 0; i < 10; ++i) filter.update(at(10, 20), kDt);
  const FilteredNeedle outlier = filter.update(at(40, 5, 120), kDt);
  EXPECT_TRUE(outlier.detected);
  EXPECT_TRUE(outlier.coasting);
  EXPECT_NEAR(outlier.tipMm.x(), 10.0, 0.2) << "the outlier must not move the estimate";
  EXPECT_TRUE(filter.update(std::nullopt, kDt).coasting);
  EXPECT_FALSE(filter.update(std::nullopt, kDt).detected)
      << "lost after maxCoastFrames without a measurement";
  EXPECT_FALSE(filter.tracking());
}

TEST(NeedleFilter, AFasterStreamCoastsAsLong) {
  const FilterConfig config;
  const double dt = 0.025;  // 40 fps
  NeedleFilter filter(config);
  for (int i = 0; i < 20; ++i) filter.update(at(10, 20), dt);
  int coasted = 0;
  while (filter.update(std::nullopt, dt).detected) ++coasted;
  EXPECT_EQ(coasted, 4) << config.maxCoastSeconds << " s, not " << config.maxCoastFrames << " frames";
  NeedleFilter slower(config);  // Control: at 10 fps the frames count.
  for (int i = 0; i < 10; ++i) slower.update(at(10, 20), 0.1);
  coasted = 0;
  while (slower.update(std::nullopt, 0.1).detected) ++coasted;
  EXPECT_EQ(coasted, config.maxCoastFrames);
}

TEST(NeedleFilter, ReacquiresWhereConsistentOutliersPoint) {
  FilterConfig config;
  config.maxCoastFrames = 5;
  NeedleFilter filter(config);
  for (int i = 0; i < 10; ++i) filter.update(at(10, 20), kDt);
  FilteredNeedle result;
  for (int i = 0; i < config.reacquireFrames; ++i) result = filter.update(at(40, 30, 60), kDt);
  EXPECT_FALSE(result.coasting);
  EXPECT_DOUBLE_EQ(result.tipMm.x(), 40.0);
  EXPECT_DOUBLE_EQ(result.angleDeg, 60.0);
}

/// A tip `alongMm` deeper along the 30° shaft of `at`'s default angle from (10, 20).
NeedleMeasurement alongShaft(double alongMm, double advance = kAdvancing, bool needleLike = false) {
  const double radians = 30.0 * M_PI / 180.0;
  return at(10 + alongMm * std::cos(radians), 20 + alongMm * std::sin(radians), 30, 0.9, advance, needleLike);
}

TEST(NeedleFilter, ACoastingTipStaysWhereItWasLastSeen) {
  NeedleFilter filter(FilterConfig{});
  FilteredNeedle last;
  for (int i = 0; i < 20; ++i) last = filter.update(alongShaft(0.5 * i), kDt);  // 10 mm/s
  const FilteredNeedle coasting = filter.update(std::nullopt, kDt);
  ASSERT_TRUE(coasting.coasting);
  EXPECT_NEAR((coasting.tipMm - last.tipMm).norm(), 0.0, 1e-9) << "not carried on by its velocity";
  EXPECT_NEAR((filter.update(std::nullopt, kDt).tipMm - last.tipMm).norm(), 0.0, 1e-9);
}

TEST(NeedleFilter, ATipShortOfTheSeenOneOnTheSameShaftNeitherUpdatesNorRestartsTheTrack) {
  const FilterConfig config;
  NeedleFilter filter(config);
  for (int i = 0; i < 10; ++i) filter.update(alongShaft(0), kDt);
  // The shaft leaves the slice: it now ends 6 mm short, looking like a needle, for 2 s.
  int frames = 0;
  for (; frames * kDt < 2.0; ++frames) {
    const FilteredNeedle result = filter.update(alongShaft(-6.0, kStill, true), kDt);
    if (result.detected) {
      EXPECT_NEAR(result.tipMm.x(), 10.0, 1e-9) << "frame " << frames;
    }
  }
  EXPECT_FALSE(filter.tracking());
  // Once the memory has lapsed the same shaft starts a track.
  FilteredNeedle later;
  for (; frames * kDt < config.seenTipMemoryS + 0.2; ++frames)
    later = filter.update(alongShaft(-6.0, kStill, true), kDt);
  EXPECT_TRUE(later.detected);
}

TEST(NeedleFilter, TheNeedleSeenAgainWhereItWasRestartsWithoutMovingIn) {
  NeedleFilter filter(FilterConfig{});
  for (int i = 0; i < 10; ++i) filter.update(alongShaft(0), kDt);
  for (int i = 0; i < 5; ++i) filter.update(std::nullopt, kDt);
  ASSERT_FALSE(filter.tracking());
  EXPECT_TRUE(filter.update(alongShaft(0.3, kStill), kDt).detected)
      << "still and not needle-like, but where the tip was seen";
  NeedleFilter elsewhere(FilterConfig{});
  EXPECT_FALSE(elsewhere.update(alongShaft(0.3, kStill), kDt).detected) << "control: nothing seen before";
}

TEST(NeedleFilter, ALineTrackedForOneFrameIsNoNeedleToComeBackTo) {
  // A fascia swept by the probe starts a track once (its end "advances"), then is lost.
  NeedleFilter filter(FilterConfig{});
  ASSERT_TRUE(filter.update(alongShaft(0), kDt).detected);
  for (int i = 0; i < 5; ++i) filter.update(std::nullopt, kDt);
  ASSERT_FALSE(filter.tracking());
  EXPECT_FALSE(filter.update(alongShaft(0.3, kStill), kDt).detected)
      << "where it was seen, but by a track of one measurement";
}

TEST(NeedleFilter, AMeasurementFartherThanTheTipCanMoveIsAnOutlier) {
  FilterConfig config;
  NeedleFilter filter(config);
  for (int i = 0; i < 10; ++i) filter.update(alongShaft(0), kDt);
  for (int i = 0; i < 2; ++i) filter.update(std::nullopt, kDt);
  const double reachMm = config.maxTipSpeedMmS * 3 * kDt + config.gateSigma * config.tipNoiseMm;
  const auto accepted = [](const FilteredNeedle& result) { return result.detected && !result.coasting; };
  EXPECT_FALSE(accepted(filter.update(alongShaft(reachMm + 0.5), kDt)));

  config.maxTipSpeedMmS = 1000.0;  // Control: without the limit the widened gate takes it.
  NeedleFilter unlimited(config);
  for (int i = 0; i < 10; ++i) unlimited.update(alongShaft(0), kDt);
  for (int i = 0; i < 2; ++i) unlimited.update(std::nullopt, kDt);
  EXPECT_TRUE(accepted(unlimited.update(alongShaft(reachMm + 0.5), kDt)));
}

TEST(NeedleFilter, ANeedleSeenEnteringStartsAtTheConfidenceThatKeepsATrack) {
  const FilterConfig config;
  NeedleMeasurement entering = at(10, 10, 52, config.keepConfidence + 0.05, kStill);
  NeedleFilter control(config);
  EXPECT_FALSE(control.update(entering, kDt).detected) << "not entering: too weak to start";
  entering.entering = true;
  NeedleFilter filter(config);
  EXPECT_TRUE(filter.update(entering, kDt).detected);
  entering.confidence = config.keepConfidence - 0.05;
  NeedleFilter weak(config);
  EXPECT_FALSE(weak.update(entering, kDt).detected);
}

TEST(NeedleFilter, AngleWrapsAroundZero) {
  FilterConfig config;
  config.minStartAngleDeg = 0.0;  // starts on a horizontal line, which the defaults refuse
  NeedleFilter filter(config);
  filter.update(at(10, 10, 179.5), kDt);
  const FilteredNeedle next = filter.update(at(10, 10, 0.5), kDt);
  EXPECT_FALSE(next.coasting) << "179.5° and 0.5° are 1° apart";
  EXPECT_TRUE(next.angleDeg < 1.0 || next.angleDeg > 179.0);
}

}  // namespace
}  // namespace hipguide::tracking
