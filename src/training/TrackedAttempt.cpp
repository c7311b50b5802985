#include <hipguide/training/TrackedAttempt.h>

#include <hipguide/core/SteadyClock.h>

#include <chrono>
#include <cmath>
#include <optional>
#include <thread>

namespace hipguide::training {

AttemptResult runTrackedAttempt(const TrainingWorld& world, const acquisition::IgtlTrackerClient& tracker,
                                const TrackedDriveSettings& settings, double durationS,
                                const AttemptOptions& options,
                                const std::function<void(const TrackedFrame&)>& onFrame) {
  TrackedDrive drive(world.scenario.plan(), world.volume, tracker.settings(), settings);
  std::optional<std::int64_t> startNs;  // the clock starts with the first frame, after the set-up
  const ControlSource source = [&](double timeS) {
    if (!startNs) startNs = core::steadyNowNs();
    const std::int64_t dueNs = *startNs + static_cast<std::int64_t>(std::llround(timeS * 1e9));
    std::this_thread::sleep_until(std::chrono::steady_clock::time_point(std::chrono::nanoseconds(dueNs)));
    const TrackedFrame frame = drive.update(tracker.snapshot(), core::steadyNowNs(), timeS);
    if (onFrame) onFrame(frame);
    return frame.state;
  };
  return runAttempt(world, exerciseOf(world), source, durationS, "tracker", options);
}

}  // namespace hipguide::training
