#include <hipguide/app/MainWindow.h>
#include <hipguide/app/VtkHostWidget.h>
#include <hipguide/app/Workstation.h>
#include <hipguide/core/Logging.h>

#include <QApplication>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace hipguide::app {

bool saveScreenshot(MainWindow& window, const QString& path, QString* error) {
  const QPixmap shot = grabWithScenes(window);
  if (shot.isNull() || !shot.save(path, "PNG")) {
    if (error) *error = QStringLiteral("cannot write screenshot '%1'").arg(path);
    return false;
  }
  return true;
}

int runWorkstation(const AppOptions& options) {
  MainWindow window;
  window.show();
  window.setAnatomyFolder(options.anatomyFolder);
  const bool opened = window.openSource(options.source, options.framesPerSecond);
  if (options.sharePort && !window.setSharing(true, *options.sharePort) && options.quitAfterSeconds) return 1;
  if (!opened && options.quitAfterSeconds) return 1;

  int exitCode = 0;
  if (options.quitAfterSeconds) {
    QTimer::singleShot(static_cast<int>(*options.quitAfterSeconds * 1000.0), &window, [&] {
      QString error;
      if (!options.screenshotPath.isEmpty() && !saveScreenshot(window, options.screenshotPath, &error))
        exitCode = 1;
      if (!options.statsPath.isEmpty() &&
          !DisplayStats::writeJson(window.statsSummary(), options.statsPath, &error))
        exitCode = 1;
      if (exitCode != 0) std::fprintf(stderr, "hipguide: %s\n", qPrintable(error));
      window.close();
      QApplication::quit();
    });
  }
  const int loopCode = QApplication::exec();
  return exitCode != 0 ? exitCode : loopCode;
}

}  // namespace hipguide::app
