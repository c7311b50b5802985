#pragma once
/// Sleeping on a driver thread that must wake at once when asked to stop.

#include <cstdint>
#include <stop_token>

namespace hipguide::acquisition::detail {

/// Sleeps until a steady-clock time (ns); false when stop was requested first.
bool sleepUntilSteadyNs(std::stop_token stop, std::int64_t deadlineNs);

}  // namespace hipguide::acquisition::detail
