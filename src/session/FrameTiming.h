#pragma once
/// Frame times of recordings that give a rate, or none, rather than a time for every frame.

#include <hipguide/session/RecordingReader.h>

#include <cstdint>

namespace hipguide::session::detail {

/// Frame rate assumed when a recording gives none (HipGuide's own default rate).
constexpr double kAssumedFramesPerSecond = 20.0;

/// When frame `index` of `frameCount` was taken, at `framesPerSecond` from 0 (index clamped).
std::int64_t evenFrameTimestampNs(std::int64_t index, std::int64_t frameCount, double framesPerSecond);

/// Sets info.durationSec and info.framesPerSecond from the first and last frames' timestamps
/// (both left 0 for a single frame, the rate also when the timestamps do not increase).
void fillDurationAndRate(RecordingInfo& info, std::int64_t firstNs, std::int64_t lastNs);

}  // namespace hipguide::session::detail
