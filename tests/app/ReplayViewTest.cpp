/// Replay in the main window: scrubbing the timeline, and recorded versus re-run estimates.

#include <hipguide/app/FramePump.h>
#include <hipguide/app/ImageView.h>
#include <hipguide/app/MainWindow.h>
#include <hipguide/app/ReplayBar.h>
#include <hipguide/app/VtkHostWidget.h>
#include <hipguide/session/ReplayDriver.h>

#include <QSlider>
#include <QTest>

#include <gtest/gtest.h>

#include "RecordingWithEstimates.h"
#include "TestData.h"

using namespace hipguide;

namespace {

/// Pixels of the recorded-estimate orange (255, 150, 30) in an image.
int orangePixels(const QImage& image) {
  int count = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) {
      const QColor pixel = image.pixelColor(x, y);
      if (pixel.red() > 220 && pixel.green() > 110 && pixel.green() < 190 && pixel.blue() < 80) ++count;
    }
  return count;
}

bool showsFrame(app::MainWindow& window, std::uint64_t frameId) {
  return QTest::qWaitFor(
      [&] { return window.imageView()->frame() && window.imageView()->frame()->frameId == frameId; }, 5000);
}

}  // namespace

class ReplayView : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto folder =
        test::writeRecordingWithEstimates(test::freshTempDir() / "replay.hgrec", 20, 320, 240, 2.0);
    window.resize(1200, 800);
    window.show();
    ASSERT_TRUE(window.openSource(QString::fromStdString(folder.string())));
    replay = dynamic_cast<session::ReplayDriver*>(window.framePump()->driver());
    ASSERT_NE(replay, nullptr);
    replay->pause();
  }

  app::MainWindow window;
  session::ReplayDriver* replay = nullptr;
};

TEST_F(ReplayView, DraggingTheTimelineShowsThatFrame) {
  QSlider* slider = window.replayBar()->slider();
  ASSERT_EQ(slider->maximum(), 19);
  slider->setSliderDown(true);
  slider->setSliderPosition(13);  // what a drag does: sliderMoved → seek
  slider->setSliderDown(false);
  EXPECT_TRUE(showsFrame(window, 14)) << "frame index 13 has id 14";
  slider->setSliderDown(true);
  slider->setSliderPosition(2);
  slider->setSliderDown(false);
  EXPECT_TRUE(showsFrame(window, 3));
}

TEST_F(ReplayView, ShowsRecordedEstimatesBesideTheRerunTrackerOnlyWhenAsked) {
  replay->seekToFrame(9);  // id 10: a recorded estimate with its tip at (30, 40) mm
  ASSERT_TRUE(showsFrame(window, 10));
  window.replayBar()->setEstimates(app::ReplayEstimates::Both);
  window.imageView()->update();
  QTest::qWait(100);
  const QImage both = app::grabWithScenes(window).toImage();
  both.save(QString::fromStdString((test::freshTempDir() / "replay-both.png").string()));
  const int withRecorded = orangePixels(window.imageView()->grab().toImage());
  window.replayBar()->setEstimates(app::ReplayEstimates::Rerun);
  window.imageView()->update();
  QTest::qWait(100);
  const int rerunOnly = orangePixels(window.imageView()->grab().toImage());
  EXPECT_GT(withRecorded, 200) << "the dashed orange shaft and tip ring are drawn";
  EXPECT_LT(rerunOnly, 20);
  replay->seekToFrame(8);  // id 9: nothing recorded
  ASSERT_TRUE(showsFrame(window, 9));
  window.replayBar()->setEstimates(app::ReplayEstimates::Recorded);
  window.imageView()->update();
  QTest::qWait(100);
  EXPECT_LT(orangePixels(window.imageView()->grab().toImage()), 20);
}
