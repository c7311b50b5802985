#pragma once
/// The status bar's live readouts: source state, frame rates, latency and drops.

#include <hipguide/acquisition/DriverState.h>
#include <hipguide/app/DisplayStats.h>

#include <QWidget>

class QLabel;

namespace hipguide::app {

/// Four compact labels for the status bar. GUI thread only.
class StatusPanel : public QWidget {
  Q_OBJECT
 public:
  explicit StatusPanel(QWidget* parent = nullptr);
  /// Shows the source's state (coloured) and, for errors and stalls, the reason as tooltip.
  void showSource(const QString& description, acquisition::DriverState state, const QString& reason);
  void showStats(const DisplayStatsSummary& summary);

 private:
  QLabel* m_source;
  QLabel* m_rates;
  QLabel* m_latency;
  QLabel* m_drops;
};

}  // namespace hipguide::app
