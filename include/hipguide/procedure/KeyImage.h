#pragma once
/// A key image of a procedure: the frame with its overlays and what was measured on it.

#include <QDateTime>
#include <QImage>

#include <cstdint>
#include <optional>
#include <string>

namespace hipguide::procedure {

/// One captured key image. Distances in mm (reference space); empty when not measured.
struct KeyImage {
  QImage image;          ///< The B-mode frame with overlays as shown, RGB.
  QDateTime capturedAt;  ///< UTC.
  std::uint64_t frameId = 0;
  double pixelSpacingMm = 0;  ///< Size of one image pixel in mm (square), for DICOM; 0 unknown.
  bool atInjection = false;   ///< Taken when the injection was marked.
  std::optional<double> tipToTargetMm;
  std::optional<double> nearestVesselMm;  ///< Smallest shaft clearance to a watched vessel.
  std::optional<double> nearestNerveMm;   ///< Smallest shaft clearance to a watched nerve.
  std::string caption;                    ///< Free text, e.g. "Needle tip in the recess".
};

}  // namespace hipguide::procedure
