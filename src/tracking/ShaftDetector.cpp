#include "ShaftDetector.h"

#include "SectorMask.h"

#include <hipguide/core/Geometry.h>

#include <algorithm>
#include <cmath>

namespace hipguide::tracking {
namespace {

/// Angle between the line and the horizontal, in [0, 90].
double fromHorizontalDeg(const Line& line) { return core::orientationDifferenceDeg(line.angleDeg(), 0.0); }

constexpr const char* kInterface = "tissue interface";
/// Length of the deep end of a shaft over which the advance of the tip is measured (pixels).
constexpr float kTipMotionPx = 8.0f;

void flip(ShaftCandidate& candidate) {
  candidate.line.direction = -candidate.line.direction;
  const float start = -candidate.endT;
  candidate.endT = -candidate.startT;
  candidate.startT = start;
}

}  // namespace

ShaftDetector::ShaftDetector(const ShaftConfig& config, const NeedleLikeConfig& needleLike)
    : m_config(config),
      m_needleLike(needleLike),
      m_hough(config.voteThreshold, config.strengthCap, config.voteSpreadDeg),
      m_across(config.acrossFromPx, config.acrossToPx, config.acrossMinSpreadGrey) {}

std::vector<ShaftCandidate> ShaftDetector::detect(const RidgeMaps& ridges, const SectorMask& sector,
                                                  const cv::Mat& greyF, const cv::Mat& change,
                                                  const ShaftPrior& prior,
                                                  const std::optional<FreshSegment>& fresh) {
  std::vector<ShaftCandidate> candidates;
  for (const HoughPeak& peak : m_hough.peaks(ridges, m_config.maxCandidates)) {
    auto candidate = examine(peak.line, ridges, sector.mask(), prior);
    if (candidate && !duplicateOf(*candidate, candidates)) candidates.push_back(std::move(*candidate));
  }
  if (fresh) {
    ShaftCandidate freshCandidate = fromFresh(*fresh, prior, greyF.size());
    if (ShaftCandidate* same = duplicateOf(freshCandidate, candidates))
      mergeFresh(*same, freshCandidate);
    else
      candidates.push_back(std::move(freshCandidate));
  }
  for (ShaftCandidate& candidate : candidates) {
    judge(candidate, ridges, sector, greyF);
    score(candidate, prior, change);
  }
  rejectInterfaceParts(candidates);
  rejectReverberations(candidates);
  for (ShaftCandidate& candidate : candidates)
    if (candidate.rejection.empty()) characterise(candidate, greyF, sector.sector());
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const ShaftCandidate& a, const ShaftCandidate& b) {
                     if (a.rejection.empty() != b.rejection.empty()) return a.rejection.empty();
                     return a.score > b.score;
                   });
  return candidates;
}

std::optional<ShaftCandidate> ShaftDetector::examine(const Line& coarse, const RidgeMaps& ridges,
                                                     const cv::Mat& mask, const ShaftPrior& prior) const {
  float t0 = 0, t1 = 0;
  double evidence = 0;
  if (!strongestRun(coarse, ridges, mask, 2, t0, t1, evidence) || t1 - t0 < m_config.minLengthPx) return {};
  ShaftCandidate candidate;
  candidate.line = coarse;
  candidate.residualPx = refine(candidate.line, t0, t1, ridges);
  if (!strongestRun(candidate.line, ridges, mask, 1, candidate.startT, candidate.endT, candidate.evidence))
    return {};
  orient(candidate, prior, mask.size());
  return candidate;
}

ShaftCandidate ShaftDetector::fromFresh(const FreshSegment& fresh, const ShaftPrior& prior,
                                        cv::Size size) const {
  ShaftCandidate candidate;
  candidate.line = fresh.line;
  candidate.startT = fresh.startT;
  candidate.endT = fresh.endT;
  candidate.evidence = fresh.evidence;
  candidate.residualPx = fresh.residualPx;
  candidate.fresh = true;
  orient(candidate, prior, size);
  return candidate;
}

void ShaftDetector::mergeFresh(ShaftCandidate& peak, const ShaftCandidate& fresh) const {
  if (fresh.evidence <= m_config.freshTakeoverRatio * peak.evidence) {
    peak.endT = std::clamp(peak.line.positionOf(fresh.deepEnd()), peak.endT,
                           peak.endT + static_cast<float>(m_config.maxFreshReachPx));
    return;
  }
  ShaftCandidate merged = fresh.lengthPx() > peak.lengthPx() ? fresh : peak;
  merged.startT = std::min(merged.line.positionOf(fresh.entry()), merged.line.positionOf(peak.entry()));
  merged.endT = std::max(merged.line.positionOf(fresh.deepEnd()), merged.line.positionOf(peak.deepEnd()));
  merged.evidence = fresh.evidence;
  peak = merged;
}

