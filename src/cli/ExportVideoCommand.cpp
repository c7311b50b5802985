#include "Arguments.h"
#include "Commands.h"
#include "ProgressLine.h"

#include <hipguide/session/Conversion.h>

#include <iostream>

namespace hipguide::cli {

int runExportVideo(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.flag("overlays");
  parsed.parse(arguments);
  if (parsed.positional().size() != 2) throw UsageError("expected IN and OUT.mp4");
  const auto reader = session::openRecording(parsed.positional()[0]);
  ProgressLine progress("encoding");
  std::string note;
  const std::int64_t frames =
      session::exportVideo(*reader, parsed.positional()[1], parsed.has("overlays"), note,
                           [&](std::int64_t done, std::int64_t total) { progress.update(done, total); });
  progress.finish();
  if (!note.empty()) std::cerr << "note: " << note << "\n";
  std::cout << "wrote " << frames << " frames to " << parsed.positional()[1] << "\n";
  return 0;
}

}  // namespace hipguide::cli
