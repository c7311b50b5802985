// Score formulas: docs/training-scores.md (keep the two in step).
#include <hipguide/training/Scores.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hipguide::training {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

double angleBetweenDeg(const core::Vec3& a, const core::Vec3& b) {
  return core::radToDeg(std::atan2(a.cross(b).norm(), a.dot(b)));
}

/// Area swept by the shaft between two inserted samples: the quadrilateral entry₀, tip₀, tip₁,
/// entry₁ as two triangles.
double sweptAreaMm2(const AttemptSample& before, const AttemptSample& after) {
  const core::Vec3 e0 = before.entryMm;
  return 0.5 * (before.tipMm - e0).cross(after.tipMm - e0).norm() +
         0.5 * (after.tipMm - e0).cross(after.entryMm - e0).norm();
}

/// Punctures, redirections and first-pass success, walking the inserted samples in order.
void scorePasses(const AttemptTrace& trace, const ScoringSettings& settings, AttemptScores& scores) {
  bool wasInserted = false;
  bool reached = false;
  core::Vec3 passDirection{0, 0, 0};
  for (const AttemptSample& sample : trace.samples) {
    if (!sample.inserted) {
      wasInserted = false;
      continue;
    }
    if (!wasInserted) {
      ++scores.punctures;
      passDirection = sample.direction;
    } else if (angleBetweenDeg(sample.direction, passDirection) >= settings.redirectionDeg) {
      ++scores.redirections;
      passDirection = sample.direction;
    }
    wasInserted = true;
    if (!reached && sample.tipToTargetMm <= trace.toleranceMm) {
      reached = true;
      scores.firstPassSuccess = scores.punctures == 1 && scores.redirections == 0;
    }
    scores.finalTipToTargetMm = sample.tipToTargetMm;
    scores.minTipToTargetMm = std::min(scores.minTipToTargetMm.value_or(kInfinity), sample.tipToTargetMm);
  }
}

/// Path lengths, times, tissue damage, visibility and probe motion over consecutive samples.
void scoreIntervals(const AttemptTrace& trace, const ScoringSettings& settings, AttemptScores& scores) {
  double visibleS = 0;
  double inViewS = 0;
  for (std::size_t index = 1; index < trace.samples.size(); ++index) {
    const AttemptSample& before = trace.samples[index - 1];
    const AttemptSample& after = trace.samples[index];
    const double stepS = after.timeS - before.timeS;
    if (after.targetInView) inViewS += stepS;
    scores.probePathMm +=
        (after.probeToReference.translation() - before.probeToReference.translation()).norm();
    const Eigen::AngleAxisd turn(before.probeToReference.rotation().transpose() *
                                 after.probeToReference.rotation());
    scores.probeRotationDeg += core::radToDeg(std::abs(turn.angle()));
    if (!(before.needlePresent && after.needlePresent)) continue;
    const double tipStepMm = (after.tipMm - before.tipMm).norm();
    scores.needlePathMm += tipStepMm;
    if (!after.inserted) continue;
    scores.timeInTissueS += stepS;
    if (before.inserted) {
      scores.tissuePathMm += tipStepMm;
      scores.tissueDamageMm2 += sweptAreaMm2(before, after);
    }
    const bool advancing =
        stepS > 0 && (after.insertionMm - before.insertionMm) / stepS > settings.advancingSpeedMmPerS;
    if (advancing) {
      scores.advancingS += stepS;
      if (after.tipInImage) visibleS += stepS;
    }
  }
  if (scores.advancingS > 0) scores.tipVisibleFraction = visibleS / scores.advancingS;
  if (scores.elapsedS > 0) scores.targetInViewFraction = inViewS / scores.elapsedS;
}

}  // namespace

double AttemptScores::nearestMm(bool nerves) const {
  double nearest = kInfinity;
  for (const StructureScore& structure : structures)
    if (structure.nerve == nerves) nearest = std::min(nearest, structure.minClearanceMm);
  return nearest;
}

std::vector<std::string> AttemptScores::breaches() const {
  std::vector<std::string> names;
  for (const StructureScore& structure : structures)
    if (structure.breached) names.push_back(structure.name);
  return names;
}

AttemptScores computeScores(const AttemptTrace& trace, const ScoringSettings& settings) {
  AttemptScores scores;
  if (trace.samples.empty()) return scores;
  scores.elapsedS = trace.samples.back().timeS - trace.samples.front().timeS;
  for (std::size_t index = 0; index < trace.structures.size(); ++index) {
    StructureScore structure{trace.structures[index].name, trace.structures[index].nerve, kInfinity, false};
    for (const AttemptSample& sample : trace.samples)
      if (index < sample.clearanceMm.size())
        structure.minClearanceMm = std::min(structure.minClearanceMm, sample.clearanceMm[index]);
    structure.breached = structure.minClearanceMm < 0.0;
    scores.structures.push_back(structure);
  }
  scorePasses(trace, settings, scores);
  scoreIntervals(trace, settings, scores);
  return scores;
}

}  // namespace hipguide::training
