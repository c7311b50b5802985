#pragma once
/// The simulated probe's transducer model and imaging settings, and where it sits on the body.

#include <hipguide/core/Geometry.h>

#include <array>

namespace hipguide::acquisition {

/// Transducer geometry: a curvilinear array (scanlines fan out from a virtual apex behind the
/// face) or a linear array (parallel scanlines).
enum class ProbeKind { Curvilinear, Linear };

/// A transducer and the frame it produces. Plain data; validate() checks the ranges.
///
/// Probe coordinate frame (mm): origin at the centre of the transducer face, +x along the array
/// (image columns, to the right), +y along the central beam into the body (image rows, deeper),
/// +z = x × y (elevation, out of the image plane).
struct ProbeModel {
  ProbeKind kind = ProbeKind::Curvilinear;
  double centreFrequencyMHz = 5.0;  ///< 2-6 MHz curvilinear, 5-15 MHz linear.
  double radiusMm = 50.0;           ///< Curvilinear: radius of the face.
  double sectorDeg = 60.0;          ///< Curvilinear: field of view, edge line to edge line.
  double widthMm = 38.0;            ///< Linear: distance from the first to the last line.
  double focusDepthMm = 50.0;       ///< Transmit focus along the beam.
  double fNumber = 3.0;             ///< Lateral resolution at the focus = wavelength × fNumber.
  double depthOfFieldMm = 30.0;     ///< Lateral width grows by √2 this far from the focus.
  double elevationFwhmMm = 2.0;     ///< Slice thickness (FWHM) at the elevation focus.
  double elevationFocusMm = 55.0;   ///< Depth of the elevation lens focus.
  double pulseCycles = 3.0;         ///< Pulse length in cycles (axial resolution = half of it).
  int imageWidth = 640;             ///< Output pixels.
  int imageHeight = 480;
  int lines = 256;  ///< Scanlines of the polar grid.

  /// A 2-6 MHz abdominal-type curvilinear probe (5 MHz, R 50 mm, 60°), 640×480.
  static ProbeModel curvilinear();
  /// A 5-12 MHz linear probe (8 MHz, 38 mm), 640×480.
  static ProbeModel linear();
  /// Throws std::invalid_argument naming the field and value when out of range.
  void validate() const;
  /// Wavelength in mm at the centre frequency (1540 m/s).
  double wavelengthMm() const { return 1.54 / centreFrequencyMHz; }
  bool operator==(const ProbeModel&) const = default;
};

/// Number of time-gain-compensation sliders, spread evenly from the face to the set depth.
constexpr int kTgcSliders = 8;

/// What the operator sets on the scanner. All thread-unsafe plain data.
struct ImagingSettings {
  double depthMm = 80.0;                    ///< Imaging depth along the central line.
  double gainDb = 0.0;                      ///< Overall gain.
  std::array<double, kTgcSliders> tgcDb{};  ///< Slider offsets in dB, top to bottom.
  bool autoTgc = true;                      ///< Also compensate a nominal tissue attenuation.
  double autoTgcDbPerCmMHz = 0.9;           ///< The nominal attenuation autoTgc compensates.
  double dynamicRangeDb = 70.0;             ///< Envelope range mapped to 0..255.
  /// Throws std::invalid_argument naming the field and value when out of range.
  void validate() const;
  bool operator==(const ImagingSettings&) const = default;
};

/// Probe pose (probe mm → reference mm) for a probe whose face centre touches `skinPointMm`,
/// with its central beam along `beamDirection` and its array (+x) as close as possible to
/// `lateralDirection`. Throws std::invalid_argument when the two directions are parallel.
core::Transform3 probePoseOnSkin(const core::Vec3& skinPointMm, const core::Vec3& beamDirection,
                                 const core::Vec3& lateralDirection);

}  // namespace hipguide::acquisition
