#pragma once
/// Follows a detected shaft past the end of its ridge evidence.

#include "LineGeometry.h"
#include "RidgeFilter.h"

#include <hipguide/tracking/TrackerConfig.h>

#include <opencv2/core.hpp>

#include <vector>

namespace hipguide::tracking {

/// Where a shaft ends after extension.
struct ShaftEnd {
  float endT = 0.0f;        ///< The new end along the line (≥ the ridge's end).
  float structureT = 0.0f;  ///< The first crossing structure past it (infinity when none was met).
  /// Ends of the bright runs the walk went on from across a gap (2 px or more without
  /// contrast), nearest first: where the shaft may really end when what lies past the
  /// gap is tissue crossing the line rather than the rest of the shaft.
  std::vector<float> bridgedEnds;
};

/// Where a tip has entered bright tissue (a capsule, a tendon) or far down a steep shaft whose
/// echo is weak, the ridge evidence ends before the needle does: crossing structures turn the
/// local ridge orientation, and a weak echo falls below the speckle's ridge response. The shaft
/// is still brighter than the tissue on both sides of it. Walking on along the line, each pixel
/// scores (shaft − the brighter of the two side bands) in speckle spreads, between 0 and a
/// cap, minus a cost; the new
/// end is where that running sum peaks (a maximum-sum extension), so short gaps are bridged
/// and tissue past the tip, no brighter than beside it, ends the walk. A pixel on a strong
/// ridge that crosses the line (a bone cortex the tip has reached: thin, bright, with dark
/// shadow below) counts as a gap however bright it is against the side bands. A pixel brighter
/// than one side band but not the other (a layer lying beside the shaft where the shaft
/// crosses it) is neutral: it neither lengthens the shaft nor ends it. Stateless.
class ShaftExtender {
 public:
  explicit ShaftExtender(const ExtendConfig& config);

  /// `line` points toward the tip; returns the new end (≥ `endT`). `spreadGrey` is the speckle
  /// spread beside the shaft (AcrossContrastResult::spreadGrey); `ridges` of the same frame.
  ShaftEnd extend(const Line& line, float endT, double spreadGrey, const cv::Mat& greyF,
                  const cv::Mat& sector, const RidgeMaps& ridges) const;

 private:
  /// Shaft at `p` minus the brighter and minus the darker of the two side bands (grey levels).
  struct SideContrast {
    float overBrighter = 0.0f;
    float overDarker = 0.0f;
  };
  SideContrast shaftOverSides(const cv::Mat& greyF, const cv::Point2f& p, const cv::Point2f& normal) const;
  /// Whether a strong ridge crossing the line (not along it) lies within a pixel of `p`.
  bool crossesStructure(const RidgeMaps& ridges, const cv::Point2f& p, const cv::Point2f& normal,
                        double lineAngleDeg) const;

  ExtendConfig m_config;
};

}  // namespace hipguide::tracking
