#pragma once
/// The procedure form: patient and type, checklist, injectate and needle, the capture and
/// injection buttons, and the scores and complications after.

#include <hipguide/procedure/Procedure.h>

#include <QWidget>

#include <map>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace hipguide::app {

/// Shows and edits the fields of a procedure::Procedure that the physician enters; key images,
/// the injection mark and the measurements are shown, not edited (ProcedureDock fills them).
/// Owns only its widgets. GUI thread only.
class ProcedurePanel : public QWidget {
  Q_OBJECT
 public:
  explicit ProcedurePanel(procedure::DrugCatalog catalog, QWidget* parent = nullptr);

  /// Fills the form from a record.
  void display(const procedure::Procedure& record);
  /// Copies the form's fields into `record` (everything but key images and measurements).
  void applyTo(procedure::Procedure& record) const;
  /// The live tip-to-target distance line, e.g. "Tip to target 3.2 mm".
  void showLive(const QString& text);
  /// A status or error line under the buttons.
  void showMessage(const QString& text, bool error = false);

 signals:
  void typeChanged();
  void captureRequested();
  void injectionRequested();
  void saveRequested();
  void reportRequested();
  void newRequested();

 private:
  QWidget* buildPatientBox();
  QWidget* buildChecklistBox();
  QWidget* buildInjectateBox();
  QWidget* buildDuringBox();
  QWidget* buildAfterBox();
  void addInjectate();
  void refreshInjectateList();
  void refreshSummary();

  procedure::DrugCatalog m_catalog;
  std::vector<procedure::InjectateComponent> m_injectate;
  QLineEdit* m_patient;
  QLineEdit* m_operator;
  QComboBox* m_type;
  QComboBox* m_side;
  std::map<procedure::ChecklistItem, QCheckBox*> m_checks;
  QComboBox* m_drug;
  QDoubleSpinBox* m_dose;
  QDoubleSpinBox* m_volume;
  QListWidget* m_injectateList;
  QSpinBox* m_gauge;
  QDoubleSpinBox* m_needleLength;
  QSpinBox* m_painBefore;
  QLabel* m_live;
  QLabel* m_summary;
  QPushButton* m_inject;
  QLabel* m_thumbnail;  ///< The last key image, small.
  QSpinBox* m_painAfter;
  QSpinBox* m_painLater;
  QDoubleSpinBox* m_laterDays;
  QLabel* m_relief;
  std::map<procedure::Complication, QCheckBox*> m_complications;
  QLineEdit* m_otherComplication;
  QLabel* m_message;
  procedure::Procedure m_shown;  ///< The record last shown (for its key images and measurements).
};

}  // namespace hipguide::app
