#pragma once
/// Procedure mode in the main window: the procedure form as a dock, wired to guidance, key
/// images, the recording and the database.

#include <hipguide/procedure/Procedure.h>

#include <QDockWidget>

#include <filesystem>

namespace hipguide::guidance {
struct GuidedFrame;
}

namespace hipguide::app {

class MainWindow;
class ProcedurePanel;

/// Owns the procedure being documented and its ProcedurePanel. Choosing a type sets the
/// guidance target and watched structures (procedure::guidanceTargetFor); each guided frame
/// updates the live tip-to-target line and the minimum clearances; "Key image" (or the
/// toolbar's S key) adds the image view with its overlays and measurements; "Mark injection"
/// stamps the time (and a bookmark in the recording) and captures a key image; Save stores
/// the record in the workstation database (TrainingMode::databaseFile()); Report writes the PDF
/// and the DICOM key images. GUI thread only; a child of the MainWindow.
class ProcedureDock : public QDockWidget {
  Q_OBJECT
 public:
  explicit ProcedureDock(MainWindow& window);

  ProcedurePanel* panel() const { return m_panel; }
  /// The record as documented so far (form fields applied).
  procedure::Procedure record() const;
  /// Adds a key image of the current view; false with the reason shown when there is no frame.
  bool captureKeyImage(bool atInjection = false);
  /// Marks the injection now; false with the reason shown (open checklist, no injectate).
  bool markInjection();
  /// Stores the record; false with the reason shown.
  bool save();
  /// Saves, then writes the PDF to `pdf` and the DICOM key images to `<pdf stem>-dicom/`.
  bool writeReport(const std::filesystem::path& pdf);

 private:
  void applyTarget();
  void onGuidedFrame(const guidance::GuidedFrame& guided);
  void startNew();

  MainWindow& m_window;
  ProcedurePanel* m_panel;
  procedure::Procedure m_record;
};

}  // namespace hipguide::app
