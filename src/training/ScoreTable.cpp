// The flat list of named scores shared by the CSV export, the JSON, the database and the PDF.
#include <hipguide/training/Scores.h>

#include <cmath>
#include <limits>

namespace hipguide::training {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Non-finite values (never measured) become NaN, which the writers show as empty / null.
double finiteOrNaN(double value) { return std::isfinite(value) ? value : kNaN; }

}  // namespace

std::vector<NamedScore> scoreTable(const AttemptScores& scores) {
  std::vector<NamedScore> table = {
      {"elapsed_s", "Elapsed time", scores.elapsedS, "s"},
      {"needle_path_mm", "Needle path length", scores.needlePathMm, "mm"},
      {"tissue_path_mm", "Needle path inside tissue", scores.tissuePathMm, "mm"},
      {"time_in_tissue_s", "Time inside tissue", scores.timeInTissueS, "s"},
      {"tissue_damage_mm2", "Tissue damage (area swept by the shaft)", scores.tissueDamageMm2, "mm2"},
      {"punctures", "Skin punctures", static_cast<double>(scores.punctures), ""},
      {"redirections", "Redirections", static_cast<double>(scores.redirections), ""},
      {"first_pass_success", "First-pass success", scores.firstPassSuccess ? 1.0 : 0.0, ""},
      {"final_tip_to_target_mm", "Final tip-to-target distance", scores.finalTipToTargetMm.value_or(kNaN),
       "mm"},
      {"min_tip_to_target_mm", "Closest tip-to-target distance", scores.minTipToTargetMm.value_or(kNaN),
       "mm"},
      {"nearest_vessel_mm", "Minimum clearance to a vessel", finiteOrNaN(scores.nearestMm(false)), "mm"},
      {"nearest_nerve_mm", "Minimum clearance to a nerve", finiteOrNaN(scores.nearestMm(true)), "mm"},
      {"breaches", "Vessels or nerves entered", static_cast<double>(scores.breaches().size()), ""},
      {"tip_visible_fraction", "Advancing time with the tip visible",
       scores.tipVisibleFraction.value_or(kNaN), ""},
      {"advancing_s", "Advancing time", scores.advancingS, "s"},
      {"target_in_view_fraction", "Time with the target in the image plane", scores.targetInViewFraction, ""},
      {"probe_path_mm", "Probe path length", scores.probePathMm, "mm"},
      {"probe_rotation_deg", "Probe rotation", scores.probeRotationDeg, "deg"},
  };
  for (const StructureScore& structure : scores.structures)
    table.push_back({"clearance_" + structure.name + "_mm", "Minimum clearance to " + structure.name,
                     finiteOrNaN(structure.minClearanceMm), "mm"});
  return table;
}

}  // namespace hipguide::training
