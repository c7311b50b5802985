#include <hipguide/acquisition/Scenario.h>
#include <hipguide/anatomy/LabelTable.h>
#include <hipguide/training/Exercise.h>

#include <gtest/gtest.h>

namespace hipguide::training {
namespace {

TEST(Exercise, EveryScenarioIsAnExerciseWithAGoalInTheLabelTable) {
  const anatomy::LabelTable table = anatomy::LabelTable::hipDefault();
  ASSERT_EQ(exercises().size(), acquisition::scenarioNames().size());
  for (const std::string& scenario : acquisition::scenarioNames()) {
    const Exercise& exercise = exerciseFor(scenario);
    EXPECT_EQ(exercise.scenario, scenario);
    EXPECT_NE(table.find(std::string_view(exercise.targetStructure)), nullptr) << scenario;
    EXPECT_GE(exercise.difficulty, 1);
    EXPECT_LE(exercise.difficulty, 5);
    EXPECT_GT(exercise.criteria.maxElapsedS, 0.0);
    EXPECT_FALSE(exercise.brief.empty());
  }
  EXPECT_FALSE(exerciseFor("no-needle").criteria.needleTask);
  EXPECT_EQ(exerciseFor("trochanteric-bursa").targetStructure, "trochanteric_bursa");
}

TEST(Exercise, UnknownScenarioNamesTheKnownOnes) {
  try {
    exerciseFor("knee");
    FAIL() << "no exception";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("anterior-hip"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace hipguide::training
