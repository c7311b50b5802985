#include <hipguide/acquisition/IgtlClientSettings.h>
#include <hipguide/acquisition/VideoGrabberSettings.h>
#include <hipguide/app/SourceTrackerConfig.h>

namespace hipguide::app {

tracking::TrackerConfig trackerConfigForSource(const acquisition::SourceSpec& spec,
                                               const std::filesystem::path& settingsDir) {
  using Kind = acquisition::SourceSpec::Kind;
  double displayRangeDb = 0.0;
  if (spec.kind == Kind::OpenIGTLink)
    displayRangeDb = acquisition::loadIgtlClientSettings(spec, settingsDir).displayRangeDb;
  else if (spec.kind == Kind::Video)
    displayRangeDb = acquisition::loadVideoGrabberSettings(spec, settingsDir).displayRangeDb;
  tracking::TrackerConfig config;
  if (displayRangeDb > 0.0) config.tip.displayRangeDb = displayRangeDb;
  return config;
}

}  // namespace hipguide::app
