#include <hipguide/acquisition/DisplayRange.h>
#include <hipguide/acquisition/IgtlClientSettings.h>
#include <hipguide/acquisition/VideoGrabberSettings.h>
#include <hipguide/app/SourceTrackerConfig.h>
#include <hipguide/session/ReplayDriver.h>

namespace hipguide::app {

namespace {

/// The range a replayed recording's "settings" event says the live tracker used (0: none).
double recordedDisplayRangeDb(const session::ReplayDriver& replay) {
  for (const session::ReplayDriver::TimelineEvent& entry : replay.timeline())
    if (const auto range = session::trackerDisplayRangeFrom(entry.event);
        range && acquisition::plausibleDisplayRangeDb(*range))
      return *range;
  return 0.0;
}

}  // namespace

tracking::TrackerConfig trackerConfigForSource(const acquisition::SourceSpec& spec,
                                               const std::filesystem::path& settingsDir,
                                               const acquisition::ProbeDriver* driver) {
  using Kind = acquisition::SourceSpec::Kind;
  double displayRangeDb = 0.0;
  if (spec.kind == Kind::OpenIGTLink)
    displayRangeDb = acquisition::loadIgtlClientSettings(spec, settingsDir).displayRangeDb;
  else if (spec.kind == Kind::Video)
    displayRangeDb = acquisition::loadVideoGrabberSettings(spec, settingsDir).displayRangeDb;
  else if (const auto* replay = dynamic_cast<const session::ReplayDriver*>(driver))
    displayRangeDb = recordedDisplayRangeDb(*replay);
  tracking::TrackerConfig config;
  if (displayRangeDb > 0.0) config.tip.displayRangeDb = displayRangeDb;
  return config;
}

}  // namespace hipguide::app
