#include <hipguide/app/ReplayBar.h>
#include <hipguide/session/ReplayDriver.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace hipguide::app {

ReplayBar::ReplayBar(QWidget* parent)
    : QWidget(parent),
      m_playPause(new QToolButton),
      m_stepBack(new QToolButton),
      m_stepForward(new QToolButton),
      m_slider(new QSlider(Qt::Horizontal)),
      m_speed(new QComboBox),
      m_estimates(new QComboBox),
      m_position(new QLabel),
      m_timer(new QTimer(this)) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(8, 2, 8, 6);
  m_stepBack->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
  m_stepForward->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
  m_stepBack->setToolTip(tr("Previous frame"));
  m_stepForward->setToolTip(tr("Next frame"));
  m_slider->setObjectName("replaySlider");
  for (const double speed : {0.25, 0.5, 1.0, 2.0, 4.0})
    m_speed->addItem(QStringLiteral("%1×").arg(speed), speed);
  m_speed->setCurrentIndex(2);
  layout->addWidget(m_stepBack);
  layout->addWidget(m_playPause);
  layout->addWidget(m_stepForward);
  layout->addWidget(m_slider, 1);
  layout->addWidget(m_position);
  layout->addWidget(m_speed);
  m_estimates->setObjectName("replayEstimates");
  m_estimates->setToolTip(
      tr("Needle estimates: re-run the tracker now, show the ones recorded in the session, "
         "or both (recorded dashed orange)"));
  m_estimates->addItem(tr("Tracker re-run"), static_cast<int>(ReplayEstimates::Rerun));
  m_estimates->addItem(tr("Recorded"), static_cast<int>(ReplayEstimates::Recorded));
  m_estimates->addItem(tr("Both"), static_cast<int>(ReplayEstimates::Both));
  layout->addWidget(m_estimates);

  connect(m_playPause, &QToolButton::clicked, this, [this] {
    if (!m_replay) return;
    m_replay->paused() ? m_replay->play() : m_replay->pause();
    refresh();
  });
  connect(m_stepBack, &QToolButton::clicked, this, [this] {
    if (m_replay) m_replay->step(-1);
  });
  connect(m_stepForward, &QToolButton::clicked, this, [this] {
    if (m_replay) m_replay->step(1);
  });
  connect(m_slider, &QSlider::sliderMoved, this, [this](int index) {
    if (m_replay) m_replay->seekToFrame(index);
  });
  connect(m_speed, &QComboBox::currentIndexChanged, this, [this] {
    if (m_replay) m_replay->setSpeed(m_speed->currentData().toDouble());
  });
  connect(m_timer, &QTimer::timeout, this, &ReplayBar::refresh);
  setVisible(false);
}

void ReplayBar::setReplay(session::ReplayDriver* replay, std::vector<TimelineMarker> markers) {
  m_replay = replay;
  m_markers = std::move(markers);
  setVisible(replay != nullptr);
  if (!replay) {
    m_timer->stop();
    return;
  }
  m_slider->setRange(0, static_cast<int>(std::max<std::int64_t>(0, replay->frameCount() - 1)));
  m_timer->start(100);
  refresh();
}

void ReplayBar::refresh() {
  if (!m_replay) return;
  const bool paused = m_replay->paused();
  m_playPause->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
  m_playPause->setToolTip(paused ? tr("Play (Space)") : tr("Pause (Space)"));
  if (!m_slider->isSliderDown()) m_slider->setValue(static_cast<int>(m_replay->currentFrameIndex()));
  m_position->setText(tr("frame %1 / %2").arg(m_replay->currentFrameIndex() + 1).arg(m_replay->frameCount()));
  update();
}

void ReplayBar::paintEvent(QPaintEvent* event) {
  QWidget::paintEvent(event);
  if (!m_replay || m_slider->maximum() <= 0) return;
  QPainter painter(this);
  const QRect track = m_slider->geometry();
  for (const TimelineMarker& marker : m_markers) {
    const double fraction = static_cast<double>(marker.frameIndex) / m_slider->maximum();
    const int x = track.left() + 6 + static_cast<int>(fraction * (track.width() - 12));
    painter.setPen(QPen(marker.isAlert ? QColor(230, 60, 60) : QColor(80, 140, 255), 2));
    painter.drawLine(x, track.bottom() - 3, x, track.bottom() + 3);
  }
}

ReplayEstimates ReplayBar::estimates() const {
  return static_cast<ReplayEstimates>(m_estimates->currentData().toInt());
}

void ReplayBar::setEstimates(ReplayEstimates estimates) {
  m_estimates->setCurrentIndex(m_estimates->findData(static_cast<int>(estimates)));
}

}  // namespace hipguide::app
