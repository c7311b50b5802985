#include <hipguide/acquisition/IgtlClientSettings.h>
#include <hipguide/acquisition/VideoGrabberSettings.h>
#include <hipguide/app/SourceTrackerConfig.h>
#include <hipguide/session/ReplayDriver.h>

namespace hipguide::app {

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
    displayRangeDb = session::recordedTrackerDisplayRange(replay->events()).value_or(0.0);
  tracking::TrackerConfig config;
  if (displayRangeDb > 0.0) config.tip.displayRangeDb = displayRangeDb;
  return config;
}

}  // namespace hipguide::app
