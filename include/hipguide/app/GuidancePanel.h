#pragma once
/// Large readouts beside the image: tip-to-target distance, path clearance, alerts.

#include <hipguide/guidance/GuidanceState.h>

#include <QElapsedTimer>
#include <QWidget>

#include <optional>

#include <set>

class QLabel;
class QTimer;

namespace hipguide::app {

/// Shows the numbers a physician reads at a glance and the active alerts as coloured banners,
/// beside the image so they never hide it. A new warning or critical alert also sounds the
/// system bell. Alerts change with every frame; the numbers at most ten times a second (the
/// newest values, never dropped), which is as fast as anyone reads them and spares the
/// rich-text layout on every frame. GUI thread only.
class GuidancePanel : public QWidget {
  Q_OBJECT
 public:
  explicit GuidancePanel(QWidget* parent = nullptr);
  void showGuidance(const guidance::GuidanceState& state);
  void showAnatomy(const QString& description);
  /// The alert banner's text (empty when no alert), for tests and screenshots.
  QString alertText() const;

 signals:
  /// A warning or critical alert appeared that was not active on the previous frame.
  void alertRaised(const QString& text);

 private:
  void showAlerts(const guidance::GuidanceState& state);
  void showReadouts();

  QLabel* m_target;
  QLabel* m_clearance;
  QLabel* m_tracking;
  QLabel* m_alerts;
  QLabel* m_anatomy;
  QTimer* m_readoutTimer;  ///< Shows the pending numbers when the interval is over.
  QElapsedTimer m_sinceReadouts;
  std::optional<guidance::GuidanceState> m_pendingReadouts;
  std::set<std::string> m_activeAlerts;
};

}  // namespace hipguide::app
