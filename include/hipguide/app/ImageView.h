#pragma once
/// The 2D B-mode view: the live image at full resolution with a depth scale and overlays.

#include <hipguide/core/Frame.h>

#include <hipguide/app/DisplayImage.h>

#include <QImage>
#include <QTransform>
#include <QWidget>

#include <functional>
#include <vector>

namespace hipguide::app {

/// Paints the newest frame scaled to fit (aspect kept, never below 1:1 when there is room),
/// a millimetre depth scale on the left, and the overlay painters added by the window
/// (needle, path, anatomy contours, alerts). Emits framePainted() once per new frame, after
/// the overlays are drawn, for latency statistics. GUI thread only.
class ImageView : public QWidget {
  Q_OBJECT
 public:
  /// Draws on top of the image; the painter's transform maps image millimetres to the widget.
  using OverlayPainter = std::function<void(QPainter& painter, const core::Frame& frame)>;

  explicit ImageView(QWidget* parent = nullptr);

  void setFrame(core::FramePtr frame);
  const core::FramePtr& frame() const { return m_frame; }
  void addOverlay(OverlayPainter overlay);
  void setOverlaysVisible(bool visible);
  bool overlaysVisible() const { return m_overlaysVisible; }
  /// Image millimetres → widget pixels for the current frame and size.
  QTransform mmToWidget() const;

  QSize sizeHint() const override { return {720, 560}; }

 signals:
  void framePainted(std::uint64_t frameId, std::int64_t hostReceiveNs);

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  bool hasImage() const { return m_frame && !m_frame->empty(); }
  QRectF imageRect() const;
  /// Paints the depth scale left of the image, redrawn only when the geometry changes (its
  /// text costs more than the image itself). A frame without a spacing calibration gets no
  /// centimetres, only a note that it has none.
  void paintDepthScale(QPainter& painter, const QRectF& imageRect);
  /// `depthMm` 0: the note instead of centimetres.
  static QImage drawDepthScale(QSize size, double topPx, double heightPx, double depthMm);

  core::FramePtr m_frame;
  DisplayImage m_display;       ///< m_frame scaled to the screen.
  QImage m_depthScale;          ///< The depth scale for the geometry below.
  double m_depthScaleMm = 0.0;  ///< 0 for the uncalibrated note.
  double m_depthScaleTop = 0.0;
  std::vector<OverlayPainter> m_overlays;
  bool m_overlaysVisible = true;
  std::uint64_t m_lastPaintedId = 0;
};

}  // namespace hipguide::app
