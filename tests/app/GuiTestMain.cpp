/// GoogleTest main for widget tests: one QApplication (needs an X server: run under xvfb-run).

#include <hipguide/app/VtkHostWidget.h>

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  QStandardPaths::setTestModeEnabled(true);  // QSettings go to a test location.
  hipguide::app::setVtkCompatibleSurfaceFormat();
  QApplication application(argc, argv);
  QApplication::setOrganizationName("HipGuideTests");
  QApplication::setApplicationName("HipGuideTests");
  QSettings().clear();  // No run starts from the window geometry or split a previous run saved.
  return RUN_ALL_TESTS();
}
