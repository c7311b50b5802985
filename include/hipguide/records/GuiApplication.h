#pragma once
/// A QGuiApplication for headless programs (CLI commands, tests) that draw text or PDFs.

namespace hipguide::records {

/// Makes sure a QGuiApplication exists, so that fonts, QPainter on QImage and QPdfWriter work.
/// When no Qt application exists yet, creates one on Qt's "offscreen" platform (no display
/// needed) that lives until the process ends; when a QGuiApplication (or QApplication) exists,
/// does nothing. Throws std::runtime_error when a plain QCoreApplication exists, since Qt cannot
/// add GUI support to it. Call from the main thread, before any painting.
void ensureGuiApplication();

}  // namespace hipguide::records
