#pragma once
/// The lifecycle every probe driver goes through.

#include <string_view>

namespace hipguide::acquisition {

/// disconnected → connecting → streaming ⇄ stalled → stopped; error from any state, with a
/// reason (ProbeDriver::lastError()).
enum class DriverState { Disconnected, Connecting, Streaming, Stalled, Stopped, Error };

/// Lower-case name for logs, status bars and stats files.
std::string_view toString(DriverState state);

}  // namespace hipguide::acquisition
