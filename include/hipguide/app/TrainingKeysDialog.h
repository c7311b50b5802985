#pragma once
/// A small dialog to rebind the training mode's keys.

#include <hipguide/app/TrainingKeys.h>

#include <QDialog>

#include <vector>

class QKeySequenceEdit;

namespace hipguide::app {

/// One key field per training action, a "Defaults" button; OK saves to QSettings. GUI thread.
class TrainingKeysDialog : public QDialog {
  Q_OBJECT
 public:
  explicit TrainingKeysDialog(QWidget* parent = nullptr);
  /// The bindings as edited.
  TrainingKeys keys() const;

 private:
  std::vector<QKeySequenceEdit*> m_edits;  ///< In trainingActions() order.
};

}  // namespace hipguide::app
