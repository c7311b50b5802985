#include "PaintedNeedle.h"

#include <hipguide/core/SteadyClock.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace hipguide::test {
namespace {

constexpr double kDisplayRangeDb = 60.0;
constexpr int kReverberations = 2;
constexpr double kReverberationDecay = 0.25;
constexpr double kReverberationSpacing = 1.3;  ///< In shaft thicknesses.
constexpr double kHalfWidthSigmas = 1.1774;    ///< A Gaussian is at half its peak this many σ out.

double amplitudeOf(std::uint8_t grey) { return std::pow(10.0, grey * kDisplayRangeDb / 255.0 / 20.0); }

std::uint8_t greyOf(double amplitude) {
  return cv::saturate_cast<std::uint8_t>(255.0 / kDisplayRangeDb * 20.0 *
                                         std::log10(std::max(1.0, amplitude)));
}

/// Smooth multiplicative modulation along the shaft, one value per pixel (fixed seed: the same
/// shaft pixel keeps its brightness from frame to frame, as a real needle's echo does).
std::vector<double> modulationAlong(int lengthPx) {
  std::mt19937 random(7);
  std::normal_distribution<double> gauss(0.0, 1.0);
  std::vector<double> raw(static_cast<std::size_t>(lengthPx) + 4);
  for (double& value : raw) value = gauss(random);
  std::vector<double> modulation(static_cast<std::size_t>(lengthPx));
  for (std::size_t i = 0; i < modulation.size(); ++i)
    modulation[i] = std::max(0.4, 1.0 + 0.125 * (raw[i] + raw[i + 1] + raw[i + 2] + raw[i + 3]));
  return modulation;
}

}  // namespace

tracking::TruthRow paintNeedle(core::Frame& frame, const PaintedNeedle& needle, int index) {
  const double radians = needle.angleDeg * CV_PI / 180.0;
  const cv::Point2d direction((needle.fromLeft ? 1.0 : -1.0) * std::cos(radians), std::sin(radians));
  const cv::Point2d down =
      direction.x >= 0 ? cv::Point2d(-direction.y, direction.x) : cv::Point2d(direction.y, -direction.x);
  const double length = std::max(0.0, (index - needle.preRollFrames) * needle.pxPerFrame);
  const cv::Point2d entry(needle.entryPx), tip = entry + direction * length;

  tracking::TruthRow truth;
  truth.frame = static_cast<std::int64_t>(frame.frameId);
  truth.timestampS = core::nsToSeconds(frame.deviceTimestampNs);
  truth.needleVisible = length >= needle.minVisiblePx;
  const core::Vec2 tipMm = frame.pixelToMm(tip.x, tip.y);
  truth.tipXMm = tipMm.x();
  truth.tipYMm = tipMm.y();
  truth.angleDeg = std::fmod(std::atan2(direction.y, direction.x) * 180.0 / CV_PI + 180.0, 180.0);
  truth.visibleLengthMm = length * frame.spacingMm.x();
  if (length <= 0.0) return truth;

  cv::Mat grey(frame.height, frame.width, CV_8U, frame.grey.data());
  const double sigma = needle.thicknessPx / 2.355;
  const double reach = 3.0 * sigma + kReverberations * kReverberationSpacing * needle.thicknessPx;
  const std::vector<double> modulation = modulationAlong(static_cast<int>(length) + 1);
  const cv::Rect box =
      cv::Rect(
          cv::Point(int(std::min(entry.x, tip.x) - reach), int(std::min(entry.y, tip.y) - reach)),
          cv::Point(int(std::max(entry.x, tip.x) + reach) + 1, int(std::max(entry.y, tip.y) + reach) + 1)) &
      cv::Rect(0, 0, grey.cols, grey.rows);
  for (int y = box.y; y < box.y + box.height; ++y) {
    for (int x = box.x; x < box.x + box.width; ++x) {
      std::uint8_t& pixel = grey.at<std::uint8_t>(y, x);
      if (pixel == 0) continue;  // outside the imaging sector
      const cv::Point2d offset = cv::Point2d(x, y) - entry;
      const double along = offset.dot(direction), across = offset.dot(down);
      if (along < 0.0 || along > length + 2.0 * sigma) continue;
      double profile = 0.0;
      for (int copy = 0; copy <= kReverberations; ++copy) {
        const double distance = across - copy * kReverberationSpacing * needle.thicknessPx;
        profile +=
            std::pow(kReverberationDecay, copy) * std::exp(-0.5 * distance * distance / (sigma * sigma));
      }
      // The echo falls to half at the tip itself (where the tracker puts the tip).
      const double beyondTip = std::max(0.0, along - length + kHalfWidthSigmas * sigma);
      const double end = std::exp(-0.5 * beyondTip * beyondTip / (sigma * sigma));
      const double bevel = length - along < 2.0 * needle.thicknessPx ? 2.0 : 1.0;
      const double echo = needle.echoGain * profile * end * bevel *
                          modulation[static_cast<std::size_t>(std::min(along, length))];
      pixel = greyOf(std::hypot(amplitudeOf(pixel), echo));
    }
  }
  return truth;
}

}  // namespace hipguide::test
