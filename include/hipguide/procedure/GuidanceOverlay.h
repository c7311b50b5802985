#pragma once
/// Draws the guidance of one frame over the B-mode image: shared by the live view (app) and the
/// key images of procedure records, so it needs QPainter only (no widgets).

#include <hipguide/guidance/GuidancePipeline.h>

#include <QColor>

class QPainter;

namespace hipguide::procedure {

/// Colours of the overlay, shared with the legend and the tests.
struct OverlayColours {
  static QColor tip(double confidence);  ///< Green when sure, amber when unsure.
  static QColor shaft() { return {255, 214, 74}; }
  static QColor path() { return {80, 220, 255}; }
  static QColor target() { return {255, 90, 200}; }
  /// Outline colour of a structure by name; invalid for structures not outlined (muscles, fat).
  static QColor structure(const std::string& name);
};

/// Paints, in image millimetres (the painter maps mm to the widget): anatomy outlines where
/// the plane cuts them, the target, the detected shaft, the tip marker (solid ring when the
/// tracker is confident, dashed and dimmer when not) and the predicted path to the target's
/// depth. `pixelMm` is the size of one screen pixel in mm, for constant on-screen widths.
void paintGuidanceOverlay(QPainter& painter, const guidance::GuidedFrame& guided, double pixelMm);

}  // namespace hipguide::procedure
