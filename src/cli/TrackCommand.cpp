#include "Arguments.h"
#include "Commands.h"

#include <hipguide/acquisition/DisplayRange.h>
#include <hipguide/session/RecordingReader.h>
#include <hipguide/session/SessionEvent.h>
#include <hipguide/tracking/NeedleTracker.h>
#include <hipguide/tracking/TrackCsv.h>

#include <unistd.h>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace hipguide::cli {
namespace {

/// The tracker estimates a recording holds, by frame id.
std::map<std::uint64_t, core::NeedleEstimate> recordedEstimates(const session::RecordingReader& reader) {
  std::map<std::uint64_t, core::NeedleEstimate> estimates;
  for (const session::SessionEvent& event : reader.events())
    if (const auto estimate = session::needleEstimateFrom(event)) estimates[event.frameId] = *estimate;
  return estimates;
}

/// Says once that the recording carries no pixel calibration and what the tracker assumed.
void noteAssumedSpacing(const tracking::NeedleTracker& tracker, const core::Frame& frame) {
  const auto assumed = tracker.assumedSpacingMm();
  if (!assumed) return;
  std::cerr << "track: the frames' spacing (" << frame.spacingMm.x() << " x " << frame.spacingMm.y()
            << " mm per pixel) is no B-mode calibration; the tracker assumes " << assumed->x()
            << " mm per pixel for its speeds and distances and writes coordinates in the file's units "
               "(pixel x its spacing). Pass --spacing MM (or set ElementSpacing) for millimetres.\n";
}

}  // namespace

int runTrack(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.option("in").option("out").option("spacing").option("display-range").flag("quiet").flag("recorded");
  parsed.parse(arguments);
  if (!parsed.positional().empty())
    throw UsageError("unexpected argument '" + parsed.positional().front() + "'");
  const std::string inPath = parsed.required("in");
  const std::string outPath = parsed.required("out");
  std::optional<double> spacingMm;
  if (parsed.has("spacing")) spacingMm = parsed.number("spacing", 0.0);
  if (spacingMm && !core::isCalibratedSpacingMm(*spacingMm)) {
    std::ostringstream message;
    message << "--spacing must be the calibrated pixel size, above 0 and at most "
            << core::kMaxCalibratedSpacingMm << " mm, not " << *spacingMm;
    throw UsageError(message.str());
  }
  for (const char* trackerOption : {"spacing", "display-range"})
    if (parsed.has(trackerOption) && parsed.has("recorded"))
      throw UsageError(std::string("--") + trackerOption +
                       " applies when the tracker runs, not to --recorded estimates");
  tracking::TrackerConfig config;
  if (parsed.has("display-range")) {
    config.tip.displayRangeDb = parsed.number("display-range", 0.0);
    if (!acquisition::plausibleDisplayRangeDb(config.tip.displayRangeDb))
      throw UsageError("--display-range must be the scanner's dynamic range setting, 20 to 150 dB, not " +
                       *parsed.value("display-range"));
  }
  const auto reader = session::openRecording(inPath);
  if (const auto recordedRange = session::recordedTrackerDisplayRange(reader->events());
      recordedRange && !parsed.has("display-range") && !parsed.has("recorded")) {
    config.tip.displayRangeDb = *recordedRange;
    std::cerr << "note: tracking with the scanner's dynamic range the recording was made with, "
              << *recordedRange << " dB (--display-range overrides it)\n";
  }
  std::ofstream out(outPath);
  if (!out) throw std::runtime_error("cannot write '" + outPath + "'");
  tracking::writeTrackHeader(out);
  tracking::NeedleTracker tracker(config);
  const bool useRecorded = parsed.has("recorded");
  const auto recorded =
      useRecorded ? recordedEstimates(*reader) : std::map<std::uint64_t, core::NeedleEstimate>{};
  if (useRecorded && recorded.empty())
    throw std::runtime_error("'" + inPath +
                             "' holds no tracker estimates; run without --recorded to track it");
  const bool progress = !parsed.has("quiet") && isatty(STDERR_FILENO);
  const std::int64_t count = reader->frameCount();
  std::int64_t detected = 0;
  for (std::int64_t index = 0; index < count; ++index) {
    core::Frame frame = reader->readFrame(index).frame;
    if (spacingMm) frame.spacingMm = {*spacingMm, *spacingMm};
    core::NeedleEstimate estimate;
    if (!useRecorded) {
      estimate = tracker.process(frame);
      if (index == 0) noteAssumedSpacing(tracker, frame);
    } else if (const auto found = recorded.find(frame.frameId); found != recorded.end()) {
      estimate = found->second;
    } else {
      estimate.frameId = frame.frameId;  // no estimate recorded for this frame: not detected
      estimate.deviceTimestampNs = frame.deviceTimestampNs;
    }
    detected += estimate.detected ? 1 : 0;
    tracking::writeTrackRow(out, tracking::trackRowFrom(estimate));
    if (progress && (index % 10 == 9 || index + 1 == count))
      std::cerr << "\rtrack: frame " << index + 1 << "/" << count << std::flush;
  }
  if (progress) std::cerr << "\n";
  out.close();
  if (!out) throw std::runtime_error("writing '" + outPath + "' failed");
  std::cout << (useRecorded ? "exported the recorded estimates of " : "tracked ") << count << " frames of "
            << inPath << ": needle detected in " << detected << "; wrote " << outPath << "\n";
  return 0;
}

}  // namespace hipguide::cli
