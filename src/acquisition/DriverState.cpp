#include <hipguide/acquisition/DriverState.h>

namespace hipguide::acquisition {

std::string_view toString(DriverState state) {
  switch (state) {
    case DriverState::Disconnected: return "disconnected";
    case DriverState::Connecting: return "connecting";
    case DriverState::Streaming: return "streaming";
    case DriverState::Stalled: return "stalled";
    case DriverState::Stopped: return "stopped";
    case DriverState::Error: return "error";
  }
  return "unknown";
}

}  // namespace hipguide::acquisition