bool ShaftDetector::strongestRun(const Line& line, const RidgeMaps& ridges, const cv::Mat& mask,
                                 int perpendicularPx, float& t0, float& t1, double& evidence) const {
  float from = 0, to = 0;
  clipToImage(line, ridges.strength.size(), from, to);
  if (from > to) return false;
  const cv::Point2f normal = line.downNormal();
  const double lineAngle = line.angleDeg();
  const auto cap = static_cast<float>(m_config.strengthCap);
  const auto on = static_cast<float>(m_config.onThreshold);
  double running = 0.0, best = 0.0;
  float runStart = from, bestStart = from, bestEnd = from;
  for (float t = from; t <= to; t += 1.0f) {
    const cv::Point2f p = line.at(t);
    float value = 0.0f;
    cv::Point2f where = p;
    for (int o = -perpendicularPx; o <= perpendicularPx; ++o) {
      const cv::Point2f q = p + normal * float(o);
      const float v = sampleBilinear(ridges.strength, q);
      if (v > value) value = v, where = q;
    }
    const int x = std::clamp(static_cast<int>(std::lround(where.x)), 0, mask.cols - 1);
    const int y = std::clamp(static_cast<int>(std::lround(where.y)), 0, mask.rows - 1);
    const bool aligned = core::orientationDifferenceDeg(ridges.orientationDeg.at<float>(y, x), lineAngle) <=
                         m_config.orientationToleranceDeg;
    // Anything but an aligned ridge costs: a bright crossing structure is not shaft either, so a
    // run cannot go on past the tip through bright tissue (a short crossing costs little).
    const float step = mask.at<std::uint8_t>(y, x) && aligned ? std::min(value, cap) - on : -on;
    if (running <= 0.0) running = 0.0, runStart = t;
    running += step;
    if (running > best) best = running, bestStart = runStart, bestEnd = t;
  }
  t0 = bestStart;
  t1 = bestEnd;
  evidence = best;
  return best > 0.0;
}

double ShaftDetector::refine(Line& line, float t0, float t1, const RidgeMaps& ridges) const {
  std::vector<cv::Point2f> points;
  std::vector<float> weights;
  const cv::Point2f normal = line.downNormal();
  constexpr int kReach = 2;
  for (float t = t0; t <= t1; t += 1.0f) {
    const cv::Point2f q = line.at(t);
    float values[2 * kReach + 1];
    int bestIndex = 0;
    for (int i = 0; i <= 2 * kReach; ++i) {
      values[i] = sampleBilinear(ridges.strength, q + normal * float(i - kReach));
      if (values[i] > values[bestIndex]) bestIndex = i;
    }
    if (values[bestIndex] < m_config.onThreshold) continue;
    float delta = 0.0f;
    if (bestIndex > 0 && bestIndex < 2 * kReach) {
      const float curvature = values[bestIndex - 1] - 2 * values[bestIndex] + values[bestIndex + 1];
      if (curvature < 0.0f) delta = 0.5f * (values[bestIndex - 1] - values[bestIndex + 1]) / curvature;
    }
    points.push_back(q + normal * (float(bestIndex - kReach) + std::clamp(delta, -0.5f, 0.5f)));
    weights.push_back(std::min(values[bestIndex], static_cast<float>(m_config.strengthCap)));
  }
  if (points.size() < 3) return 1e9;
  Line fitted;
  fitLine(points, weights, line.direction, fitted);
  // Second pass without the points that belong to something else (crossings, echoes).
  for (std::size_t i = 0; i < points.size(); ++i)
    if (std::abs(fitted.offsetOf(points[i])) > 1.5f) weights[i] = 0.0f;
  const double residual = fitLine(points, weights, line.direction, fitted);
  if (!std::isfinite(residual)) return 1e9;
  // Keep t measured from a point near the old origin so [t0, t1] stays meaningful.
  fitted.point = fitted.at(fitted.positionOf(line.point));
  line = fitted;
  return residual;
}

void ShaftDetector::orient(ShaftCandidate& candidate, const ShaftPrior& prior, cv::Size size) const {
  const cv::Point2f& d = candidate.line.direction;
  if (fromHorizontalDeg(candidate.line) >= 10.0) {
    if (d.y < 0.0f) flip(candidate);
    return;
  }
  // Nearly horizontal: the entry is on the insertion side, or else nearer the lateral border.
  int side = prior.insertionSide;
  if (side == 0) {
    const cv::Point2f a = candidate.entry(), b = candidate.deepEnd();
    const float borderA = std::min(a.x, float(size.width - 1) - a.x);
    const float borderB = std::min(b.x, float(size.width - 1) - b.x);
    const cv::Point2f entry = borderA <= borderB ? a : b;
    side = entry.x < size.width / 2.0f ? -1 : 1;
  }
  if ((side < 0 && d.x < 0.0f) || (side > 0 && d.x > 0.0f)) flip(candidate);
}

