#include <hipguide/records/GuiApplication.h>

#include <QGuiApplication>

#include <stdexcept>

namespace hipguide::records {

void ensureGuiApplication() {
  if (auto* existing = QCoreApplication::instance()) {
    if (qobject_cast<QGuiApplication*>(existing) != nullptr) return;
    throw std::runtime_error(
        "a QCoreApplication already exists; drawing reports needs a QGuiApplication (create it instead)");
  }
  // "-platform offscreen" on the command line wins over QT_QPA_PLATFORM, so a missing or
  // unusable display never matters here. Qt keeps references to argc and argv: both static.
  static int argc = 3;
  static char name[] = "hipguide";
  static char option[] = "-platform";
  static char platform[] = "offscreen";
  static char* argv[] = {name, option, platform, nullptr};
  // Lives until exit on purpose: destroying it during static destruction races Qt's own teardown.
  static auto* application = new QGuiApplication(argc, argv);
  (void)application;
}

}  // namespace hipguide::records
