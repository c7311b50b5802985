#include "FrameTiming.h"

#include <algorithm>
#include <cmath>

namespace hipguide::session::detail {

std::int64_t evenFrameTimestampNs(std::int64_t index, std::int64_t frameCount, double framesPerSecond) {
  const auto clamped = std::clamp<std::int64_t>(index, 0, std::max<std::int64_t>(frameCount - 1, 0));
  return std::llround(static_cast<double>(clamped) / framesPerSecond * 1e9);
}

void fillDurationAndRate(RecordingInfo& info, std::int64_t firstNs, std::int64_t lastNs) {
  if (info.frameCount <= 1) return;
  info.durationSec = static_cast<double>(lastNs - firstNs) / 1e9;
  if (info.durationSec > 0)
    info.framesPerSecond = static_cast<double>(info.frameCount - 1) / info.durationSec;
}

}  // namespace hipguide::session::detail
