#pragma once
/// The frame at the tracker's working resolution, and the mapping back to image millimetres.

#include <hipguide/core/Frame.h>
#include <hipguide/tracking/TrackerConfig.h>

#include <opencv2/core.hpp>

namespace hipguide::tracking {

/// Throws std::invalid_argument naming the first setting out of range.
void checkWorkingImageConfig(const WorkingImageConfig& config);

/// Working pixels per frame pixel along x and y: at most `maxWidthPx` wide, and for a calibrated
/// frame a working pixel within [minWorkingSpacingMm, maxWorkingSpacingMm] (never enlarged).
core::Vec2 workingScale(const core::Frame& frame, const WorkingImageConfig& config);

/// The spacing (mm per frame pixel) the tracker works in: the frame's own when it is a B-mode
/// calibration, else the one that makes a working pixel `assumedWorkingSpacingMm` (isotropic).
core::Vec2 trackingSpacingMm(const core::Frame& frame, const WorkingImageConfig& config);

/// Holds the downsampled 8-bit and float copies of one frame. Owned by one tracker; not
/// thread-safe. Working pixel (x, y) maps to frame pixel ((x + 0.5) / scale - 0.5, ...),
/// the centre-preserving mapping of area resampling.
class WorkingImage {
 public:
  /// Resamples `frame` by `scale` (working pixels per frame pixel, see workingScale; area average);
  /// `spacingMm` (mm per frame pixel) is the one toMm() and fromMm() work in (see trackingSpacingMm).
  void assign(const core::Frame& frame, const core::Vec2& scale, const core::Vec2& spacingMm);
  /// Uses an 8-bit image as it is (scale 1), for stage tests.
  void assign(const cv::Mat& grey8, const core::Vec2& spacingMm);

  const cv::Mat& grey() const { return m_grey; }    ///< CV_8U, working resolution.
  const cv::Mat& greyF() const { return m_greyF; }  ///< CV_32F copy of grey().
  double scaleX() const { return m_scaleX; }        ///< Working pixels per frame pixel, x.
  double scaleY() const { return m_scaleY; }        ///< Working pixels per frame pixel, y.
  /// Working pixel → image mm (see core::Frame).
  core::Vec2 toMm(const cv::Point2f& workPx) const;
  /// Image mm → working pixel.
  cv::Point2f fromMm(const core::Vec2& mm) const;
  /// mm per working pixel along x and y.
  core::Vec2 workSpacingMm() const;

 private:
  cv::Mat m_grey;
  cv::Mat m_greyF;
  core::Vec2 m_spacingMm{1.0, 1.0};
  double m_scaleX = 1.0;
  double m_scaleY = 1.0;
};

}  // namespace hipguide::tracking