ShaftCandidate* ShaftDetector::duplicateOf(const ShaftCandidate& candidate,
                                           std::vector<ShaftCandidate>& others) {
  const cv::Point2f middle = candidate.line.at(0.5f * (candidate.startT + candidate.endT));
  const auto same = std::find_if(others.begin(), others.end(), [&](const ShaftCandidate& other) {
    return core::orientationDifferenceDeg(other.line.angleDeg(), candidate.line.angleDeg()) < 3.0 &&
           std::abs(other.line.offsetOf(middle)) < 2.0f;
  });
  return same == others.end() ? nullptr : &*same;
}

double ShaftDetector::coverage(const Line& line, const RidgeMaps& ridges, const cv::Mat& mask) const {
  float from = 0, to = 0;
  clipToImage(line, ridges.strength.size(), from, to);
  const cv::Point2f normal = line.downNormal();
  int inside = 0, on = 0;
  for (float t = from; t <= to; t += 1.0f) {
    const cv::Point2f p = line.at(t);
    if (!insideMask(mask, p)) continue;
    ++inside;
    float value = 0.0f;
    for (float o = -3.0f; o <= 3.0f; o += 1.0f)
      value = std::max(value, sampleBilinear(ridges.strength, p + normal * o));
    if (value >= m_config.onThreshold) ++on;
  }
  return inside ? double(on) / inside : 0.0;
}

void ShaftDetector::judge(ShaftCandidate& candidate, const RidgeMaps& ridges, const SectorMask& sector,
                          const cv::Mat& greyF) const {
  const Line& line = candidate.line;
  if (candidate.lengthPx() < m_config.minLengthPx) {
    candidate.rejection = "short";
    return;
  }
  // A fresh segment's straightness is its blob's, judged where it was found.
  if (candidate.residualPx > m_config.maxResidualPx && !candidate.fresh) {
    candidate.rejection = "not straight";
    return;
  }
  const cv::Point2f a = candidate.entry(), b = candidate.deepEnd();
  // A near-horizontal line that runs across most of the sector (possibly in pieces, crossed by
  // a needle) is an interface: fascia, capsule, cortex.
  if (fromHorizontalDeg(line) < m_config.interfaceMaxAngleDeg &&
      (sector.widthFraction(std::min(a.x, b.x), std::max(a.x, b.x), 0.5f * (a.y + b.y)) >=
           m_config.interfaceMinSpan ||
       coverage(line, ridges, sector.mask()) >= m_config.interfaceMinSpan)) {
    candidate.rejection = kInterface;
    return;
  }
  const cv::Point2f normal = line.downNormal();
  double below = 0.0, above = 0.0;
  int count = 0;
  for (float t = candidate.startT; t <= candidate.endT; t += 2.0f) {
    for (float o = 4.0f; o <= 12.0f; o += 2.0f) {
      const cv::Point2f down = line.at(t) + normal * o, up = line.at(t) - normal * o;
      if (!insideMask(sector.sector(), down) || !insideMask(sector.sector(), up)) continue;
      below += sampleBilinear(greyF, down);
      above += sampleBilinear(greyF, up);
      ++count;
    }
  }
  candidate.shadowRatio = (count && above > 1e-3 * count) ? below / above : 1.0;
  // A needle comes in from outside the sector (the skin beside the probe): how much of the line
  // between the sector's border and the visible entry shows no shaft.
  float border = candidate.startT;
  while (candidate.startT - border < float(greyF.cols + greyF.rows) &&
         insideMask(sector.sector(), line.at(border - 1.0f)))
    border -= 1.0f;
  candidate.entryGapPx = candidate.startT - border;
  // Bone does not appear in still tissue: a fresh line darker below lies under brighter fascia.
  if (candidate.shadowRatio < m_config.minShadowRatio && !candidate.fresh)
    candidate.rejection = "acoustic shadow below (bone)";
}

