#include <hipguide/app/GuidanceController.h>
#include <hipguide/app/MainWindow.h>
#include <hipguide/app/ProcedureDock.h>
#include <hipguide/app/ProcedurePanel.h>
#include <hipguide/app/TrainingMode.h>
#include <hipguide/app/VtkHostWidget.h>
#include <hipguide/procedure/ProcedureGuidance.h>

#include "CommandOutput.h"
#include "TestData.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

#include <gtest/gtest.h>

using namespace hipguide;

namespace {

/// Saves a grab of the window when HIPGUIDE_SCREENSHOT_DIR is set (docs/screenshots).
void screenshot(QWidget& window, const char* name) {
  const QByteArray dir = qgetenv("HIPGUIDE_SCREENSHOT_DIR");
  if (!dir.isEmpty()) app::grabWithScenes(window).save(QString::fromUtf8(dir) + "/" + name);
}

template <typename T>
T* child(QWidget& parent, const char* name) {
  T* found = parent.findChild<T*>(name);
  EXPECT_NE(found, nullptr) << name;
  return found;
}

/// The procedure mode end to end on the simulated probe: form, target, key images, injection,
/// save, report and DICOM.
TEST(ProcedureGui, DocumentsAProcedureOnTheSimulatedProbe) {
  const auto dir = test::freshTempDir();
  app::MainWindow window;
  window.resize(1600, 1000);
  window.trainingMode()->setDatabaseFile(QString::fromStdString((dir / "hipguide.db").string()));
  window.show();
  ASSERT_TRUE(window.openSource("sim", 20.0));
  app::ProcedureDock& dock = *window.procedureDock();
  dock.show();
  app::ProcedurePanel& panel = *dock.panel();

  child<QLineEdit>(panel, "procedurePatient")->setText("GUI-0042");
  child<QLineEdit>(panel, "procedureOperator")->setText("Dr. Screen");
  for (const auto& info : procedure::checklistItems())
    child<QCheckBox>(panel, ("check-" + info.id).c_str())->setChecked(true);
  auto* drug = child<QComboBox>(panel, "procedureDrug");
  drug->setCurrentIndex(0);  // lidocaine
  child<QPushButton>(panel, "procedureAddDrug")->click();
  drug->setCurrentIndex(drug->findText("Triamcinolone acetonide 40 mg/mL"));
  child<QPushButton>(panel, "procedureAddDrug")->click();
  child<QSpinBox>(panel, "procedurePainBefore")->setValue(7);
  EXPECT_TRUE(child<QPushButton>(panel, "procedureInject")->isEnabled());

  QTest::qWait(3000);  // frames and guidance on screen
  screenshot(window, "procedure-checklist.png");

  // The anatomy arrives, the procedure's target is applied, the needle comes near it.
  app::GuidanceController& guidance = *window.guidanceController();
  ASSERT_TRUE(QTest::qWaitFor([&] { return guidance.anatomy().has_value(); }, 60000));
  const auto target =
      procedure::guidanceTargetFor(procedure::ProcedureType::IntraArticular, *guidance.anatomy());
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        const auto* latest = guidance.latest();
        return latest && latest->guidance.targetMm &&
               (*latest->guidance.targetMm - target.pointMm).norm() < 1e-6 &&
               latest->guidance.tipToTargetMm && *latest->guidance.tipToTargetMm < 6.0;
      },
      90000))
      << "the needle never came within 6 mm of the anterior recess";

  EXPECT_TRUE(dock.captureKeyImage());
  ASSERT_TRUE(dock.markInjection());
  const procedure::Procedure record = dock.record();
  EXPECT_EQ(record.keyImages.size(), 2u);
  EXPECT_TRUE(record.keyImages.back().atInjection);
  ASSERT_TRUE(record.tipToTargetAtInjectionMm);
  EXPECT_LT(*record.tipToTargetAtInjectionMm, 6.0);
  QTest::qWait(300);  // let the views repaint
  screenshot(window, "procedure-capture.png");

  child<QSpinBox>(panel, "procedurePainAfter")->setValue(2);
  child<QCheckBox>(panel, "complication-bruising")->setChecked(true);
  const auto pdf = dir / "report.pdf";
  ASSERT_TRUE(dock.writeReport(pdf));
  const auto text = test::runCommand("pdftotext '" + pdf.string() + "' -").text;
  EXPECT_NE(text.find("GUI-0042"), std::string::npos);
  EXPECT_NE(text.find("Bruising"), std::string::npos);
  EXPECT_NE(text.find("71 %"), std::string::npos) << "relief (7 -> 2) missing";
  EXPECT_TRUE(std::filesystem::exists(dir / "report-dicom" / "keyimage-2.dcm"));
  const QByteArray shots = qgetenv("HIPGUIDE_SCREENSHOT_DIR");
  if (!shots.isEmpty())
    std::filesystem::copy_file(pdf, shots.toStdString() + "/procedure-report.pdf",
                               std::filesystem::copy_options::overwrite_existing);

  // Choosing another type moves the guidance target.
  auto* type = child<QComboBox>(panel, "procedureType");
  type->setCurrentIndex(type->findData("iliopsoas"));
  const auto iliopsoas =
      procedure::guidanceTargetFor(procedure::ProcedureType::Iliopsoas, *guidance.anatomy());
  EXPECT_TRUE(QTest::qWaitFor(
      [&] {
        const auto* latest = guidance.latest();
        return latest && latest->guidance.targetMm &&
               (*latest->guidance.targetMm - iliopsoas.pointMm).norm() < 1e-6;
      },
      10000));
}

}  // namespace
