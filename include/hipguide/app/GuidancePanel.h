#pragma once
/// Large readouts beside the image: tip-to-target distance, path clearance, alerts.

#include <hipguide/guidance/GuidanceState.h>

#include <QWidget>

#include <set>

class QLabel;

namespace hipguide::app {

/// Shows the numbers a physician reads at a glance and the active alerts as coloured banners,
/// beside the image so they never hide it. A new warning or critical alert also sounds the
/// system bell. GUI thread only.
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
  QLabel* m_target;
  QLabel* m_clearance;
  QLabel* m_tracking;
  QLabel* m_alerts;
  QLabel* m_anatomy;
  std::set<std::string> m_activeAlerts;
};

}  // namespace hipguide::app
