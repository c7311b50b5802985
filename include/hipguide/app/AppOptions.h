#pragma once
/// Command-line options of the workstation (build/bin/hipguide).

#include <QString>
#include <QStringList>

#include <optional>

namespace hipguide::app {

/// What the user asked for on the command line.
struct AppOptions {
  QString source = QStringLiteral("sim");  ///< A source spec (see acquisition::SourceSpec).
  double framesPerSecond = 20.0;           ///< Rate of generated sources.
  QString
      anatomyFolder;  ///< Anatomy for guidance with recorded or live sources (phantom/anatomy-import output).
  std::optional<double> quitAfterSeconds;
  QString screenshotPath;        ///< Written just before quitting, when set.
  QString statsPath;             ///< JSON with frame counts and latency, written at quit, when set.
  std::optional<int> sharePort;  ///< Share over OpenIGTLink on this loopback port, when set.
};

/// Result of parsing: the options, or a message and exit code (0 for --help/--version).
struct ParsedOptions {
  std::optional<AppOptions> options;
  QString message;
  int exitCode = 0;
};

/// Parses the program's arguments (argv[0] first). Never exits the process itself.
ParsedOptions parseAppOptions(const QStringList& arguments);

}  // namespace hipguide::app
