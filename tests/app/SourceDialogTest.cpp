#include <hipguide/acquisition/IgtlClientSettings.h>
#include <hipguide/acquisition/SourceSpec.h>
#include <hipguide/acquisition/VideoGrabberSettings.h>
#include <hipguide/app/DepthTickCalibrator.h>
#include <hipguide/app/SourceDialog.h>
#include <hipguide/app/SourceTrackerConfig.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <gtest/gtest.h>

#include "../TestData.h"

using namespace hipguide;
using app::SourceDialog;

TEST(SourceDialog, SavesOpenIgtlinkSettingsPerServerAndReturnsTheSpec) {
  const auto dir = test::freshTempDir();
  {
    SourceDialog dialog("igtl://127.0.0.1:18999", dir);
    dialog.findChild<QLineEdit*>("igtlImageDevice")->setText("Image_Reference");
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_EQ(dialog.spec(), "igtl://127.0.0.1:18999");
  }
  const auto saved =
      acquisition::loadIgtlClientSettings(acquisition::parseSourceSpec("igtl://127.0.0.1:18999"), dir);
  EXPECT_EQ(saved.imageDevice, "Image_Reference");
  SourceDialog reopened("igtl://127.0.0.1:18999", dir);
  bool shown = false;
  for (QLineEdit* edit : reopened.findChildren<QLineEdit*>())
    shown = shown || edit->text() == "Image_Reference";
  EXPECT_TRUE(shown) << "settings of the server are loaded when the dialog opens on it";
}

TEST(SourceDialog, SavesFrameGrabberCropAndCalibration) {
  const auto dir = test::freshTempDir();
  SourceDialog dialog("video:/dev/video7", dir);
  dialog.findChild<QDoubleSpinBox*>("mmPerPixel")->setValue(0.125);
  dialog.show();
  ASSERT_TRUE(dialog.grab().save(QString::fromStdString((dir / "source-dialog.png").string())));
  dialog.findChild<QSpinBox*>("cropX")->setValue(10);
  dialog.findChild<QSpinBox*>("cropY")->setValue(20);
  dialog.findChild<QSpinBox*>("cropWidth")->setValue(300);
  dialog.findChild<QSpinBox*>("cropHeight")->setValue(200);
  dialog.accept();
  ASSERT_EQ(dialog.spec(), "video:/dev/video7");
  const auto saved =
      acquisition::loadVideoGrabberSettings(acquisition::parseSourceSpec("video:/dev/video7"), dir);
  EXPECT_DOUBLE_EQ(saved.mmPerPixel, 0.125);
  EXPECT_EQ(saved.crop, (acquisition::CropRect{10, 20, 300, 200}));
}

TEST(SourceDialog, TheScannersDynamicRangeReachesTheTracker) {
  const auto dir = test::freshTempDir();
  const auto video = acquisition::parseSourceSpec("video:/dev/video7");
  const auto igtl = acquisition::parseSourceSpec("igtl://127.0.0.1:18999");
  const double assumedDb = tracking::TrackerConfig{}.tip.displayRangeDb;
  EXPECT_EQ(app::trackerConfigForSource(video, dir).tip.displayRangeDb, assumedDb) << "nothing saved yet";
  {
    SourceDialog dialog("video:/dev/video7", dir);
    auto* range = dialog.findChild<QSpinBox*>("videoDisplayRange");
    ASSERT_NE(range, nullptr);
    EXPECT_EQ(range->value(), 0);
    EXPECT_EQ(range->text(), range->specialValueText()) << "shows that the range is not known";
    range->setValue(100);
    dialog.show();
    ASSERT_TRUE(dialog.grab().save(QString::fromStdString((dir / "source-dialog-video.png").string())));
    dialog.accept();
    ASSERT_EQ(dialog.result(), QDialog::Accepted);
  }
  {
    SourceDialog dialog("igtl://127.0.0.1:18999", dir);
    dialog.findChild<QSpinBox*>("igtlDisplayRange")->setValue(80);
    dialog.accept();
    ASSERT_EQ(dialog.result(), QDialog::Accepted);
  }
  EXPECT_EQ(app::trackerConfigForSource(video, dir).tip.displayRangeDb, 100);
  EXPECT_EQ(app::trackerConfigForSource(igtl, dir).tip.displayRangeDb, 80);
  EXPECT_EQ(app::trackerConfigForSource(acquisition::parseSourceSpec("sim"), dir).tip.displayRangeDb,
            assumedDb);
  SourceDialog reopened("video:/dev/video7", dir);
  EXPECT_EQ(reopened.findChild<QSpinBox*>("videoDisplayRange")->value(), 100);

  SourceDialog wrong("video:/dev/video7", dir);
  wrong.findChild<QSpinBox*>("videoDisplayRange")->setValue(10);
  wrong.accept();
  EXPECT_NE(wrong.result(), QDialog::Accepted);
  EXPECT_TRUE(wrong.findChild<QLabel*>("sourceError")->text().contains("20 to 150 dB"));
}

TEST(SourceDialog, KeepsItselfOpenAndSaysWhyWhenTheEntryIsInvalid) {
  const auto dir = test::freshTempDir();
  SourceDialog dialog("video:/dev/video7", dir);
  dialog.findChild<QLineEdit*>("videoDevice")->setText("");
  dialog.accept();
  EXPECT_NE(dialog.result(), QDialog::Accepted);
  EXPECT_FALSE(dialog.findChild<QLabel*>("sourceError")->text().isEmpty());
}

TEST(SourceDialog, ARecordingOfAnyKindBecomesTheSpec) {
  const auto dir = test::freshTempDir();
  SourceDialog dialog("IM_0001.dcm", dir);
  EXPECT_EQ(dialog.findChild<QLineEdit*>("recordingPath")->text(), "IM_0001.dcm");
  dialog.findChild<QLineEdit*>("recordingPath")->clear();
  EXPECT_TRUE(dialog.findChild<QLineEdit*>("recordingPath")->placeholderText().contains("DICOM cine"))
      << "the page says which recordings it opens";
  dialog.show();
  ASSERT_TRUE(dialog.grab().save(QString::fromStdString((dir / "source-dialog-recording.png").string())));
  dialog.findChild<QLineEdit*>("recordingPath")->setText("frames/");  // a folder of images
  dialog.accept();
  EXPECT_EQ(dialog.spec(), "frames/");
}

TEST(SourceDialog, SimulatorScenarioBecomesTheSpec) {
  SourceDialog dialog("sim:vessel-risk", test::freshTempDir());
  dialog.accept();
  EXPECT_EQ(dialog.spec(), "sim:vessel-risk");
}

TEST(DepthTickCalibrator, TwoTicksAndTheirDistanceGiveThePixelSize) {
  QImage frame(200, 300, QImage::Format_Grayscale8);
  frame.fill(40);
  app::DepthTickCalibrator calibrator(frame);
  EXPECT_FALSE(calibrator.mmPerPixel());
  calibrator.markTick({180, 20});
  calibrator.markTick({180, 220});  // 200 px apart; the default distance is 50 mm
  calibrator.show();
  ASSERT_TRUE(calibrator.grab().save(
      QString::fromStdString((test::freshTempDir() / "depth-tick-calibrator.png").string())));
  ASSERT_TRUE(calibrator.mmPerPixel());
  EXPECT_NEAR(*calibrator.mmPerPixel(), 0.25, 1e-9);
  calibrator.markTick({10, 10});  // a third click starts again
  EXPECT_FALSE(calibrator.mmPerPixel());
}
