#pragma once
/// Sub-pixel tip along a detected shaft: where the shaft's brightness falls to the
/// background's.

#include "LineGeometry.h"

#include <hipguide/tracking/TrackerConfig.h>

#include <opencv2/core.hpp>

#include <limits>
#include <optional>
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
/// peak of the tip's echo (the bevel) and the background level beyond it, and puts the tip
/// where the profile falls below half the peak's echo amplitude above the background for good
/// (the image is log-compressed: see `TipConfig::displayRangeDb`; linear interpolation, 0.25 px
/// samples). The search starts at the ridge's end and stays within `maxShiftPx` of it
/// (otherwise the ridge end stays the tip: bright tissue just past the tip must not carry it
/// on). Owned by one tracker; not thread-safe.
class TipLocator {
 public:
  explicit TipLocator(const TipConfig& config);

  /// `line` points toward the tip; `ridgeEndT` is where the ridge evidence ends; the tip lies
  /// before `limitT` (a structure the tip has reached, ShaftEnd::structureT).
  TipLocation locate(const Line& line, float ridgeEndT, const cv::Mat& greyF, const cv::Mat& sector,
                     float limitT = std::numeric_limits<float>::infinity());

 private:
  /// Grey level halfway between two grey levels in echo amplitude: the displayed image is
  /// log-compressed, so the grey midpoint of a blurred edge lies far out in its tail.
  float halfwayInEcho(float brightGrey, float darkGrey) const;
  /// Sample position (fractional index) where the smoothed profile falls below `threshold`
  /// for good, searched from `start` within [first, last); none when it does not.
  std::optional<float> fallCrossing(float threshold, std::size_t start, std::size_t first,
                                    std::size_t last) const;

  TipConfig m_config;
  std::vector<float> m_profile, m_smooth, m_scratch;
};

}  // namespace hipguide::tracking
