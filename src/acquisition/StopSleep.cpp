#include "StopSleep.h"

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace hipguide::acquisition::detail {

bool sleepUntilSteadyNs(std::stop_token stop, std::int64_t deadlineNs) {
  std::mutex mutex;
  std::condition_variable_any wake;
  std::unique_lock lock(mutex);
  const auto deadline = std::chrono::steady_clock::time_point(std::chrono::nanoseconds(deadlineNs));
  wake.wait_until(lock, stop, deadline, [] { return false; });
  return !stop.stop_requested();
}

}  // namespace hipguide::acquisition::detail
