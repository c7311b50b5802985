#pragma once
/// A training attempt driven by a tracked probe and needle over OpenIGTLink, headless.

#include <hipguide/acquisition/IgtlTrackerClient.h>
#include <hipguide/training/AttemptRunner.h>
#include <hipguide/training/TrackedDrive.h>

#include <functional>

namespace hipguide::training {

/// Runs an attempt of `durationS` seconds in real time: frame i is taken i/fps after the first
/// frame (which comes once the simulator and tracer are set up) on the steady clock from the tracker's newest
/// poses (TrackedDrive), then traced, recorded, scored and judged like any attempt (driver "tracker"). A
/// frame that takes longer than 1/fps to render delays the next one: its sample time stays i/fps, the poses
/// are the newest. `onFrame` (may be empty) sees every frame's tracking state on the calling thread.
AttemptResult runTrackedAttempt(const TrainingWorld& world, const acquisition::IgtlTrackerClient& tracker,
                                const TrackedDriveSettings& settings, double durationS,
                                const AttemptOptions& options = {},
                                const std::function<void(const TrackedFrame&)>& onFrame = {});

}  // namespace hipguide::training
