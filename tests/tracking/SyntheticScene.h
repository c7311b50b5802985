#pragma once
/// Constructed B-mode images for the tracking tests: fully developed speckle (complex Gaussian
/// scatterers blurred by an anisotropic PSF, envelope, log compression), a curvilinear sector,
/// and drawn structures: needle shafts with reverberation and bevel, bright interfaces, bone
/// with its shadow.

#include <hipguide/core/Frame.h>

#include <opencv2/core.hpp>

#include <cstdint>
#include <vector>

namespace hipguide::test {

/// Echo range the scenes' log compression maps onto grey 0-255.
inline constexpr double kSceneDynamicRangeDb = 50.0;

/// A straight needle from `entry` to `tip` (pixels of the scene).
struct SyntheticNeedle {
  cv::Point2f entry;
  cv::Point2f tip;
  double amplitude = 6.0;        ///< Echo amplitude relative to mean speckle.
  int reverberations = 0;        ///< Copies below the shaft, each 0.4 times the one above.
  double reverberationPx = 5.0;  ///< Spacing of the copies, pixels (downward).
  double bevelGain = 1.0;        ///< Amplitude multiplier of the last 8 pixels.
};

/// A straight bright interface from `a` to `b`; `shadow` darkens everything below it.
struct SyntheticInterface {
  cv::Point2f a;
  cv::Point2f b;
  double amplitude = 5.0;
  double shadow = 1.0;  ///< Scattering multiplier below the line (0.05 for bone, 1 for fascia).
};

/// The scene of one frame.
struct SyntheticScene {
  cv::Size size{640, 480};
  bool sector = true;  ///< Curvilinear fan (zero outside) or full rectangle.
  std::uint64_t speckleSeed = 1;
  double gain = 1.0;  ///< Overall echo amplitude multiplier.
  std::vector<SyntheticNeedle> needles;
  std::vector<SyntheticInterface> interfaces;
  std::vector<cv::Point2f> arcCentreRadius;  ///< Optional bright arcs: {centre}, {radius, 0}.
};

/// Renders a scene to 8-bit grey. Speckle depends only on `speckleSeed` (static tissue).
cv::Mat renderScene(const SyntheticScene& scene);

/// The same scene with its size and every coordinate multiplied by `factor`.
SyntheticScene scaled(SyntheticScene scene, float factor);

/// Wraps an 8-bit image as a core::Frame with the given spacing, id and timestamp.
core::Frame frameFrom(const cv::Mat& grey, double spacingMm, std::uint64_t frameId, std::int64_t timestampNs);

}  // namespace hipguide::test
