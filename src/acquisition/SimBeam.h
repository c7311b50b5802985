#pragma once
/// Beam widths of the simulated probe, shared by image formation and ground truth.

#include <hipguide/acquisition/ProbeModel.h>

#include <cmath>

namespace hipguide::acquisition::sim {

/// Lateral FWHM (mm) at a depth: wavelength × f-number at the focus, growing out of focus.
inline double lateralFwhmMm(const ProbeModel& probe, double depthMm) {
  const double atFocus = probe.wavelengthMm() * probe.fNumber;
  const double away = (depthMm - probe.focusDepthMm) / probe.depthOfFieldMm;
  return atFocus * std::sqrt(1.0 + away * away);
}

/// Elevational FWHM (slice thickness, mm) at a depth, narrowest at the elevation focus.
inline double elevationFwhmMm(const ProbeModel& probe, double depthMm) {
  const double away = (depthMm - probe.elevationFocusMm) / probe.elevationFocusMm;
  return probe.elevationFwhmMm * std::sqrt(1.0 + 3.0 * away * away);
}

/// Relative echo of a reflector `outOfPlaneMm` from the image plane (1 in plane, 0.5 at FWHM/2).
inline double elevationWeight(const ProbeModel& probe, double depthMm, double outOfPlaneMm) {
  const double fwhm = elevationFwhmMm(probe, depthMm);
  return std::exp(-4.0 * std::log(2.0) * outOfPlaneMm * outOfPlaneMm / (fwhm * fwhm));
}

/// Axial FWHM (mm): half the spatial pulse length.
inline double axialFwhmMm(const ProbeModel& probe) { return 0.5 * probe.pulseCycles * probe.wavelengthMm(); }

}  // namespace hipguide::acquisition::sim
