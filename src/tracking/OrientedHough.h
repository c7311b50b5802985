#pragma once
/// Line hypotheses from the ridge map: a Hough transform in which each ridge pixel votes only
/// near its own orientation (so speckle, whose orientations are random, spreads its votes).

#include "LineGeometry.h"
#include "RidgeFilter.h"

#include <vector>

namespace hipguide::tracking {

/// One accumulator peak.
struct HoughPeak {
  Line line;
  double votes = 0.0;
};

/// Accumulates (normal angle 1°, offset 1 px) votes weighted by capped ridge strength. Owned
/// by one tracker; not thread-safe (keeps its accumulator between frames to avoid allocation).
class OrientedHough {
 public:
  /// `voteThreshold`, `strengthCap`: ridge strengths; `spreadDeg`: votes go to line angles
  /// within ± this of the pixel's orientation.
  OrientedHough(double voteThreshold, double strengthCap, double spreadDeg);

  /// Up to `maxPeaks` lines, strongest first, separated by at least 10° or 10 px.
  std::vector<HoughPeak> peaks(const RidgeMaps& ridges, int maxPeaks);

 private:
  double m_voteThreshold;
  double m_strengthCap;
  int m_spreadBins;
  cv::Mat m_accumulator;  // 180 rows (normal angle) × offset bins
  std::vector<float> m_cos, m_sin;
};

}  // namespace hipguide::tracking
