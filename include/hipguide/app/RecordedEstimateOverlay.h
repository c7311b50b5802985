#pragma once
/// Draws a needle estimate recorded in a session over the replayed image, so that it can be
/// compared with the tracker re-run now.

#include <hipguide/core/NeedleEstimate.h>

class QPainter;

namespace hipguide::app {

/// Paints the recorded shaft (dashed orange, entry to tip), a ring at the tip and the label
/// "recorded". The painter maps image mm to the screen; `mmPerPixel` sizes pens and text.
/// Draws nothing when the estimate says the needle was not found.
void paintRecordedEstimate(QPainter& painter, const core::NeedleEstimate& estimate, double mmPerPixel);

}  // namespace hipguide::app
