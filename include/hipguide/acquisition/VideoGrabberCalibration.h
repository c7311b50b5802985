#pragma once
/// Pixel-size calibration of a frame grabber from two depth ticks marked on a frame.

#include <hipguide/core/Geometry.h>

namespace hipguide::acquisition {

/// Millimetres per pixel from two points the user marked on the scanner's depth scale (in
/// captured pixels, e.g. the 0 cm and 5 cm ticks) and their known distance in mm. Assumes
/// square pixels, as scanners draw them. Throws std::invalid_argument when the distance is not
/// positive or the points are less than 2 pixels apart. Pure function; any thread.
double mmPerPixelFromDepthTicks(const core::Vec2& firstTickPx, const core::Vec2& secondTickPx,
                                double distanceMm);

}  // namespace hipguide::acquisition
