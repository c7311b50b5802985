#include <hipguide/app/MainWindow.h>
#include <hipguide/app/TrainingDebrief.h>
#include <hipguide/app/TrainingMode.h>
#include <hipguide/app/TrainingPanel.h>
#include <hipguide/app/VtkHostWidget.h>
#include <hipguide/app/Workstation.h>
#include <hipguide/training/TrainingHistory.h>

#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTest>

#include <gtest/gtest.h>

#include <cstdlib>

#include "../TestData.h"
#include "../acquisition/IgtlTestPeer.h"
#include "../training/TrackedPoses.h"

#include <hipguide/training/TraineeControls.h>

using namespace hipguide;
using namespace hipguide::app;

namespace {

/// Where to save screenshots for docs/screenshots ($HIPGUIDE_TRAINING_SCREENSHOTS), or empty.
QString screenshotFolder() {
  const char* folder = std::getenv("HIPGUIDE_TRAINING_SCREENSHOTS");
  return folder ? QString::fromUtf8(folder) : QString();
}

/// Waits until the attempt's world is built and frames flow (the attempt clock runs).
bool waitForAttemptRunning(TrainingMode& training, int timeoutMs = 120000) {
  bool started = false;
  QObject::connect(&training, &TrainingMode::attemptStarted, [&] { started = true; });
  return QTest::qWaitFor([&] { return started; }, timeoutMs);
}

}  // namespace

TEST(TrainingMode, AutopilotAttemptEndsInADebriefAndIsStored) {
  const auto folder = test::freshTempDir();
  MainWindow window;
  window.resize(1600, 950);
  window.show();
  TrainingMode& training = *window.trainingMode();
  training.setDatabaseFile(QString::fromStdString((folder / "training.db").string()));
  training.setSpeed(2.0);
  ASSERT_TRUE(training.startAttempt("anterior-hip", true));
  ASSERT_TRUE(waitForAttemptRunning(training));
  const auto* live = training.panel()->findChild<QLabel*>("liveScores");
  ASSERT_NE(live, nullptr);
  // About half way (6 s at double speed; later on a loaded machine) the needle is in.
  EXPECT_TRUE(QTest::qWaitFor(
      [&] { return live->text().contains("Tip to target") && !live->text().contains("needle out"); }, 30000))
      << live->text().toStdString();
  if (!screenshotFolder().isEmpty()) {
    QString error;
    EXPECT_TRUE(saveScreenshot(window, screenshotFolder() + "/training-attempt.png", &error))
        << error.toStdString();
  }
  ASSERT_TRUE(QTest::qWaitFor([&] { return training.lastResult() != nullptr; }, 60000));
  const training::AttemptResult& result = *training.lastResult();
  EXPECT_EQ(result.driver, "autopilot");
  EXPECT_EQ(result.scores.punctures, 1);
  EXPECT_LT(*result.scores.finalTipToTargetMm, 3.0);
  EXPECT_FALSE(result.recording.empty());

  TrainingDebrief* debrief = training.debrief();
  ASSERT_NE(debrief, nullptr);
  EXPECT_TRUE(debrief->isVisible());
  const auto* criteria = debrief->findChild<QTableWidget*>("criteriaTable");
  ASSERT_NE(criteria, nullptr);
  EXPECT_EQ(criteria->rowCount(), static_cast<int>(result.verdict.criteria.size()));
  EXPECT_EQ(debrief->findChildren<QLabel*>("chart").size(), 3);
  EXPECT_TRUE(debrief->findChild<QPushButton*>("replayButton")->isEnabled());
  auto* path3d = debrief->findChild<VtkHostWidget*>("path3d");
  ASSERT_NE(path3d, nullptr);
  QTest::qWait(500);
  const QImage view = path3d->grabFramebuffer();
  int orange = 0;  // the tip path's tube
  for (int y = 0; y < view.height(); ++y)
    for (int x = 0; x < view.width(); ++x) {
      const QColor pixel = view.pixelColor(x, y);
      orange += pixel.red() > 180 && pixel.green() > 70 && pixel.green() < 160 && pixel.blue() < 60 ? 1 : 0;
    }
  EXPECT_GT(orange, 20);
  const QString pdf = QString::fromStdString((folder / "debrief.pdf").string());
  EXPECT_TRUE(debrief->exportPdf(pdf));
  EXPECT_GT(std::filesystem::file_size(pdf.toStdString()), 10000u);
  if (!screenshotFolder().isEmpty()) {
    EXPECT_TRUE(QTest::qWaitFor([&] { return debrief->hasAnatomy(); }, 90000));
    QTest::qWait(500);
    EXPECT_TRUE(grabWithScenes(*debrief).save(screenshotFolder() + "/training-debrief.png"));
  }
  const training::TrainingHistory history = training::TrainingHistory::open(folder / "training.db");
  EXPECT_EQ(history.attempts().size(), 1u)
      << training.panel()->findChild<QLabel*>("trainingStatus")->text().toStdString();
  debrief->close();
}

