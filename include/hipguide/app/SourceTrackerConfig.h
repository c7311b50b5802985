#pragma once
/// The needle tracker's settings for the source being opened.

#include <hipguide/acquisition/SourceSpec.h>
#include <hipguide/tracking/TrackerConfig.h>

#include <filesystem>

namespace hipguide::acquisition {
class ProbeDriver;
}

namespace hipguide::app {

/// The defaults, with the scanner's dynamic range when an OpenIGTLink or frame-grabber source's
/// settings in `settingsDir` give it (SourceDialog), or when `driver` replays a recording whose
/// "settings" event says which range the live tracker used (RecordingController): the tip is then
/// found at half the needle's echo on that scanner's grey scale, not on the 60 dB one assumed
/// otherwise. Throws std::invalid_argument for a settings file that cannot be used.
tracking::TrackerConfig trackerConfigForSource(const acquisition::SourceSpec& spec,
                                               const std::filesystem::path& settingsDir,
                                               const acquisition::ProbeDriver* driver = nullptr);

}  // namespace hipguide::app
