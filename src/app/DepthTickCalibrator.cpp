#include <hipguide/acquisition/VideoGrabberCalibration.h>
#include <hipguide/acquisition/VideoGrabberDriver.h>
#include <hipguide/app/DepthTickCalibrator.h>

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QVBoxLayout>

#include <condition_variable>
#include <mutex>

namespace hipguide::app {

DepthTickCalibrator::DepthTickCalibrator(QImage frame, QWidget* parent)
    : QDialog(parent), m_frame(std::move(frame)) {
  setWindowTitle(tr("Calibrate pixel size from the depth scale"));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(
      new QLabel(tr("Click two ticks of the scanner's depth scale (e.g. 0 and 5 cm), then "
                    "enter their distance. A third click starts again.")));
  m_view = new QLabel;
  m_view->setObjectName("calibrationView");
  m_view->setCursor(Qt::CrossCursor);
  m_view->installEventFilter(this);
  layout->addWidget(m_view);
  auto* form = new QFormLayout;
  m_distanceMm = new QDoubleSpinBox;
  m_distanceMm->setRange(1, 300);
  m_distanceMm->setValue(50);
  m_distanceMm->setSuffix(" mm");
  form->addRow(tr("Distance between the ticks"), m_distanceMm);
  m_result = new QLabel;
  form->addRow(tr("Pixel size"), m_result);
  layout->addLayout(form);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(m_distanceMm, &QDoubleSpinBox::valueChanged, this, &DepthTickCalibrator::refresh);
  layout->addWidget(buttons);
  refresh();
}

std::optional<double> DepthTickCalibrator::mmPerPixel() const {
  if (m_ticks.size() != 2) return std::nullopt;
  try {
    return acquisition::mmPerPixelFromDepthTicks({m_ticks[0].x(), m_ticks[0].y()},
                                                 {m_ticks[1].x(), m_ticks[1].y()}, m_distanceMm->value());
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
}

void DepthTickCalibrator::markTick(QPointF framePoint) {
  if (m_ticks.size() == 2) m_ticks.clear();
  m_ticks.append(framePoint);
  refresh();
}

bool DepthTickCalibrator::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_view && event->type() == QEvent::MouseButtonPress) {
    const auto* click = static_cast<QMouseEvent*>(event);
    markTick(click->position());
    return true;
  }
  return QDialog::eventFilter(watched, event);
}

void DepthTickCalibrator::refresh() {
  QImage shown = m_frame.convertToFormat(QImage::Format_RGB32);
  QPainter painter(&shown);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(QPen(QColor(255, 200, 0), 2));
  for (const QPointF& tick : m_ticks) {
    painter.drawLine(tick - QPointF(8, 0), tick + QPointF(8, 0));
    painter.drawLine(tick - QPointF(0, 8), tick + QPointF(0, 8));
  }
  if (m_ticks.size() == 2) painter.drawLine(m_ticks[0], m_ticks[1]);
  painter.end();
  m_view->setPixmap(QPixmap::fromImage(shown));
  const std::optional<double> calibration = mmPerPixel();
  m_result->setText(calibration ? tr("%1 mm per pixel").arg(*calibration, 0, 'f', 4)
                                : tr("mark two ticks at least 2 pixels apart"));
}

QImage grabOneVideoFrame(const QString& device, int timeoutMs) {
  acquisition::VideoGrabberSettings settings;
  settings.device = device.toStdString();
  acquisition::VideoGrabberDriver driver(settings);
  std::mutex mutex;
  std::condition_variable arrived;
  core::FramePtr first;
  driver.subscribe([&](const core::FramePtr& frame) {
    const std::lock_guard lock(mutex);
    if (!first) first = frame;
    arrived.notify_all();
  });
  driver.start();
  std::unique_lock lock(mutex);
  arrived.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] { return first != nullptr; });
  const core::FramePtr frame = first;
  lock.unlock();
  driver.stop();
  if (!frame) return {};
  return QImage(frame->grey.data(), frame->width, frame->height, frame->width, QImage::Format_Grayscale8)
      .copy();
}

}  // namespace hipguide::app
