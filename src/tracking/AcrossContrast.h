#pragma once
/// Needle-specific evidence: how much brighter a shaft is than the tissue immediately on both
/// sides of it, in units of that tissue's speckle spread.

#include "LineGeometry.h"

#include <opencv2/core.hpp>

#include <vector>

namespace hipguide::tracking {

/// Contrast of a line segment against the tissue beside it.
struct AcrossContrastResult {
  double aboveSigma = 0.0;  ///< Median (shaft − tissue above) / speckle spread.
  double belowSigma = 0.0;  ///< Median (shaft − tissue below) / speckle spread.
  double spreadGrey = 0.0;  ///< Speckle spread (standard deviation, grey levels) beside the segment.
  int samples = 0;          ///< Positions along the segment with both sides inside the sector.

  /// The weaker side: a needle stands out against both, a band's edge against one only.
  double weakerSigma() const { return aboveSigma < belowSigma ? aboveSigma : belowSigma; }
};

/// Samples the working image along a segment: the shaft level (brightest within ±1 pixel across
/// the line, so a sub-pixel offset of the fitted line does not dim it) and the mean of the tissue
/// in bands `sideFromPx`..`sideToPx` above and below it. A metal shaft is a specular reflector
/// many times brighter than tissue backscatter on either side of it; a tissue interface or the
/// edge of a bright region usually stands out against one side only, and speckle or striated
/// texture barely at all. Medians along the segment ignore short crossings. The spread is the
/// root mean square of the two sides' standard deviations (floored at `minSpreadGrey`, so a segment in an
/// anechoic region is not divided by almost nothing). Owned by one tracker; not thread-safe.
class AcrossContrast {
 public:
  AcrossContrast(float sideFromPx, float sideToPx, double minSpreadGrey);

  /// `greyF`: the working image (CV_32F); `sector`: CV_8U, non-zero where there is data.
  AcrossContrastResult measure(const Line& line, float t0, float t1, const cv::Mat& greyF,
                               const cv::Mat& sector);

 private:
  float m_sideFromPx;
  float m_sideToPx;
  double m_minSpreadGrey;
  std::vector<float> m_above, m_below, m_sideAbove, m_sideBelow;
};

}  // namespace hipguide::tracking
