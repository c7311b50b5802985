#include "Arguments.h"
#include "Commands.h"

#include <hipguide/session/RecordingReader.h>
#include <hipguide/tracking/NeedleTracker.h>
#include <hipguide/tracking/TrackCsv.h>

#include <unistd.h>
#include <fstream>
#include <iostream>
#include <stdexcept>

namespace hipguide::cli {

int runTrack(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.option("in").option("out").flag("quiet");
  parsed.parse(arguments);
  if (!parsed.positional().empty())
    throw UsageError("unexpected argument '" + parsed.positional().front() + "'");
  const std::string inPath = parsed.required("in");
  const std::string outPath = parsed.required("out");
  const auto reader = session::openRecording(inPath);
  std::ofstream out(outPath);
  if (!out) throw std::runtime_error("cannot write '" + outPath + "'");
  tracking::writeTrackHeader(out);
  tracking::NeedleTracker tracker;
  const bool progress = !parsed.has("quiet") && isatty(STDERR_FILENO);
  const std::int64_t count = reader->frameCount();
  std::int64_t detected = 0;
  for (std::int64_t index = 0; index < count; ++index) {
    const session::RecordedFrame recorded = reader->readFrame(index);
    const core::NeedleEstimate estimate = tracker.process(recorded.frame);
    detected += estimate.detected ? 1 : 0;
    tracking::writeTrackRow(out, tracking::trackRowFrom(estimate));
    if (progress && (index % 10 == 9 || index + 1 == count))
      std::cerr << "\rtrack: frame " << index + 1 << "/" << count << std::flush;
  }
  if (progress) std::cerr << "\n";
  out.close();
  if (!out) throw std::runtime_error("writing '" + outPath + "' failed");
  std::cout << "tracked " << count << " frames of " << inPath << ": needle detected in " << detected
            << "; wrote " << outPath << "\n";
  return 0;
}

}  // namespace hipguide::cli
