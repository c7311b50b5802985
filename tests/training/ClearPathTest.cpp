// The planned needle path keeps clear of nerves and vessels on the real phantom.
#include <hipguide/training/ClearPath.h>
#include <hipguide/training/TrainingWorld.h>

#include <gtest/gtest.h>

namespace hipguide::training {
namespace {

TEST(ClearPath, TheIliopsoasPlanKeepsSevenMillimetresFromEveryNerveAndVessel) {
  const auto world = buildTrainingWorld("anterior-hip", 1, "iliopsoas_bursa");
  const acquisition::Scenario::Plan& plan = world->scenario.plan();
  EXPECT_GE(pathClearanceMm(world->anatomy, plan.needle.entryMm, world->targetMm), 7.0);
  // The needle still ends at the target, entering beside the probe face.
  EXPECT_LT((plan.needle.pointAt(plan.finalInsertionMm) - world->targetMm).norm(), 0.5);
  const double halfFaceMm =
      plan.setup.probe.radiusMm * std::sin(0.5 * plan.setup.probe.sectorDeg * M_PI / 180.0);
  const core::Vec3 lateral = plan.lateralDirection.normalized();
  EXPECT_GT(std::abs((plan.needle.entryMm - plan.skinPointMm).dot(lateral)), halfFaceMm);

  // Keeping the scenario's own angle (planAimedAt alone) passed within 5 mm of a nerve.
  const acquisition::Scenario::Plan kept = planAimedAt(
      acquisition::makeScenario(
          "anterior-hip", anatomy::makeHipPhantom(acquisition::scenarioPhantomOptions("anterior-hip", 1)), 1)
          .plan(),
      world->anatomy.volume(), world->targetMm);
  EXPECT_LT(pathClearanceMm(world->anatomy, kept.needle.entryMm, world->targetMm), 5.0);
}

TEST(ClearPath, APathThatIsAlreadyClearIsLeftAsItIs) {
  const auto world = buildTrainingWorld("anterior-hip", 1, "trochanteric_bursa");
  const acquisition::Scenario::Plan& plan = world->scenario.plan();
  const acquisition::Scenario::Plan again = planClearPath(plan, world->anatomy, world->targetMm, 7.0);
  EXPECT_EQ(again.needle.direction, plan.needle.direction);
  EXPECT_EQ(again.needle.entryMm, plan.needle.entryMm);
}

}  // namespace
}  // namespace hipguide::training
