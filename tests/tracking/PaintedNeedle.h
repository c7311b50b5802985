#pragma once
/// A needle painted into the frames of a real recording, so that the tracker meets real tissue
/// texture, real probe motion and a needle whose truth is known, without the simulator.

#include <hipguide/core/Frame.h>
#include <hipguide/tracking/TrackCsv.h>

#include <opencv2/core.hpp>

#include <cstdint>

namespace hipguide::test {

/// A straight needle entering the image at `entryPx` and advancing `pxPerFrame` along
/// `angleDeg` (from horizontal, downward) toward the right (`fromLeft`) or the left.
struct PaintedNeedle {
  cv::Point2f entryPx;
  double angleDeg = 35.0;
  bool fromLeft = true;
  int preRollFrames = 20;    ///< Frames before the needle enters.
  double pxPerFrame = 2.5;   ///< Advance per frame.
  double thicknessPx = 5.0;  ///< FWHM of the shaft's echo across it, in echo amplitude.
  double echoGain = 100.0;   ///< Shaft echo amplitude over unit tissue amplitude (40 dB).
  double minVisiblePx = 30;  ///< Shaft length from which the truth counts the needle as visible.
};

/// Paints the needle as it is at frame `index` into `frame` (8-bit grey taken as 60 dB of log-
/// compressed echo; the needle's echo adds in power to the tissue's): a Gaussian profile across
/// the shaft, two reverberations below it, a bevel twice as bright as the shaft over its last
/// two thicknesses, and a smooth speckle-like modulation along it. Returns the truth row, with
/// positions in the frame's units (pixel × spacing) and the frame's own id.
tracking::TruthRow paintNeedle(core::Frame& frame, const PaintedNeedle& needle, int index);

}  // namespace hipguide::test
