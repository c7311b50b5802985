#include "Arguments.h"
#include "Commands.h"

#include <hipguide/session/RecordingReader.h>

#include <cstdio>
#include <iostream>

namespace hipguide::cli {
namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text.empty() ? "(none)" : text;
}

}  // namespace

int runInfo(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.flag("header");
  parsed.parse(arguments);
  if (parsed.positional().size() != 1) throw UsageError("expected one recording path");
  const auto reader = session::openRecording(parsed.positional().front());
  const session::RecordingInfo& info = reader->info();
  char line[256];
  std::cout << "file:        " << parsed.positional().front() << "\n";
  std::cout << "format:      " << info.formatName
            << (info.seekable ? "" : " (seeks through an index of the stream, built on first use)") << "\n";
  std::cout << "frames:      " << info.frameCount << (info.trackerOnly ? " (tracker only, no images)" : "")
            << "\n";
  std::cout << "size:        " << info.width << " x " << info.height << " pixels, " << info.channels
            << " channel(s)\n";
  std::snprintf(line, sizeof line, "spacing:     %.6g x %.6g mm\n", info.spacingMm.x(), info.spacingMm.y());
  std::cout << line;
  std::snprintf(line, sizeof line, "duration:    %.3f s\nframe rate:  %.2f fps\n", info.durationSec,
                info.framesPerSecond);
  std::cout << line;
  std::cout << "fields:      " << joined(info.frameFieldNames) << "\n";
  std::cout << "transforms:  " << joined(info.transformNames) << "\n";
  std::cout << "events:      " << reader->events().size() << "\n";
  if (parsed.has("header"))
    for (const auto& [key, value] : info.globalFields) std::cout << "  " << key << " = " << value << "\n";
  return 0;
}

}  // namespace hipguide::cli
