#pragma once
/// The debrief of a training attempt: verdict per criterion, scores, plots over time, replay
/// and PDF export.

#include <hipguide/training/AttemptRunner.h>

#include <QDialog>

#include <memory>

namespace hipguide::render {
class AnatomySurfaces;
class NeedleTrail;
class Scene;
}  // namespace hipguide::render

namespace hipguide::app {

class VtkHostWidget;

/// Shows a finished attempt (a copy is kept): criteria, scores, plots, and the needle's tip path
/// and final shaft in 3D with the anatomy's surfaces (when given). "Replay" emits
/// replayRequested with the recording folder; "Export PDF..." writes the training report.
/// GUI thread.
class TrainingDebrief : public QDialog {
  Q_OBJECT
 public:
  TrainingDebrief(training::AttemptResult result, QString trainee,
                  std::shared_ptr<const render::AnatomySurfaces> surfaces, QWidget* parent = nullptr);
  ~TrainingDebrief() override;

  /// Writes the PDF report; false with a message box on failure.
  bool exportPdf(const QString& file);
  const training::AttemptResult& result() const { return m_result; }
  /// Shows the anatomy's surfaces around the needle path (they may arrive after the dialog).
  void setAnatomy(std::shared_ptr<const render::AnatomySurfaces> surfaces);
  bool hasAnatomy() const { return m_hasAnatomy; }

 signals:
  void replayRequested(const QString& recording);

 private:
  QWidget* buildTables();
  QWidget* buildCharts();
  QWidget* buildPath3d(std::shared_ptr<const render::AnatomySurfaces> surfaces);

  training::AttemptResult m_result;
  QString m_trainee;
  std::unique_ptr<render::Scene> m_scene;
  std::unique_ptr<render::NeedleTrail> m_trail;
  VtkHostWidget* m_view = nullptr;
  bool m_hasAnatomy = false;
};

}  // namespace hipguide::app
