#include <hipguide/acquisition/SourceSpec.h>
#include <hipguide/app/AppOptions.h>

#include <QCommandLineParser>

#include <stdexcept>

namespace hipguide::app {

ParsedOptions parseAppOptions(const QStringList& arguments) {
  QCommandLineParser parser;
  parser.setApplicationDescription("HipGuide: ultrasound-guided hip injection workstation");
  const QCommandLineOption helpOption = parser.addHelpOption();
  const QCommandLineOption versionOption = parser.addVersionOption();
  const QCommandLineOption source("source",
                                  "Source: sim, sim:SCENARIO, test-pattern, a recording path, "
                                  "igtl://host:port, video:/dev/videoN (default: sim).",
                                  "SPEC", "sim");
  const QCommandLineOption fps("fps", "Frame rate of generated sources (default 20).", "FPS", "20");
  const QCommandLineOption quitAfter("quit-after", "Quit after this many seconds.", "SECONDS");
  const QCommandLineOption screenshot("screenshot", "Save a screenshot of the window just before quitting.",
                                      "FILE.png");
  const QCommandLineOption stats("stats", "Write frame and latency statistics as JSON when quitting.",
                                 "FILE.json");
  const QCommandLineOption anatomy("anatomy",
                                   "Anatomy folder for guidance with recordings and live sources "
                                   "(written by hipguide-cli phantom or anatomy-import).",
                                   "DIR");
  const QCommandLineOption share("share",
                                 "Share the image, needle and path over OpenIGTLink on this computer's PORT "
                                 "(loopback; 3D Slicer connects as a client).",
                                 "PORT");
  parser.addOptions({source, fps, quitAfter, screenshot, stats, anatomy, share});

  ParsedOptions result;
  if (!parser.parse(arguments)) {
    result.message = parser.errorText() + "\n\n" + parser.helpText();
    result.exitCode = 2;
    return result;
  }
  if (parser.isSet(helpOption)) {
    result.message = parser.helpText();
    return result;
  }
  if (parser.isSet(versionOption)) {
    result.message = QStringLiteral("hipguide %1").arg(HIPGUIDE_VERSION);
    return result;
  }
  if (!parser.positionalArguments().isEmpty()) {
    result.message = QStringLiteral("unexpected argument '%1'\n\n%2")
                         .arg(parser.positionalArguments().first(), parser.helpText());
    result.exitCode = 2;
    return result;
  }

  AppOptions options;
  options.source = parser.value(source);
  try {
    acquisition::parseSourceSpec(options.source.toStdString());
  } catch (const std::invalid_argument& error) {
    result.message = QString::fromStdString(error.what());
    result.exitCode = 2;
    return result;
  }
  bool ok = true;
  options.framesPerSecond = parser.value(fps).toDouble(&ok);
  if (!ok || options.framesPerSecond < 0) {
    result.message = QStringLiteral("--fps must be a number >= 0, not '%1'").arg(parser.value(fps));
    result.exitCode = 2;
    return result;
  }
  if (parser.isSet(quitAfter)) {
    const double seconds = parser.value(quitAfter).toDouble(&ok);
    if (!ok || seconds <= 0) {
      result.message = QStringLiteral("--quit-after must be a positive number of seconds, not '%1'")
                           .arg(parser.value(quitAfter));
      result.exitCode = 2;
      return result;
    }
    options.quitAfterSeconds = seconds;
  }
  if (parser.isSet(share)) {
    const int port = parser.value(share).toInt(&ok);
    if (!ok || port < 1 || port > 65535) {
      result.message =
          QStringLiteral("--share must be a port from 1 to 65535, not '%1'").arg(parser.value(share));
      result.exitCode = 2;
      return result;
    }
    options.sharePort = port;
  }
  options.anatomyFolder = parser.value(anatomy);
  options.screenshotPath = parser.value(screenshot);
  options.statsPath = parser.value(stats);
  result.options = options;
  return result;
}

}  // namespace hipguide::app
