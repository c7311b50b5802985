#include <hipguide/training/Scores.h>

#include <gtest/gtest.h>

#include <algorithm>

#include "TraceBuilder.h"

namespace hipguide::training {
namespace {

using test::TraceBuilder;

TEST(Scores, StraightAdvanceToTheTargetIsAFirstPassWithoutDamage) {
  TraceBuilder builder;
  builder.at(0);
  for (double depth = 4; depth <= 40; depth += 4) builder.at(depth);
  const AttemptScores scores = computeScores(builder.trace());
  EXPECT_DOUBLE_EQ(scores.elapsedS, 5.0);
  EXPECT_EQ(scores.punctures, 1);
  EXPECT_EQ(scores.redirections, 0);
  EXPECT_TRUE(scores.firstPassSuccess);
  EXPECT_NEAR(*scores.finalTipToTargetMm, 0.0, 1e-9);
  EXPECT_NEAR(scores.needlePathMm, 40.0, 1e-9);
  EXPECT_NEAR(scores.tissuePathMm, 36.0, 1e-9);  // the first 4 mm cross the skin from outside
  EXPECT_NEAR(scores.tissueDamageMm2, 0.0, 1e-9);
  EXPECT_DOUBLE_EQ(scores.timeInTissueS, 5.0);
  EXPECT_DOUBLE_EQ(*scores.tipVisibleFraction, 1.0);
  EXPECT_DOUBLE_EQ(scores.structures[0].minClearanceMm, 10.0);
  EXPECT_FALSE(scores.structures[0].breached);
}

TEST(Scores, PivotingInsideTissueIsARedirectionThatSweepsTissue) {
  TraceBuilder builder;
  builder.at(0).at(20).at(20, 10).at(40, 10);
  const AttemptScores scores = computeScores(builder.trace());
  EXPECT_EQ(scores.redirections, 1);
  // The shaft (20 mm) pivots 10° about the entry: a triangle ½·20·20·sin 10°.
  EXPECT_NEAR(scores.tissueDamageMm2, 0.5 * 20 * 20 * std::sin(core::degToRad(10)), 1e-6);
  EXPECT_FALSE(scores.firstPassSuccess);
}

TEST(Scores, SmallWobbleIsNotARedirection) {
  TraceBuilder builder;
  builder.at(0).at(10, 0).at(20, 1.5).at(30, -1.0).at(40, 0);
  EXPECT_EQ(computeScores(builder.trace()).redirections, 0);
}

TEST(Scores, LeavingTheSkinAndEnteringAgainIsASecondPuncture) {
  TraceBuilder builder;
  builder.at(0).at(15).at(0).at(0, 5).at(15, 5).at(40, 5);
  const AttemptScores scores = computeScores(builder.trace());
  EXPECT_EQ(scores.punctures, 2);
  EXPECT_EQ(scores.redirections, 0);
  EXPECT_FALSE(scores.firstPassSuccess);
}

TEST(Scores, BreachAndVisibilityAreMeasured) {
  TraceBuilder builder;
  builder.at(0).at(10, 0, true, 4.0).at(20, 0, false, -0.5).at(30, 0, false, 2.0).at(30, 0, true, 2.0);
  const AttemptScores scores = computeScores(builder.trace());
  EXPECT_TRUE(scores.structures[0].breached);
  EXPECT_DOUBLE_EQ(scores.nearestMm(false), -0.5);
  EXPECT_DOUBLE_EQ(scores.nearestMm(true), 20.0);
  EXPECT_EQ(scores.breaches(), std::vector<std::string>{"femoral_artery"});
  EXPECT_DOUBLE_EQ(scores.advancingS, 1.5);  // the last sample holds still
  EXPECT_NEAR(*scores.tipVisibleFraction, 1.0 / 3.0, 1e-12);
}

TEST(Verdict, PassesOnlyWhenEveryCriterionHolds) {
  PassCriteria criteria;
  criteria.maxFinalTipToTargetMm = 3.0;
  criteria.minClearanceMm = 3.0;
  TraceBuilder good;
  good.at(0);
  for (double depth = 5; depth <= 39; depth += 5) good.at(depth);
  good.at(39);
  Verdict verdict = judge(computeScores(good.trace()), criteria);
  EXPECT_TRUE(verdict.passed);
  TraceBuilder close;
  close.at(0).at(20, 0, true, 2.5).at(39, 0, true, 2.5);
  verdict = judge(computeScores(close.trace()), criteria);
  EXPECT_FALSE(verdict.passed);
  ASSERT_EQ(verdict.criteria[1].key, "min_clearance");
  EXPECT_FALSE(verdict.criteria[1].passed);
  EXPECT_TRUE(verdict.criteria[0].passed);
}

TEST(ScoreTable, HasStableKeysAndNaNForUnmeasured) {
  TraceBuilder builder;
  builder.at(0).at(0);
  const std::vector<NamedScore> table = scoreTable(computeScores(builder.trace()));
  ASSERT_GE(table.size(), 18u);
  EXPECT_EQ(table.front().key, "elapsed_s");
  const auto final = std::find_if(table.begin(), table.end(), [](const NamedScore& score) {
    return score.key == "final_tip_to_target_mm";
  });
  ASSERT_NE(final, table.end());
  EXPECT_TRUE(std::isnan(final->value));
  EXPECT_EQ(table.back().key, "clearance_femoral_nerve_mm");
}

}  // namespace
}  // namespace hipguide::training
