#pragma once
/// The replay timeline: play/pause, step, speed and a scrubbable slider with event markers.

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace hipguide::session {
class ReplayDriver;
}

namespace hipguide::app {

/// A mark on the timeline at a frame index (alerts red, bookmarks blue).
struct TimelineMarker {
  std::int64_t frameIndex = 0;
  bool isAlert = false;
};

/// Which needle estimates a replay shows: the tracker re-run now, the ones recorded in the
/// session, or both side by side (recorded drawn dashed in orange).
enum class ReplayEstimates { Rerun, Recorded, Both };

/// Controls one ReplayDriver (the pump owns it); hidden when the source is not a replay.
/// Dragging the slider seeks live. GUI thread only.
class ReplayBar : public QWidget {
  Q_OBJECT
 public:
  explicit ReplayBar(QWidget* parent = nullptr);
  /// Attaches to a replay (null detaches and hides the bar).
  void setReplay(session::ReplayDriver* replay, std::vector<TimelineMarker> markers);
  QSlider* slider() const { return m_slider; }
  const std::vector<TimelineMarker>& markers() const { return m_markers; }
  ReplayEstimates estimates() const;
  void setEstimates(ReplayEstimates estimates);

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  void refresh();

  session::ReplayDriver* m_replay = nullptr;
  QToolButton* m_playPause;
  QToolButton* m_stepBack;
  QToolButton* m_stepForward;
  QSlider* m_slider;
  QComboBox* m_speed;
  QComboBox* m_estimates;
  QLabel* m_position;
  QTimer* m_timer;
  std::vector<TimelineMarker> m_markers;
};

}  // namespace hipguide::app
