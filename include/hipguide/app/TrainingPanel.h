#pragma once
/// The training mode's side panel: exercise picker and brief, trainee, who drives (hands or an
/// OpenIGTLink tracker), start/finish buttons, live scores and coaching hints.

#include <QString>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hipguide::app {

/// Widgets only; TrainingMode connects the signals and feeds showLive()/showHints(). GUI thread.
class TrainingPanel : public QWidget {
  Q_OBJECT
 public:
  explicit TrainingPanel(QWidget* parent = nullptr);

  /// The chosen exercise's scenario name.
  QString scenario() const;
  void setScenario(const QString& scenario);
  QString trainee() const;
  bool hintsEnabled() const;
  /// The tracker's `host:port` when "Drive: OpenIGTLink tracker" is chosen; empty for hands.
  QString trackerAddress() const;
  /// Chooses the drive: an empty address = hands (keys and mouse), else the tracker at it.
  void setTrackerAddress(const QString& address);
  /// Enables start vs finish buttons.
  void setRunning(bool running);
  /// One line of status ("building the phantom...", "attempt running").
  void showStatus(const QString& text);
  /// The live score readout (rich text).
  void showLive(const QString& html);
  void showHints(const QStringList& hints);

 signals:
  void startRequested(const QString& scenario, bool autopilot);
  void finishRequested();
  void keysRequested();
  void progressRequested();

 private:
  void showBrief();

  QComboBox* m_exercises;
  QLabel* m_brief;
  QLineEdit* m_trainee;
  QComboBox* m_drive;
  QLineEdit* m_tracker;
  QCheckBox* m_hints;
  QPushButton* m_start;
  QPushButton* m_autopilot;
  QPushButton* m_finish;
  QLabel* m_status;
  QLabel* m_live;
  QLabel* m_hintText;
};

}  // namespace hipguide::app
