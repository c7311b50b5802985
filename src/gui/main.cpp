/// hipguide: the workstation's GUI. See `hipguide --help`.

#include <hipguide/app/AppOptions.h>
#include <hipguide/app/MainWindow.h>
#include <hipguide/app/VtkHostWidget.h>
#include <hipguide/app/Workstation.h>

#include <QApplication>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  if (std::getenv("DISPLAY") == nullptr && std::getenv("WAYLAND_DISPLAY") == nullptr &&
      std::getenv("QT_QPA_PLATFORM") == nullptr) {
    std::fprintf(stderr,
                 "hipguide: no display (DISPLAY is not set). Run it under a virtual X server, e.g.\n"
                 "  xvfb-run -a -s '-screen 0 1600x1000x24' build/bin/hipguide --quit-after 8 --screenshot "
                 "shot.png\n");
    return 1;
  }
  hipguide::app::setVtkCompatibleSurfaceFormat();
  QApplication application(argc, argv);
  QApplication::setOrganizationName("HipGuide");
  QApplication::setApplicationName("HipGuide");
  QApplication::setApplicationVersion(HIPGUIDE_VERSION);

  const auto parsed = hipguide::app::parseAppOptions(QApplication::arguments());
  if (!parsed.options) {
    std::fprintf(parsed.exitCode == 0 ? stdout : stderr, "%s\n", qPrintable(parsed.message));
    return parsed.exitCode;
  }
  return hipguide::app::runWorkstation(*parsed.options);
}