void ShaftDetector::score(ShaftCandidate& candidate, const ShaftPrior& prior, const cv::Mat& change) const {
  double factor = 1.0;
  if (prior.shaft) {
    const double angleDifference =
        core::orientationDifferenceDeg(candidate.line.angleDeg(), prior.shaft->angleDeg());
    const double distance = std::abs(candidate.line.offsetOf(prior.tip));
    if (angleDifference > m_config.priorAngleDeg || distance > m_config.priorDistancePx) factor *= 0.25;
  }
  if (prior.insertionSide != 0 && fromHorizontalDeg(candidate.line) < 80.0) {
    const bool entersLeft = candidate.line.direction.x > 0.0f;
    if (entersLeft != (prior.insertionSide < 0)) factor *= 0.5;
  }
  if (!change.empty()) {
    // An advancing needle brightens where its tip is, not along its whole length: probe motion
    // moving an interface brightens all of it.
    const auto meanChange = [&](float from, float to) {
      double sum = 0.0;
      int count = 0;
      for (float t = from; t <= to; t += 1.0f, ++count) sum += sampleBilinear(change, candidate.line.at(t));
      return count ? sum / count : 0.0;
    };
    const float middle = 0.5f * (candidate.startT + candidate.endT);
    candidate.motion = meanChange(std::max(middle, candidate.endT - kTipMotionPx), candidate.endT + 1.0f) -
                       meanChange(candidate.startT, middle);
    factor *= 1.0 + 0.5 * std::clamp(candidate.motion - 1.0, 0.0, 2.0);
  }
  // Without a track, a line that does not reach back to the sector's border is less likely a needle.
  if (!prior.shaft) factor *= std::exp(-std::max(0.0, candidate.entryGapPx / m_config.entryGapScalePx - 1.0));
  candidate.score = candidate.evidence * factor;
  candidate.needleScore = candidate.score;
}

void ShaftDetector::characterise(ShaftCandidate& candidate, const cv::Mat& greyF, const cv::Mat& sector) {
  candidate.across = m_across.measure(candidate.line, candidate.startT, candidate.endT, greyF, sector);
  candidate.needleLike = candidate.across.samples > 0 &&
                         candidate.across.aboveSigma >= m_needleLike.minAboveSigma &&
                         candidate.across.belowSigma >= m_needleLike.minBelowSigma &&
                         candidate.entryGapPx <= m_needleLike.maxEntryGapPx &&
                         fromHorizontalDeg(candidate.line) >= m_needleLike.minAngleDeg &&
                         candidate.lengthPx() >= m_needleLike.minLengthPx &&
                         candidate.residualPx <= m_needleLike.maxResidualPx &&
                         candidate.shadowRatio >= m_needleLike.minBelowToAbove &&
                         depthBelowSectorTop(sector, candidate.deepEnd()) >= m_needleLike.minDepthPx;
  // A needle-like shaft's evidence for its confidence is its contrast against the tissue beside it
  // (speckle spreads above the on-threshold, along its length) where that exceeds the ridge
  // evidence, which striated tissue texture weakens by raising the ridge filter's noise level. The
  // ranking keeps the ridge score (a bright straight piece of a bent shaft must not outrank it).
  if (candidate.needleLike && candidate.evidence > 0.0) {
    const double acrossEvidence =
        candidate.lengthPx() * (candidate.across.weakerSigma() - m_config.onThreshold);
    candidate.needleScore *= std::max(1.0, acrossEvidence / candidate.evidence);
  }
}

void ShaftDetector::rejectInterfaceParts(std::vector<ShaftCandidate>& candidates) const {
  for (ShaftCandidate& candidate : candidates) {
    if (!candidate.rejection.empty()) continue;
    const cv::Point2f middle = candidate.line.at(0.5f * (candidate.startT + candidate.endT));
    for (const ShaftCandidate& other : candidates) {
      if (other.rejection != kInterface) continue;
      if (core::orientationDifferenceDeg(other.line.angleDeg(), candidate.line.angleDeg()) > 8.0) continue;
      if (std::abs(other.line.offsetOf(middle)) > 4.0f) continue;
      candidate.rejection = "part of a tissue interface";
      break;
    }
  }
}

void ShaftDetector::rejectReverberations(std::vector<ShaftCandidate>& candidates) const {
  for (ShaftCandidate& lower : candidates) {
    if (!lower.rejection.empty()) continue;
    for (const ShaftCandidate& upper : candidates) {
      if (&upper == &lower || !upper.rejection.empty()) continue;
      if (core::orientationDifferenceDeg(upper.line.angleDeg(), lower.line.angleDeg()) > 4.0) continue;
      const float offset = upper.line.offsetOf(lower.line.at(0.5f * (lower.startT + lower.endT)));
      if (offset < 1.5f || offset > m_config.reverberationMaxOffsetPx) continue;
      float s0 = upper.line.positionOf(lower.entry()), s1 = upper.line.positionOf(lower.deepEnd());
      if (s0 > s1) std::swap(s0, s1);
      const float overlap = std::min(s1, upper.endT) - std::max(s0, upper.startT);
      if (overlap < 0.5f * std::min(s1 - s0, upper.endT - upper.startT)) continue;
      if (upper.evidence < 0.25 * lower.evidence) continue;
      lower.rejection = "reverberation below a shallower parallel line";
      break;
    }
  }
}

}  // namespace hipguide::tracking
