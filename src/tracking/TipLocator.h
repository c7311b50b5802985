#pragma once
/// Sub-pixel tip along a detected shaft: where the shaft's brightness falls to the
/// background's.

#include "LineGeometry.h"

#include <hipguide/tracking/TrackerConfig.h>

#include <opencv2/core.hpp>

#include <vector>

namespace hipguide::tracking {

/// Result of locating the tip on one shaft.
struct TipLocation {
  float tipT = 0.0f;                ///< Position of the tip along the shaft line (pixels).
  double contrast = 0.0;            ///< Shaft level − background level at the tip (grey levels).
  bool fromProfile = false;         ///< False when the contrast was too low and the ridge end was kept.
  double endToShaftContrast = 1.0;  ///< Contrast just before the end / contrast further up the shaft.
};

/// Samples the working image along the shaft (averaged over ±1 pixel across it), takes the
/// shaft level just before the ridge's end and the background level beyond it, and puts the
/// tip where the profile crosses their midpoint for good (linear interpolation, 0.25 px
/// samples) within `maxShiftPx` of the ridge's end (otherwise the ridge end stays the tip: bright
/// tissue just past the tip must not carry it on). A brighter bevel raises the shaft level, which keeps the
/// midpoint on the bevel's far edge. Owned by one tracker; not thread-safe.
class TipLocator {
 public:
  explicit TipLocator(const TipConfig& config);

  /// `line` points toward the tip; `ridgeEndT` is where the ridge evidence ends.
  TipLocation locate(const Line& line, float ridgeEndT, const cv::Mat& greyF, const cv::Mat& sector);

 private:
  TipConfig m_config;
  std::vector<float> m_profile, m_smooth, m_scratch;
};

}  // namespace hipguide::tracking
