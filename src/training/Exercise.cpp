// The exercise table: one exercise per simulator scenario (docs/training-scores.md lists the
// criteria and why they differ).
#include <hipguide/training/Exercise.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace hipguide::training {
namespace {

constexpr double kUnchecked = std::numeric_limits<double>::infinity();

Exercise make(std::string scenario, std::string title, int difficulty, double timeLimitS, std::string brief) {
  Exercise exercise;
  exercise.scenario = std::move(scenario);
  exercise.title = std::move(title);
  exercise.brief = std::move(brief);
  exercise.targetStructure = "anterior_recess";
  exercise.difficulty = difficulty;
  exercise.criteria.maxElapsedS = timeLimitS;
  return exercise;
}

std::vector<Exercise> buildTable() {
  std::vector<Exercise> table;
  table.push_back(make("anterior-hip", "Anterior hip injection", 1, 120,
                       "Probe oblique-sagittal along the femoral neck. Enter in plane from inferolateral and "
                       "advance to the anterior recess at the head-neck junction, keeping the tip in view."));
  table.push_back(make("steep", "Steep approach", 3, 120,
                       "The planned angle is steep (about 50 degrees): the shaft reflects poorly. Keep the "
                       "tip in the image and reach the anterior recess."));
  Exercise obese = make("obese", "Deep target (obese habitus)", 4, 150,
                        "Thick subcutaneous fat puts the capsule deep. Lower frequency, longer needle; reach "
                        "the anterior recess without losing the tip.");
  obese.toleranceMm = obese.criteria.maxFinalTipToTargetMm = 4.0;
  table.push_back(obese);
  table.push_back(make("effusion", "Joint effusion", 2, 120,
                       "The recess is distended with fluid. Place the tip in the effusion at the head-neck "
                       "junction."));
  Exercise outOfPlane = make("out-of-plane", "Keep the needle in plane", 3, 120,
                             "The needle drifts out of the image plane. Tilt the probe to follow it; never "
                             "advance without seeing the tip.");
  outOfPlane.criteria.minTipVisibleFraction = 0.6;
  table.push_back(outOfPlane);
  table.push_back(make("probe-motion", "Steady probe", 3, 120,
                       "The probe tends to slide and rock. Hold it still on the skin while you advance to "
                       "the anterior recess."));
  table.push_back(make("vessel-risk", "Vessel risk", 4, 120,
                       "The probe starts over the femoral vessels. Identify artery, vein and nerve, then "
                       "reach the anterior recess lateral to them, never closer than 3 mm."));
  Exercise bursa = make("trochanteric-bursa", "Greater trochanteric bursa", 2, 120,
                        "Lateral approach along the femur. Enter from distal and place the tip in the "
                        "trochanteric bursa over the greater trochanter.");
  bursa.targetStructure = "trochanteric_bursa";
  bursa.toleranceMm = bursa.criteria.maxFinalTipToTargetMm = 4.0;
  table.push_back(bursa);
  Exercise survey = make("no-needle", "Survey scan", 1, 60,
                         "No needle. Find the femoral head-neck junction and keep the anterior recess in the "
                         "image plane for at least half of the scan.");
  survey.criteria.needleTask = false;
  survey.criteria.maxFinalTipToTargetMm = kUnchecked;
  survey.criteria.minClearanceMm = kUnchecked;
  survey.criteria.minTipVisibleFraction = kUnchecked;
  survey.criteria.maxRedirections = std::numeric_limits<int>::max();
  survey.criteria.minTargetInViewFraction = 0.5;
  table.push_back(survey);
  return table;
}

}  // namespace

const std::vector<Exercise>& exercises() {
  static const std::vector<Exercise> table = buildTable();
  return table;
}

const Exercise& exerciseFor(const std::string& scenario) {
  const auto& table = exercises();
  const auto found = std::find_if(table.begin(), table.end(),
                                  [&](const Exercise& exercise) { return exercise.scenario == scenario; });
  if (found != table.end()) return *found;
  std::string list;
  for (const Exercise& exercise : table) list += (list.empty() ? "" : ", ") + exercise.scenario;
  throw std::invalid_argument("no training exercise for scenario '" + scenario + "' (known: " + list + ")");
}

}  // namespace hipguide::training