TEST(TrainingMode, KeysDriveTheNeedle) {
  const auto folder = test::freshTempDir();
  MainWindow window;
  window.resize(1400, 900);
  window.show();
  window.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
  TrainingMode& training = *window.trainingMode();
  training.setDatabaseFile(QString::fromStdString((folder / "training.db").string()));
  ASSERT_TRUE(training.startAttempt("anterior-hip", false));
  ASSERT_TRUE(waitForAttemptRunning(training));
  for (int press = 0; press < 25; ++press) {
    QTest::keyClick(&window, Qt::Key_Up);  // advance 1 mm
    QTest::qWait(20);
  }
  QTest::keyClick(&window, Qt::Key_PageUp);  // 1° steeper: below the redirection threshold
  QTest::qWait(200);
  training.finishAttempt();
  ASSERT_NE(training.lastResult(), nullptr);
  const training::AttemptResult& result = *training.lastResult();
  EXPECT_EQ(result.driver, "manual");
  EXPECT_EQ(result.scores.punctures, 1);
  EXPECT_EQ(result.scores.redirections, 0);
  ASSERT_FALSE(result.trace.samples.empty());
  EXPECT_NEAR(result.trace.samples.back().insertionMm, 25.0, 1e-9);
  if (training.debrief()) training.debrief()->close();
}

/// "Drive: OpenIGTLink tracker": a real libopenigtlink server sends the probe and a needle
/// advancing along the plan; the panel shows the tracking state and the attempt is the tracker's.
TEST(TrainingMode, ATrackerDrivesTheSimulatedNeedle) {
  const auto world = training::buildTrainingWorld("anterior-hip", 1);  // the attempt's plan (seed 1)
  const acquisition::Scenario::Plan& plan = world->scenario.plan();
  test::IgtlTestServer server;
  ASSERT_TRUE(server.ok());
  const auto folder = test::freshTempDir();
  MainWindow window;
  window.resize(1600, 950);
  window.show();
  TrainingMode& training = *window.trainingMode();
  training.setDatabaseFile(QString::fromStdString((folder / "training.db").string()));
  training.panel()->setTrackerAddress(QStringLiteral("127.0.0.1:%1").arg(server.port()));
  ASSERT_TRUE(training.startAttempt("anterior-hip", false));
  ASSERT_TRUE(server.waitForClient(10000));
  ASSERT_TRUE(waitForAttemptRunning(training));
  const auto* status = training.panel()->findChild<QLabel*>("trainingStatus");
  ASSERT_TRUE(QTest::qWaitFor([&] { return status->text().contains("no transforms"); }, 5000))
      << status->text().toStdString();

  double probe[16], needle[16];
  test::rowMajorOf(training::TraineeControls(plan, world->volume).probePose(), probe);
  const core::Vec3 direction = plan.needle.direction.normalized();
  core::Vec3 tip{0, 0, 0};
  for (int step = 0; step <= 60; ++step) {  // 30 mm in 1.2 s, from 5 mm outside the skin
    tip = plan.needle.entryMm + (step * 0.5 - 5.0) * direction;
    test::rowMajorOf(test::needlePoseAt(tip, direction), needle);
    server.send(test::packMatrix("ProbeToReference", probe, test::wallNowNs()));
    server.send(test::packMatrix("NeedleToReference", needle, test::wallNowNs()));
    QTest::qWait(20);
  }
  // The tool holds still at the last pose and the tracker keeps sending it (poses older than
  // 250 ms count as a frozen tool) until the panel shows the final depth, however long a
  // loaded machine takes to catch up.
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        server.send(test::packMatrix("ProbeToReference", probe, test::wallNowNs()));
        server.send(test::packMatrix("NeedleToReference", needle, test::wallNowNs()));
        const QRegularExpressionMatch depth =
            QRegularExpression("tracking: probe tracked; needle in ([0-9.]+) mm").match(status->text());
        return depth.hasMatch() && std::abs(depth.captured(1).toDouble() - 25.0) < 0.8;
      },
      5000))
      << status->text().toStdString();
  if (!screenshotFolder().isEmpty()) {
    QString error;
    EXPECT_TRUE(saveScreenshot(window, screenshotFolder() + "/training-tracker-drive.png", &error))
        << error.toStdString();
  }
  training.finishAttempt();
  ASSERT_NE(training.lastResult(), nullptr);
  const training::AttemptResult& result = *training.lastResult();
  EXPECT_EQ(result.driver, "tracker");
  EXPECT_EQ(result.scores.punctures, 1);
  ASSERT_FALSE(result.trace.samples.empty());
  // The needle froze at the last pose a 20 Hz tick saw: the last one sent, or the one before.
  EXPECT_LT((result.trace.samples.back().tipMm - tip).norm(), 0.51);
  EXPECT_NEAR(result.trace.samples.back().insertionMm, 25.0, 0.8);
  if (training.debrief()) training.debrief()->close();
}
