#pragma once
/// Runs the workstation: main window, source, timed quit, screenshot and stats.

#include <hipguide/app/AppOptions.h>

#include <QString>

namespace hipguide::app {

class MainWindow;

/// Shows the main window on the options' source and runs the event loop; with
/// `quitAfterSeconds` it quits by itself, first writing the screenshot and the stats.
/// Returns the exit code (1 when the source cannot be opened in a timed run, or a file
/// cannot be written). Needs a QApplication.
int runWorkstation(const AppOptions& options);

/// Saves the window (both views, overlays included) as PNG; false with a message on failure.
bool saveScreenshot(MainWindow& window, const QString& path, QString* error);

}  // namespace hipguide::app
