#pragma once
/// A trainee's progress across attempts: chart, attempt list and CSV export.

#include <QDialog>

namespace hipguide::app {

/// Reads the training database once on construction (a message when it cannot be opened).
/// GUI thread.
class TrainingProgressDialog : public QDialog {
  Q_OBJECT
 public:
  TrainingProgressDialog(const QString& databaseFile, const QString& trainee, QWidget* parent = nullptr);

 private:
  QString m_databaseFile;
  QString m_trainee;
};

}  // namespace hipguide::app
