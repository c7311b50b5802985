#include <hipguide/guidance/AlertMonitor.h>

#include <gtest/gtest.h>

#include <algorithm>

using namespace hipguide::guidance;
using hipguide::core::Vec2;

namespace {

constexpr std::int64_t kFrameNs = 50'000'000;  // 20 fps

/// A needle along +x in the image with its tip at `tipX` mm.
NeedlePose needleWithTipAt(double tipX) {
  NeedlePose pose;
  pose.entryImageMm = {0.0, 10.0};
  pose.tipImageMm = {tipX, 10.0};
  pose.directionImage = {1.0, 0.0};
  pose.directionMm = {1.0, 0.0, 0.0};
  return pose;
}

AlertInputs frame(int index, std::optional<NeedlePose> needle, double visibleMm = 30.0) {
  AlertInputs inputs;
  inputs.timeNs = index * kFrameNs;
  inputs.needle = std::move(needle);
  inputs.visibleLengthMm = visibleMm;
  return inputs;
}

bool has(const std::vector<Alert>& alerts, AlertKind kind) {
  return std::any_of(alerts.begin(), alerts.end(), [kind](const Alert& a) { return a.kind == kind; });
}

}  // namespace

TEST(AlertMonitor, PathThatGrazesAVesselAlertsWithHysteresis) {
  AlertMonitor monitor;  // margin 5 mm, hysteresis 1 mm
  const double clearances[] = {8.0, 5.5, 4.9, 5.4, 5.9, 6.1, 5.2};
  const bool expected[] = {false, false, true, true, true, false, false};
  for (int i = 0; i < 7; ++i) {
    AlertInputs inputs = frame(i, needleWithTipAt(30));
    inputs.pathClearances = {{"femoral_artery", clearances[i], {}}};
    const auto alerts = monitor.update(inputs);
    EXPECT_EQ(has(alerts, AlertKind::PathThreatensStructure), expected[i]) << "frame " << i;
    if (expected[i]) {
      EXPECT_EQ(alerts.front().structure, "femoral_artery");
      EXPECT_DOUBLE_EQ(alerts.front().valueMm, clearances[i]);
    }
  }
}

TEST(AlertMonitor, TipInsideACriticalStructureIsCriticalAndComesFirst) {
  AlertMonitor monitor;
  AlertInputs inputs = frame(0, needleWithTipAt(30));
  inputs.tipClearances = {{"femoral_vein", -0.5, {}}};
  inputs.pathClearances = {{"femoral_nerve", 2.0, {}}};
  const auto alerts = monitor.update(inputs);
  ASSERT_EQ(alerts.size(), 2u);
  EXPECT_EQ(alerts[0].kind, AlertKind::TipInsideStructure);
  EXPECT_EQ(alerts[0].severity, AlertSeverity::Critical);
  EXPECT_EQ(alerts[1].kind, AlertKind::PathThreatensStructure);
}

TEST(AlertMonitor, TipNearButOutsideAStructure) {
  AlertMonitor monitor;
  AlertInputs inputs = frame(0, needleWithTipAt(30));
  inputs.tipClearances = {{"femoral_nerve", 3.0, {}}};
  const auto alerts = monitor.update(inputs);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].kind, AlertKind::TipNearStructure);
}

TEST(AlertMonitor, TargetReachedWithinToleranceAndClearsBeyondHysteresis) {
  AlertMonitor monitor;  // tolerance 2 mm
  const double distances[] = {6.0, 1.5, 2.5, 3.5};
  const bool expected[] = {false, true, true, false};
  for (int i = 0; i < 4; ++i) {
    AlertInputs inputs = frame(i, needleWithTipAt(30));
    inputs.tipToTargetMm = distances[i];
    EXPECT_EQ(has(monitor.update(inputs), AlertKind::TipReachedTarget), expected[i]) << "frame " << i;
  }
}

TEST(AlertMonitor, NeedleLostWhileAdvancingAlertsOnlyAfterAdvancing) {
  AlertMonitor monitor;  // advancing above 1 mm/s, alert after 0.4 s unseen
  int index = 0;
  for (; index < 10; ++index) monitor.update(frame(index, needleWithTipAt(20 + index * 0.5)));  // 10 mm/s
  EXPECT_FALSE(has(monitor.update(frame(index++, std::nullopt)), AlertKind::NeedleLostWhileAdvancing))
      << "alerted before the delay";
  std::vector<Alert> alerts;
  for (int k = 0; k < 10; ++k) alerts = monitor.update(frame(index++, std::nullopt));
  EXPECT_TRUE(has(alerts, AlertKind::NeedleLostWhileAdvancing));
  // Seen again: the alert ends.
  EXPECT_FALSE(has(monitor.update(frame(index++, needleWithTipAt(26))), AlertKind::NeedleLostWhileAdvancing));

  AlertMonitor still;
  for (index = 0; index < 10; ++index) still.update(frame(index, needleWithTipAt(20)));
  for (int k = 0; k < 20; ++k) alerts = still.update(frame(index++, std::nullopt));
  EXPECT_FALSE(has(alerts, AlertKind::NeedleLostWhileAdvancing))
      << "a needle held still then lost is not advancing";
}

TEST(AlertMonitor, ShrinkingShaftWithoutWithdrawalIsOutOfPlane) {
  AlertMonitor monitor;
  int index = 0;
  for (; index < 10; ++index) monitor.update(frame(index, needleWithTipAt(30), 30.0));
  EXPECT_TRUE(has(monitor.update(frame(index++, needleWithTipAt(30), 12.0)), AlertKind::NeedleOutOfPlane));
  EXPECT_TRUE(has(monitor.update(frame(index++, needleWithTipAt(30), 18.0)), AlertKind::NeedleOutOfPlane))
      << "cleared inside the hysteresis band";
  EXPECT_FALSE(has(monitor.update(frame(index++, needleWithTipAt(30), 25.0)), AlertKind::NeedleOutOfPlane));

  AlertMonitor withdrawing;
  for (index = 0; index < 10; ++index) withdrawing.update(frame(index, needleWithTipAt(30), 30.0));
  EXPECT_FALSE(has(withdrawing.update(frame(index, needleWithTipAt(15), 12.0)), AlertKind::NeedleOutOfPlane))
      << "a withdrawn needle is shorter but not out of plane";
}

TEST(AlertMonitor, NoNeedleClearsDistanceAlerts) {
  AlertMonitor monitor;
  AlertInputs close = frame(0, needleWithTipAt(30));
  close.pathClearances = {{"femoral_artery", 1.0, {}}};
  EXPECT_TRUE(has(monitor.update(close), AlertKind::PathThreatensStructure));
  EXPECT_FALSE(has(monitor.update(frame(1, std::nullopt)), AlertKind::PathThreatensStructure));
}

TEST(Alert, DescribesItselfForTheScreen) {
  EXPECT_EQ(describe({AlertKind::PathThreatensStructure, AlertSeverity::Warning, "femoral_artery", 3.24}),
            "Path 3.2 mm from femoral_artery");
  EXPECT_EQ(toString(AlertKind::TipInsideStructure), "tip_inside_structure");
}
