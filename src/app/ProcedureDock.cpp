#include <hipguide/app/ProcedureDock.h>

#include <hipguide/app/GuidanceController.h>
#include <hipguide/app/ImageView.h>
#include <hipguide/app/MainWindow.h>
#include <hipguide/app/ProcedurePanel.h>
#include <hipguide/app/RecordingController.h>
#include <hipguide/app/TrainingMode.h>
#include <hipguide/core/Logging.h>
#include <hipguide/procedure/DicomExport.h>
#include <hipguide/procedure/KeyImageCapture.h>
#include <hipguide/procedure/ProcedureGuidance.h>
#include <hipguide/procedure/ProcedureReport.h>
#include <hipguide/procedure/ProcedureSchema.h>
#include <hipguide/procedure/ProcedureStore.h>

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QScrollArea>
#include <QStandardPaths>

namespace hipguide::app {
namespace {

/// The clinic's drug list: drugs.json in the application's configuration folder when present
/// (docs/procedure-record.md), else the built-in list.
procedure::DrugCatalog loadDrugCatalog() {
  const QString file = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + "/drugs.json";
  try {
    if (QFileInfo::exists(file)) return procedure::DrugCatalog::load(file.toStdString());
  } catch (const std::exception& error) {
    core::logger("app")->warn("drug list: {}; using the built-in list", error.what());
  }
  return procedure::DrugCatalog::defaults();
}

std::optional<double> smaller(std::optional<double> a, std::optional<double> b) {
  if (a && b) return std::min(*a, *b);
  return a ? a : b;
}

}  // namespace

ProcedureDock::ProcedureDock(MainWindow& window)
    : QDockWidget(tr("Procedure"), &window),
      m_window(window),
      m_panel(new ProcedurePanel(loadDrugCatalog())) {
  setObjectName("procedureDock");
  auto* scroll = new QScrollArea;
  scroll->setWidget(m_panel);
  scroll->setWidgetResizable(true);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setMinimumWidth(m_panel->sizeHint().width() + 20);
  setWidget(scroll);
  window.addDockWidget(Qt::RightDockWidgetArea, this);
  hide();
  startNew();

  GuidanceController* guidance = window.guidanceController();
  connect(guidance, &GuidanceController::guidedFrame, this, &ProcedureDock::onGuidedFrame);
  connect(guidance, &GuidanceController::anatomyReady, this, &ProcedureDock::applyTarget);
  connect(m_panel, &ProcedurePanel::typeChanged, this, [this] {
    m_panel->applyTo(m_record);
    const procedure::ProcedureTypeInfo& info = procedure::procedureTypeInfo(m_record.type);
    m_record.needle = info.usualNeedle;
    m_record.aftercare = info.defaultAftercare;
    m_panel->display(m_record);
    applyTarget();
  });
  connect(m_panel, &ProcedurePanel::captureRequested, this, [this] { captureKeyImage(); });
  connect(m_panel, &ProcedurePanel::injectionRequested, this, &ProcedureDock::markInjection);
  connect(m_panel, &ProcedurePanel::saveRequested, this, &ProcedureDock::save);
  connect(m_panel, &ProcedurePanel::newRequested, this, &ProcedureDock::startNew);
  connect(m_panel, &ProcedurePanel::reportRequested, this, [this] {
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Procedure report"), QDir::homePath() + "/HipGuide/procedure-report.pdf", tr("PDF (*.pdf)"));
    if (!file.isEmpty()) writeReport(file.toStdString());
  });
  if (QAction* snapshot = window.findChild<QAction*>("snapshotAction"))
    connect(snapshot, &QAction::triggered, this, [this] {
      if (isVisible()) captureKeyImage();
    });
}

procedure::Procedure ProcedureDock::record() const {
  procedure::Procedure current = m_record;
  m_panel->applyTo(current);
  return current;
}

void ProcedureDock::startNew() {
  const procedure::Procedure previous = m_record;
  m_record = procedure::newProcedure(procedure::ProcedureType::IntraArticular, procedure::Side::Right, "",
                                     previous.operatorName);
  m_panel->display(m_record);
  m_panel->showMessage(tr("New procedure: enter the patient ID and tick the checklist."));
  applyTarget();
}

void ProcedureDock::applyTarget() {
  const auto& anatomy = m_window.guidanceController()->anatomy();
  if (!anatomy) return;
  try {
    m_window.guidanceController()->setTarget(procedure::guidanceTargetFor(record().type, *anatomy));
  } catch (const std::exception& error) {
    m_panel->showMessage(QString::fromUtf8(error.what()), true);
  }
}

void ProcedureDock::onGuidedFrame(const guidance::GuidedFrame& guided) {
  const auto& state = guided.guidance;
  m_panel->showLive(state.tipToTargetMm ? tr("Tip to target %1 mm").arg(*state.tipToTargetMm, 0, 'f', 1)
                                        : tr("Tip to target: no needle"));
  const auto& anatomy = m_window.guidanceController()->anatomy();
  if (!anatomy || !state.estimate.detected) return;
  // The tip passes everywhere the shaft is: its smallest clearance is the insertion's.
  m_record.minVesselClearanceMm = smaller(
      m_record.minVesselClearanceMm,
      procedure::nearestClearanceMm(state.tipClearances, anatomy->table(), anatomy::TissueRole::Vessel));
  m_record.minNerveClearanceMm = smaller(
      m_record.minNerveClearanceMm,
      procedure::nearestClearanceMm(state.tipClearances, anatomy->table(), anatomy::TissueRole::Nerve));
}

bool ProcedureDock::captureKeyImage(bool atInjection) {
  const guidance::GuidedFrame* guided = m_window.guidanceController()->latest();
  if (!guided || !guided->frame) {
    m_panel->showMessage(tr("No frame to capture yet."), true);
    return false;
  }
  const auto& anatomy = m_window.guidanceController()->anatomy();
  const anatomy::LabelTable table = anatomy ? anatomy->table() : anatomy::LabelTable::hipDefault();
  m_panel->applyTo(m_record);
  m_record.keyImages.push_back(procedure::makeKeyImage(procedure::renderGuidedFrame(*guided),
                                                       guided->guidance, table, guided->frame->spacingMm.x(),
                                                       atInjection));
  m_window.recordingController()->recordBookmark(guided->frame->frameId, guided->frame->deviceTimestampNs,
                                                 atInjection ? tr("injection") : tr("procedure key image"));
  m_panel->display(m_record);
  m_panel->showMessage(tr("Key image %1 captured.").arg(m_record.keyImages.size()));
  return true;
}

bool ProcedureDock::markInjection() {
  m_panel->applyTo(m_record);
  const guidance::GuidedFrame* guided = m_window.guidanceController()->latest();
  try {
    procedure::markInjection(m_record, QDateTime::currentDateTimeUtc(),
                             guided ? guided->guidance.tipToTargetMm : std::nullopt);
  } catch (const procedure::ProcedureError& error) {
    m_panel->showMessage(QString::fromUtf8(error.what()), true);
    return false;
  }
  if (m_window.recording()) m_record.recording = m_window.recordingController()->path().toStdString();
  if (guided) captureKeyImage(true);
  m_panel->display(m_record);
  return true;
}

bool ProcedureDock::save() {
  m_panel->applyTo(m_record);
  try {
    const auto database = records::Database::open(m_window.trainingMode()->databaseFile().toStdString(),
                                                  {procedure::procedureSchema()});
    procedure::ProcedureStore(database).save(m_record);
  } catch (const std::exception& error) {
    m_panel->showMessage(tr("Not saved: %1").arg(QString::fromUtf8(error.what())), true);
    return false;
  }
  m_panel->showMessage(tr("Saved as procedure %1.").arg(m_record.id));
  return true;
}

bool ProcedureDock::writeReport(const std::filesystem::path& pdf) {
  if (!save()) return false;
  try {
    procedure::writeProcedureReport(m_record, pdf);
    std::filesystem::path dicom = pdf;
    dicom.replace_extension();
    dicom += "-dicom";
    const auto files = m_record.keyImages.empty() ? std::vector<std::filesystem::path>{}
                                                  : procedure::exportKeyImagesDicom(m_record, dicom);
    m_panel->showMessage(tr("Report %1 written; %2 DICOM key images.")
                             .arg(QString::fromStdString(pdf.string()))
                             .arg(files.size()));
    return true;
  } catch (const std::exception& error) {
    m_panel->showMessage(tr("Report not written: %1").arg(QString::fromUtf8(error.what())), true);
    return false;
  }
}

}  // namespace hipguide::app
