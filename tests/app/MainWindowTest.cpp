#include <hipguide/acquisition/IgtlClientSettings.h>
#include <hipguide/acquisition/ScenarioSequence.h>
#include <hipguide/app/FramePump.h>
#include <hipguide/app/GuidanceController.h>
#include <hipguide/app/ImageView.h>
#include <hipguide/app/MainWindow.h>
#include <hipguide/app/RecordingController.h>
#include <hipguide/app/VtkHostWidget.h>
#include <hipguide/session/EventLog.h>

#include <QLabel>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTest>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <memory>

#include "../RecordingWithEstimates.h"
#include "../TestData.h"

using namespace hipguide::app;

namespace {

/// Waits (processing events) until the window has shown at least `frames` frames.
bool waitForFramesShown(MainWindow& window, std::uint64_t frames, int timeoutMs = 10000) {
  return QTest::qWaitFor([&] { return window.statsSummary().framesShown >= frames; }, timeoutMs);
}

/// Fraction of pixels in an image that differ clearly from a background colour.
double fractionNotBackground(const QImage& image, QColor background) {
  if (image.isNull()) return 0.0;
  std::size_t different = 0;
  for (int y = 0; y < image.height(); y += 2)
    for (int x = 0; x < image.width(); x += 2) {
      const QColor pixel = image.pixelColor(x, y);
      if (std::abs(pixel.red() - background.red()) + std::abs(pixel.green() - background.green()) +
              std::abs(pixel.blue() - background.blue()) >
          60)
        ++different;
    }
  return static_cast<double>(different) / ((image.width() / 2) * (image.height() / 2));
}

/// Opens the OpenIGTLink source `spec` (no server: it connects in the background) in `window`, with
/// `displayRangeDb` saved for it in the settings folder `dir`; false when it cannot be opened.
bool openIgtlWithDisplayRange(MainWindow& window, const std::filesystem::path& dir, const std::string& spec,
                              double displayRangeDb) {
  auto settings = hipguide::acquisition::igtlClientSettingsFor(hipguide::acquisition::parseSourceSpec(spec));
  settings.displayRangeDb = displayRangeDb;
  hipguide::acquisition::saveIgtlClientSettings(settings, dir);
  ::setenv("HIPGUIDE_SOURCE_SETTINGS_DIR", dir.c_str(), 1);
  const bool opened = window.openSource(QString::fromStdString(spec));
  ::unsetenv("HIPGUIDE_SOURCE_SETTINGS_DIR");
  return opened;
}

}  // namespace

TEST(MainWindow, ShowsLiveFramesFromTheTestPattern) {
  MainWindow window;
  window.show();
  ASSERT_TRUE(window.openSource("test-pattern", 30.0));
  ASSERT_TRUE(waitForFramesShown(window, 10));
  ASSERT_TRUE(window.imageView()->frame());
  EXPECT_EQ(window.imageView()->frame()->width, 640);
  const auto* state = window.statusBar()->findChild<QLabel*>("sourceState");
  ASSERT_NE(state, nullptr);
  // The status refreshes twice a second (later on a loaded machine).
  EXPECT_TRUE(QTest::qWaitFor([&] { return state->text().contains("streaming"); }, 10000))
      << state->text().toStdString();
  const QImage shown = window.imageView()->grab().toImage();
  EXPECT_GT(fractionNotBackground(shown, QColor(8, 9, 11)), 0.2);
  // No anatomy comes with the test pattern: the panel says so instead of "loading" for good.
  const auto* anatomy = window.findChild<QLabel*>("anatomyReadout");
  ASSERT_NE(anatomy, nullptr);
  EXPECT_TRUE(anatomy->text().contains("none")) << anatomy->text().toStdString();
}

TEST(MainWindow, ThreeDViewRendersTheImagePlaneAndFollowsTheMouse) {
  MainWindow window;
  window.resize(1400, 800);
  window.show();
  ASSERT_TRUE(window.openSource("test-pattern", 30.0));
  ASSERT_TRUE(waitForFramesShown(window, 10));
  QTest::qWait(300);
  VtkHostWidget* view = window.view3d();
  // The gradient background spans grey-blue; the textured plane adds black and bright pixels.
  // The native GL window may be exposed a little after the widget shows (a loaded machine).
  const auto darkPixels = [](const QImage& image) {
    std::size_t dark = 0;
    for (int y = 0; y < image.height(); y += 2)
      for (int x = 0; x < image.width(); x += 2)
        if (qGray(image.pixel(x, y)) < 12) ++dark;
    return dark;
  };
  QImage before;
  EXPECT_TRUE(QTest::qWaitFor(
      [&] {
        before = view->grabFramebuffer();
        return darkPixels(before) > 200u;
      },
      10000))
      << "no image plane drawn in the 3D view";

  const QPoint centre = view->rect().center();
  QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, centre);
  for (int step = 1; step <= 10; ++step) {
    QMouseEvent move(QEvent::MouseMove, QPointF(centre + QPoint(step * 15, step * 4)),
                     view->mapToGlobal(QPointF(centre + QPoint(step * 15, step * 4))), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view, &move);
  }
  QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, centre + QPoint(150, 40));
  EXPECT_TRUE(QTest::qWaitFor([&] { return view->grabFramebuffer() != before; }, 5000))
      << "dragging in the 3D view did not rotate the camera";
}

TEST(MainWindow, BadSourceIsReportedAndTheWindowStaysUsable) {
  MainWindow window;
  window.show();
  EXPECT_FALSE(window.openSource("igtl://:0"));
  EXPECT_TRUE(window.statusBar()->currentMessage().contains("Cannot open source"));
  EXPECT_TRUE(window.openSource("test-pattern", 30.0));
  EXPECT_TRUE(waitForFramesShown(window, 3));
}

