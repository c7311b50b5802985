#pragma once
/// One B-mode frame as it travels from a driver to the tracker, the recorder and the screen.

#include <hipguide/core/Geometry.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace hipguide::core {

/// Pixels larger than this (mm) carry no B-mode calibration: no scanner stores B-mode coarser
/// than its resolution, and MetaImage writes 1 when the spacing is unset (PLUS keeps its
/// calibration in the ImageToProbe transform and often does).
constexpr double kMaxCalibratedSpacingMm = 0.9;
/// Whether a pixel size (mm) can be a B-mode calibration: in (0, kMaxCalibratedSpacingMm].
constexpr bool isCalibratedSpacingMm(double mm) { return mm > 0.0 && mm <= kMaxCalibratedSpacingMm; }

/// A rigid transform that may be missing or invalid (PLUS's `<A>To<B>TransformStatus`).
struct OptionalTransform {
  Transform3 transform = Transform3::Identity();
  bool valid = false;
};

/// An immutable ultrasound frame. Drivers fill it once and publish it as
/// `std::shared_ptr<const Frame>` (FramePtr); every reader shares the same pixels.
/// Image millimetres: x = column × spacing.x() (right), y = row × spacing.y() (down, deeper),
/// measured from the centre of the top-left pixel.
struct Frame {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> grey;      ///< width × height, row-major, 8-bit B-mode.
  std::vector<std::uint8_t> rgb;       ///< Optional colour, 3 × width × height, or empty.
  Vec2 spacingMm{1.0, 1.0};            ///< Pixel size in mm (x, y).
  OptionalTransform imageToProbe;      ///< Image mm → probe mm.
  OptionalTransform probeToReference;  ///< Probe mm → reference (patient/anatomy) mm.
  std::uint64_t frameId = 0;           ///< Monotonic per source, starts at 1.
  std::int64_t deviceTimestampNs = 0;  ///< When the device acquired it, anchored to host.
  std::int64_t hostReceiveNs = 0;      ///< Steady-clock time the host received it.
  bool imageValid = true;              ///< PLUS `ImageStatus`.

  std::uint8_t at(int column, int row) const { return grey[static_cast<std::size_t>(row) * width + column]; }
  bool empty() const { return width == 0 || height == 0; }
  /// Image mm → reference mm, when both transforms are valid.
  std::optional<Transform3> imageToReference() const;
  /// Whether spacingMm is a B-mode calibration: both axes in (0, kMaxCalibratedSpacingMm].
  bool spacingCalibrated() const {
    return isCalibratedSpacingMm(spacingMm.x()) && isCalibratedSpacingMm(spacingMm.y());
  }
  /// Pixel (column, row) → image mm.
  Vec2 pixelToMm(double column, double row) const { return {column * spacingMm.x(), row * spacingMm.y()}; }
};

using FramePtr = std::shared_ptr<const Frame>;

}  // namespace hipguide::core
