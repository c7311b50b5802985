#pragma once
/// Shaft hypotheses: Hough peaks turned into refined, visible line segments, scored with the
/// priors, with tissue interfaces, bone and reverberation copies rejected.

#include "AcrossContrast.h"
#include "FreshStructure.h"
#include "LineGeometry.h"
#include "OrientedHough.h"
#include "RidgeFilter.h"

#include <hipguide/tracking/TrackerConfig.h>

#include <optional>
#include <string>
#include <vector>

namespace hipguide::tracking {

class SectorMask;

/// What the tracker believed in the previous frame (working pixels).
struct ShaftPrior {
  std::optional<Line> shaft;  ///< Last shaft, direction from entry toward the tip.
  cv::Point2f tip;            ///< Last tip (valid with `shaft`).
  int insertionSide = 0;      ///< -1: needle enters from the left, +1: from the right, 0: unknown.
};

/// One examined line. `line.direction` points from the entry (shallow end) to the deep end.
struct ShaftCandidate {
  Line line;
  float startT = 0.0f;  ///< Visible segment [startT, endT] along `line`.
  float endT = 0.0f;
  double evidence = 0.0;        ///< Σ (capped strength − onThreshold) over the segment.
  double residualPx = 0.0;      ///< RMS distance of ridge centres from the line.
  double shadowRatio = 1.0;     ///< Mean grey below / above the segment.
  double motion = 0.0;          ///< Brightening near the deep end minus along the entry half (advance).
  double entryGapPx = 0.0;      ///< Line length from the visible entry back out of the sector.
  double score = 0.0;           ///< Evidence weighted by the priors and the motion cue.
  AcrossContrastResult across;  ///< Contrast against the tissue beside it (accepted candidates only).
  bool needleLike = false;      ///< Looks like a needle from the skin even when still (NeedleLikeConfig).
  double needleScore = 0.0;     ///< Score for the confidence: with the across-contrast evidence when
                                ///< needle-like (never below `score`).
  bool fresh = false;           ///< Fresh structure under a still probe (FreshStructure), not a Hough peak.
  std::string rejection;        ///< Why it is not a needle; empty when accepted.

  cv::Point2f entry() const { return line.at(startT); }
  cv::Point2f deepEnd() const { return line.at(endT); }
  /// Where the line leaves the sector beyond the visible entry (the needle came in there).
  cv::Point2f borderPoint() const { return line.at(startT - static_cast<float>(entryGapPx)); }
  double lengthPx() const { return endT - startT; }
};

/// Owned by one tracker; not thread-safe.
class ShaftDetector {
 public:
  ShaftDetector(const ShaftConfig& config, const NeedleLikeConfig& needleLike);

  /// All examined candidates, best accepted first (rejected ones after, with reasons).
  /// `change` is the motion cue (may be empty); `greyF` the working image; `fresh` a line of fresh
  /// structure (FreshStructure), examined after the Hough peaks unless one of them is the same
  /// line, which then merges with it (mergeFresh).
  std::vector<ShaftCandidate> detect(const RidgeMaps& ridges, const SectorMask& sector, const cv::Mat& greyF,
                                     const cv::Mat& change, const ShaftPrior& prior,
                                     const std::optional<FreshSegment>& fresh = std::nullopt);

 private:
  std::optional<ShaftCandidate> examine(const Line& coarse, const RidgeMaps& ridges, const cv::Mat& mask,
                                        const ShaftPrior& prior) const;
  /// The fresh segment as it is: its ridge is too weak for the Hough stage's refinement.
  ShaftCandidate fromFresh(const FreshSegment& fresh, const ShaftPrior& prior, cv::Size size) const;
  /// A Hough peak on the fresh segment's line. Where the segment is by far the stronger evidence
  /// (ShaftConfig::freshTakeoverRatio: a dim needle whose ridge breaks where it crosses bright
  /// layers), the shaft spans both, along the line of the longer (the surer angle); otherwise
  /// the peak keeps its ridge-refined line and, as its ridge may end early where the needle runs
  /// into bright tissue, reaches toward the segment's deep end by at most
  /// ShaftConfig::maxFreshReachPx.
  void mergeFresh(ShaftCandidate& peak, const ShaftCandidate& fresh) const;
  bool strongestRun(const Line& line, const RidgeMaps& ridges, const cv::Mat& mask, int perpendicularPx,
                    float& t0, float& t1, double& evidence) const;
  double refine(Line& line, float t0, float t1, const RidgeMaps& ridges) const;
  void orient(ShaftCandidate& candidate, const ShaftPrior& prior, cv::Size size) const;
  /// The candidate among `others` on the same line (within 3° and 2 px at its middle), or nullptr.
  static ShaftCandidate* duplicateOf(const ShaftCandidate& candidate, std::vector<ShaftCandidate>& others);
  /// Fraction of the line's course inside the mask where the ridge is on (within ±3 pixels).
  double coverage(const Line& line, const RidgeMaps& ridges, const cv::Mat& mask) const;
  void judge(ShaftCandidate& candidate, const RidgeMaps& ridges, const SectorMask& sector,
             const cv::Mat& greyF) const;
  /// Pieces of a rejected interface (a band's edge, a stretch between crossings) are not needles.
  void rejectInterfaceParts(std::vector<ShaftCandidate>& candidates) const;
  void rejectReverberations(std::vector<ShaftCandidate>& candidates) const;
  void score(ShaftCandidate& candidate, const ShaftPrior& prior, const cv::Mat& change) const;
  /// Measures the across contrast of an accepted candidate and decides whether it is needle-like.
  void characterise(ShaftCandidate& candidate, const cv::Mat& greyF, const cv::Mat& sector);

  ShaftConfig m_config;
  NeedleLikeConfig m_needleLike;
  OrientedHough m_hough;
  AcrossContrast m_across;
};

}  // namespace hipguide::tracking