TEST(MainWindow, TracksWithTheDynamicRangeSavedForTheSource) {
  MainWindow window;
  ASSERT_TRUE(openIgtlWithDisplayRange(window, hipguide::test::freshTempDir(), "igtl://127.0.0.1:18998", 90));
  EXPECT_EQ(window.guidanceController()->trackerConfig().tip.displayRangeDb, 90);
  ASSERT_TRUE(window.openSource("test-pattern", 30.0));
  EXPECT_EQ(window.guidanceController()->trackerConfig().tip.displayRangeDb,
            hipguide::tracking::TrackerConfig{}.tip.displayRangeDb);
}

TEST(MainWindow, AReplayIsTrackedWithTheDynamicRangeItWasRecordedWith) {
  const auto dir = hipguide::test::freshTempDir();
  MainWindow window;
  ASSERT_TRUE(openIgtlWithDisplayRange(window, dir, "igtl://127.0.0.1:18997", 110));
  window.recordingController()->setFolder(QString::fromStdString(dir.string()));
  ASSERT_TRUE(window.setRecording(true));
  const QString path = window.recordingController()->path();
  window.setRecording(false);
  const auto events =
      hipguide::session::readEventLog(std::filesystem::path(path.toStdString()) / "events.jsonl");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.front().kind, "settings");
  EXPECT_EQ(events.front().payload.value(hipguide::session::kTrackerDisplayRangeKey, 0.0), 110.0)
      << events.front().payload.dump();

  // No server sends images here, so that recording has no frame to replay: its settings event
  // goes into one that has frames.
  const auto replayed = dir / "replayed.hgrec";
  hipguide::test::writeRecordingWithEstimates(replayed);
  {
    std::ofstream sidecar(replayed / "events.jsonl", std::ios::app);
    sidecar << hipguide::session::toJson(events.front()).dump() << "\n";
  }
  ASSERT_TRUE(window.openSource(QString::fromStdString(replayed.string())));
  EXPECT_EQ(window.guidanceController()->trackerConfig().tip.displayRangeDb, 110);
}

TEST(MainWindow, AReplayWithoutCalibrationIsShownAtAMeasuredPixelSize) {
  // Frames shared as images (no calibration), as other groups share needle clips.
  const auto dir = hipguide::test::freshTempDir();
  hipguide::acquisition::ScenarioSequence scenario("anterior-hip", 1, 20.0);
  const double simulatedMm = scenario.render(0).frame.spacingMm.x();
  for (int i = 0; i < 3; ++i) {
    hipguide::core::Frame frame = scenario.render(300 + i).frame;
    QImage(frame.grey.data(), frame.width, frame.height, frame.width, QImage::Format_Grayscale8)
        .save(QString::fromStdString((dir / ("frame" + std::to_string(i + 1) + ".png")).string()));
  }
  MainWindow window;
  window.resize(1500, 900);
  window.show();
  ASSERT_TRUE(window.openSource(QString::fromStdString(dir.string())));
  const auto shownSpacing = [&] {
    const auto* guided = window.guidanceController()->latest();
    return guided && guided->frame ? guided->frame->spacingMm.x() : 0.0;
  };
  ASSERT_TRUE(QTest::qWaitFor([&] { return shownSpacing() == 1.0; }, 10000)) << "not calibrated";
  EXPECT_FALSE(window.setReplayPixelSizeMm(5.0));
  EXPECT_TRUE(window.statusBar()->currentMessage().contains("pixel size"))
      << window.statusBar()->currentMessage().toStdString();
  ASSERT_TRUE(window.setReplayPixelSizeMm(simulatedMm));
  EXPECT_TRUE(QTest::qWaitFor([&] { return std::abs(shownSpacing() - simulatedMm) < 1e-9; }, 10000))
      << "the held frame is shown again at the measured size";
  QTest::qWait(300);
  ASSERT_TRUE(window.grab().save(QString::fromStdString((dir / "replay-measured.png").string())));
  window.openSource("test-pattern", 30.0);
  EXPECT_FALSE(window.setReplayPixelSizeMm(simulatedMm)) << "nothing is replayed";
}

TEST(MainWindow, PersistsGeometryAndSplitterAcrossRuns) {
  QSettings().clear();
  // The windows of the other tests start from no saved geometry or split, whatever happens here.
  const std::shared_ptr<void> clearOnExit(nullptr, [](void*) { QSettings().clear(); });
  QList<int> savedSplit;
  {
    MainWindow window;
    window.resize(1111, 777);
    window.show();
    // Under load the X server may map the window late: close it only once it is shown at its size.
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.size() == QSize(1111, 777); }, 5000))
        << "size " << window.width() << "x" << window.height();
    auto* splitter = window.findChild<QSplitter*>();
    ASSERT_NE(splitter, nullptr);
    splitter->setSizes({300, 700});
    savedSplit = splitter->sizes();
    window.openSource("test-pattern", 30.0);
    QTest::qWait(50);
    window.close();
  }
  MainWindow reopened;
  reopened.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&reopened));
  EXPECT_EQ(reopened.findChild<QSplitter*>()->sizes(), savedSplit)
      << "the image and 3D views keep their split";
  EXPECT_EQ(reopened.size(), QSize(1111, 777)) << "restored " << reopened.width() << "x" << reopened.height();
  EXPECT_EQ(QSettings().value("source/last").toString(), "test-pattern");
}
