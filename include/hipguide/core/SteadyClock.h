#pragma once
/// The one clock for host times: std::chrono::steady_clock in nanoseconds.

#include <chrono>
#include <cstdint>

namespace hipguide::core {

/// Nanoseconds on the monotonic host clock. Thread-safe.
inline std::int64_t steadyNowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

constexpr double nsToMs(std::int64_t ns) { return static_cast<double>(ns) / 1e6; }
constexpr double nsToSeconds(std::int64_t ns) { return static_cast<double>(ns) / 1e9; }
constexpr std::int64_t secondsToNs(double seconds) { return static_cast<std::int64_t>(seconds * 1e9); }

}  // namespace hipguide::core
