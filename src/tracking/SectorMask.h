#pragma once
/// The imaging sector: where the frame holds ultrasound data, learned from pixels above the
/// background (0, or a frame grabber's noise floor read in the frame's dark corners).

#include <opencv2/core.hpp>

#include <cstdint>

namespace hipguide::tracking {

/// Rows between the first sector pixel of p's column and p (0 when the column is empty): how
/// deep p lies below the skin at the probe's face.
float depthBelowSectorTop(const cv::Mat& sector, const cv::Point2f& p);

/// Grey level at and below which a pixel is background, not scan: the brightest pixel of at most
/// `maxNoiseGrey` in the frame's corners that are mostly that dark (at least half their pixels: the
/// background, perhaps with a scanner's text or depth scale on it), 0 when none is. A digital
/// scan's background is exactly 0; a frame grabber's is noise a few grey levels deep, and
/// counting that as scan would make the whole frame the sector and the fan's edge a line.
std::uint8_t backgroundLevel(const cv::Mat& grey, std::uint8_t maxNoiseGrey = 16);

/// Learns the sector from the first few frames of one geometry that show a scan (blank frames are
/// passed over): the union of their pixels above the background level, closed, largest region with
/// its holes filled, so dark shadows inside stay in (the union over frames fills shadows that reach
/// the edge in one frame); then keeps it until the image size changes or the scan outgrows it.
/// The eroded mask keeps the bright sector edge out of the ridge filter. Owned by one tracker; not
/// thread-safe.
class SectorMask {
 public:
  /// `marginPx`: erosion in pixels; `learnFrames`: frames merged before the mask is frozen.
  SectorMask(int marginPx, int learnFrames);

  /// A frame with less than this fraction of its pixels above the background shows no scan (a
  /// water tank's image has 1 %, a frame grabber's noise alone 0.01 %).
  static constexpr double kMinScanFraction = 0.005;
  /// When the largest region holds less than this share of the scan's pixels, they are echoes
  /// scattered over a black image (a water tank) and the sector is their convex hull.
  static constexpr double kMinLargestShare = 0.5;
  /// The scan has outgrown the sector when more than this fraction of the frame's pixels lie
  /// outside it (the scanner's text and marks are less)...
  static constexpr double kMaxScanOutsideFraction = 0.03;
  /// ...in this many frames in a row: the depth or zoom changed while the image size did not (a
  /// frame grabber), and the sector is learned again.
  static constexpr int kOutgrownFrames = 3;

  /// Feeds one 8-bit working image; returns the eroded mask (CV_8U, 255 inside; all 0 until a frame
  /// shows a scan).
  const cv::Mat& update(const cv::Mat& grey);
  const cv::Mat& mask() const { return m_mask; }      ///< Eroded sector, 255 inside.
  const cv::Mat& sector() const { return m_sector; }  ///< Sector without erosion.
  /// Fraction of the sector's width covered by [xMin, xMax] at row y (0 when y is outside).
  double widthFraction(float xMin, float xMax, float y) const;
  /// Whether the last update found the scan outgrown the sector and started learning it again
  /// (what was learned about the old image no longer holds).
  bool restarted() const { return m_restarted; }
  /// Forgets the learned sector (a new geometry).
  void reset();

 private:
  /// Forgets the sector and starts learning one for images of `size` (all 0 until then).
  void startLearning(cv::Size size);
  void rebuild();
  /// Counts frames in a row whose scan (pixels above the background) lies well outside the sector.
  bool outgrownBy(const cv::Mat& scan);

  int m_marginPx;
  int m_learnFrames;
  int m_framesSeen = 0;
  int m_framesOutgrown = 0;
  bool m_restarted = false;
  cv::Mat m_union;
  cv::Mat m_sector;
  cv::Mat m_mask;
};

}  // namespace hipguide::tracking
