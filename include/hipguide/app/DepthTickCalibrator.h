#pragma once
/// Pixel-size calibration of a frame grabber: the user clicks two ticks of the scanner's depth
/// scale on a captured frame and types their distance.

#include <QDialog>
#include <QImage>

#include <optional>

class QDoubleSpinBox;
class QLabel;

namespace hipguide::app {

/// Modal dialog showing `frame`; two clicks mark the ticks (a third starts again). On accept,
/// mmPerPixel() is acquisition::mmPerPixelFromDepthTicks of the marks. GUI thread only.
class DepthTickCalibrator : public QDialog {
  Q_OBJECT
 public:
  explicit DepthTickCalibrator(QImage frame, QWidget* parent = nullptr);

  /// The calibration, once two ticks are marked and the distance is valid.
  std::optional<double> mmPerPixel() const;

  /// Marks a tick at a point in frame pixels (what a click does; public for tests).
  void markTick(QPointF framePoint);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void refresh();

  QImage m_frame;
  QList<QPointF> m_ticks;
  QLabel* m_view = nullptr;
  QLabel* m_result = nullptr;
  QDoubleSpinBox* m_distanceMm = nullptr;
};

/// The first frame of a video device or file, uncropped (the depth scale often lies outside the
/// ultrasound image), waiting up to `timeoutMs`; a null image when none arrived.
QImage grabOneVideoFrame(const QString& device, int timeoutMs = 3000);

}  // namespace hipguide::app
