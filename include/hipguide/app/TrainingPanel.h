#pragma once
/// The training mode's side panel: exercise picker and brief, trainee, start/finish buttons,
/// live scores and coaching hints.

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
  QCheckBox* m_hints;
  QPushButton* m_start;
  QPushButton* m_autopilot;
  QPushButton* m_finish;
  QLabel* m_status;
  QLabel* m_live;
  QLabel* m_hintText;
};

}  // namespace hipguide::app
