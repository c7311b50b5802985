#include <hipguide/training/Coach.h>

#include <cmath>
#include <cstdio>
#include <limits>

namespace hipguide::training {
namespace {

/// "4.2 mm"
std::string mm(double valueMm) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f mm", valueMm);
  return text;
}

}  // namespace

Coach::Coach(anatomy::Anatomy anatomy, double marginMm, double lookAheadMm)
    : m_anatomy(std::move(anatomy)), m_marginMm(marginMm), m_lookAheadMm(lookAheadMm) {}

std::vector<CoachingHint> Coach::hints(const AttemptTrace& trace, const AttemptSample& sample) const {
  std::vector<CoachingHint> list;
  if (!sample.inserted) return list;
  const core::Vec3 toTarget = trace.targetMm - sample.tipMm;
  if (toTarget.dot(sample.direction) < 0.0 && sample.tipToTargetMm > trace.toleranceMm)
    list.push_back({HintKind::TipPastTarget, "The tip is " + mm(sample.tipToTargetMm) +
                                                 " from the target and past it: withdraw until it "
                                                 "sits in the target."});
  const core::Vec3 ahead = sample.tipMm + m_lookAheadMm * sample.direction;
  for (std::size_t index = 0; index < trace.structures.size(); ++index) {
    const std::string& name = trace.structures[index].name;
    const double shaftMm = index < sample.clearanceMm.size() ? sample.clearanceMm[index]
                                                             : std::numeric_limits<double>::infinity();
    const double aheadMm = m_anatomy.segmentClearance(name, sample.tipMm, ahead).distanceMm;
    if (shaftMm < 0.0)
      list.push_back({HintKind::PathThreatensStructure,
                      "The shaft has entered " + name + ": withdraw and redirect away from it."});
    else if (shaftMm < m_marginMm)
      list.push_back({HintKind::PathThreatensStructure, "The shaft is " + mm(shaftMm) + " from " + name +
                                                            ": withdraw and redirect away from it."});
    else if (aheadMm < m_marginMm)
      list.push_back({HintKind::PathThreatensStructure, "The path ahead passes " + mm(aheadMm) + " from " +
                                                            name + ": redirect before advancing."});
  }
  if (!sample.tipInImage) {
    const core::Vec3 tipInProbe = sample.probeToReference.inverse() * sample.tipMm;
    const bool outOfPlane = std::abs(tipInProbe.z()) > 1.0;
    list.push_back({HintKind::NeedleNotVisible,
                    outOfPlane
                        ? "Tip not in the image: it is " + mm(std::abs(tipInProbe.z())) +
                              " out of the plane (" + (tipInProbe.z() > 0 ? "+" : "-") +
                              " elevation side); tilt the probe toward it before advancing."
                        : std::string("Tip not in the image: it is outside the sector; slide the probe along "
                                      "the needle until the tip shows.")});
  }
  return list;
}

}  // namespace hipguide::training
