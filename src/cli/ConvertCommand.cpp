#include "Arguments.h"
#include "Commands.h"
#include "ProgressLine.h"

#include <hipguide/session/Conversion.h>

#include <iostream>

namespace hipguide::cli {

int runConvert(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.flag("compress");
  parsed.parse(arguments);
  if (parsed.positional().size() != 2) throw UsageError("expected IN and OUT");
  const auto reader = session::openRecording(parsed.positional()[0]);
  ProgressLine progress("converting");
  const std::int64_t frames =
      session::convertRecording(*reader, parsed.positional()[1], parsed.has("compress"),
                                [&](std::int64_t done, std::int64_t total) { progress.update(done, total); });
  progress.finish();
  std::cout << "wrote " << frames << " frames to " << parsed.positional()[1] << "\n";
  return 0;
}

}  // namespace hipguide::cli
