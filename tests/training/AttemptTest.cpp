#include <hipguide/session/NativeRecording.h>
#include <hipguide/training/AttemptRunner.h>
#include <hipguide/training/TraineeControls.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "../TestData.h"

namespace hipguide::training {
namespace {

namespace fs = std::filesystem;

/// Worlds are built once per scenario (a few seconds each) and shared by the tests.
constexpr std::uint32_t kSeed = 1;

std::shared_ptr<const TrainingWorld> world(const std::string& scenario, const std::string& target = {}) {
  static std::map<std::string, std::shared_ptr<const TrainingWorld>> cache;
  auto& slot = cache[scenario + "/" + target];
  if (!slot) slot = buildTrainingWorld(scenario, kSeed, target);
  return slot;
}

TEST(Autopilot, StraightPathToTheRecessPassesWithASmallFinalDistance) {
  const AttemptResult result = runAutopilotAttempt(*world("anterior-hip"));
  ASSERT_TRUE(result.scores.finalTipToTargetMm.has_value());
  EXPECT_LT(*result.scores.finalTipToTargetMm, 1.5);
  EXPECT_EQ(result.scores.punctures, 1);
  EXPECT_TRUE(result.scores.breaches().empty());
  EXPECT_GE(*result.scores.tipVisibleFraction, 0.5);
  EXPECT_TRUE(result.verdict.passed) << attemptToJson(result).dump(2);
}

TEST(Autopilot, VesselRiskPlanComesUnderTheMarginAndFails) {
  const AttemptResult result = runAutopilotAttempt(*world("vessel-risk"));
  const double nearestVesselMm = result.scores.nearestMm(false);
  EXPECT_LT(nearestVesselMm, result.exercise.criteria.minClearanceMm);
  EXPECT_FALSE(result.verdict.passed);
  const auto clearance =
      std::find_if(result.verdict.criteria.begin(), result.verdict.criteria.end(),
                   [](const CriterionResult& criterion) { return criterion.key == "min_clearance"; });
  ASSERT_NE(clearance, result.verdict.criteria.end());
  EXPECT_FALSE(clearance->passed);
}

TEST(Autopilot, TargetOverrideAimsAtTheIliopsoasBursa) {
  const auto bursa = world("anterior-hip", "iliopsoas_bursa");
  const AttemptResult result = runAutopilotAttempt(*bursa);
  EXPECT_EQ(result.exercise.targetStructure, "iliopsoas_bursa");
  EXPECT_LT(*result.scores.finalTipToTargetMm, 1.5);
  EXPECT_GT((bursa->targetMm - world("anterior-hip")->targetMm).norm(), 10.0);
}

TEST(ScriptedTrainee, RedirectionsAreCounted) {
  const auto scene = world("anterior-hip");
  // 0-2 s: advance 10 mm/s; 2 s: steer 6° steeper; 3 s: steer back 6°; then advance on.
  const ControlSource script = [&](double timeS) {
    TraineeControls hand(scene->scenario.plan(), scene->volume);
    hand.advance(std::min(timeS, 2.0) * 10.0);
    if (timeS >= 2.0) hand.steer(6.0, 0.0);
    if (timeS >= 3.0) hand.steer(-6.0, 0.0);
    if (timeS >= 3.0) hand.advance(std::min(timeS - 3.0, 1.0) * 10.0);
    return hand.state(timeS);
  };
  const AttemptResult result = runAttempt(*scene, exerciseOf(*scene), script, 5.0, "script");
  EXPECT_EQ(result.scores.redirections, 2);
  EXPECT_EQ(result.scores.punctures, 1);
  EXPECT_GT(result.scores.tissueDamageMm2, 2.0 * 0.5 * 20 * 20 * std::sin(core::degToRad(6.0)) * 0.9);
  EXPECT_FALSE(result.scores.firstPassSuccess);
}

TEST(TraineeControls, EntryMovesOnlyOutsideAndTheProbeStaysOnTheSkin) {
  const auto scene = world("anterior-hip");
  TraineeControls controls(scene->scenario.plan(), scene->volume);
  EXPECT_TRUE(controls.moveEntry(2.0, 0.0));
  controls.advance(5.0);
  const core::Vec3 entry = controls.needle()->entryMm;
  EXPECT_FALSE(controls.moveEntry(2.0, 0.0));
  controls.steer(5.0, 0.0);
  EXPECT_EQ(controls.needle()->entryMm, entry);  // pivots at the entry while inserted
  controls.slideProbe(5.0, 3.0);
  controls.tiltProbe(50.0);
  EXPECT_DOUBLE_EQ(controls.probe().tiltDeg, 30.0);
  const core::Vec3 face = controls.probePose().translation();
  EXPECT_NE(scene->volume->labelAt(face), 0);  // the face rests on the last voxel of skin
  controls.withdraw(100.0);
  EXPECT_DOUBLE_EQ(controls.needleControl().insertionMm, 0.0);
}

TEST(AttemptRunner, RecordsTheAttemptForReplay) {
  const fs::path folder = hipguide::test::freshTempDir() / "attempt.hgrec";
  AttemptOptions options;
  options.framesPerSecond = 4.0;
  options.recordingFolder = folder;
  const AttemptResult result = runAutopilotAttempt(*world("anterior-hip"), options);
  EXPECT_EQ(result.recording, folder);
  session::NativeRecordingReader reader(folder);
  EXPECT_EQ(reader.info().frameCount, static_cast<std::int64_t>(result.trace.samples.size()));
  ASSERT_FALSE(reader.events().empty());
  EXPECT_EQ(reader.events().front().kind, "training-sample");
  EXPECT_EQ(reader.manifest()["metadata"]["training"]["scenario"], "anterior-hip");
}

}  // namespace
}  // namespace hipguide::training
