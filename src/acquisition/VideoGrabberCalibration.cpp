#include <hipguide/acquisition/VideoGrabberCalibration.h>

#include <cmath>
#include <stdexcept>
#include <string>

namespace hipguide::acquisition {

double mmPerPixelFromDepthTicks(const core::Vec2& firstTickPx, const core::Vec2& secondTickPx,
                                double distanceMm) {
  if (!std::isfinite(distanceMm) || distanceMm <= 0)
    throw std::invalid_argument(
        "depth-tick calibration: the distance between the ticks must be positive (got " +
        std::to_string(distanceMm) + " mm)");
  const double pixels = (secondTickPx - firstTickPx).norm();
  if (!std::isfinite(pixels) || pixels < 2.0)
    throw std::invalid_argument("depth-tick calibration: the two ticks are " + std::to_string(pixels) +
                                " pixels apart; mark two ticks at least 2 pixels apart");
  return distanceMm / pixels;
}

}  // namespace hipguide::acquisition
