#pragma once
/// A tracked probe and needle (OpenIGTLink poses from a physical phantom set-up) turned into the
/// simulator's probe pose and needle, frame by frame, with a clear state of the tracking.

#include <hipguide/acquisition/IgtlTrackerClient.h>
#include <hipguide/acquisition/Scenario.h>
#include <hipguide/anatomy/LabelVolume.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace hipguide::training {

/// An axis of a tracked tool's own frame, with its sign.
enum class ToolAxis { PlusX, MinusX, PlusY, MinusY, PlusZ, MinusZ };
/// "+x", "-x", "+y", "-y", "+z", "-z" (also "x" for "+x"); throws std::invalid_argument.
ToolAxis parseToolAxis(std::string_view text);
std::string toString(ToolAxis axis);
/// The unit vector of the axis in the tool's frame.
core::Vec3 axisVector(ToolAxis axis);

/// How tracked poses map onto the simulator.
struct TrackedDriveSettings {
  /// The needle frame's axis that runs from the tip (its origin) back along the shaft toward the
  /// hub. −z is PLUS's StylusTip convention (pivot calibration: −z points from the tip to the
  /// marker), which SlicerIGT's pivot calibration also produces.
  ToolAxis needleShaftAxis = ToolAxis::MinusZ;
  /// A pose received longer ago than this (host clock) is stale: the tool is frozen.
  double staleAfterMs = 250.0;
  /// Fixed phantom registration (phantom/simulator mm → tracker reference mm), e.g. from
  /// loadRegistrationFile(). Without it the tracker's PhantomToReference is used when it sends
  /// one, else the identity (the tracker's reference is the simulator's frame).
  std::optional<core::Transform3> phantomToReference;
  /// Put the probe face on the simulated skin along its beam (a physical phantom's surface
  /// never matches the simulated one exactly; without this the image starts in air).
  bool snapProbeToSkin = true;
};

/// The state of the tracked drive, from the worst tool: listed from bad to good.
enum class TrackedStatus { NotConnected, NoTransforms, OutsidePhantom, Stale, Tracking };
std::string_view toString(TrackedStatus status);

/// One frame of the tracked drive. Plain data.
struct TrackedFrame {
  acquisition::ScenarioState state;  ///< What the simulator shows.
  TrackedStatus status = TrackedStatus::NotConnected;
  std::string message;        ///< One line for the panel and the command line.
  bool probeFrozen = false;   ///< The probe kept its last good (or planned) pose.
  bool needleFrozen = false;  ///< The needle kept its last good state.
  std::string registration;   ///< "file", "tracker" or "identity".
};

/// Turns TrackerSnapshots into ScenarioStates. Needle: the tip is the needle frame's origin, the
/// shaft runs along `needleShaftAxis` from it; with the tip inside the body, the entry is where
/// the shaft crosses the skin walking back from the tip and the insertion depth is the distance
/// from there to the tip (clamped to the needle's length); with the tip outside the body the
/// needle is out (insertion 0, entry = tip). A tool whose pose is older than staleAfterMs (or
/// whose connection is gone) keeps its last good state; a tool outside the phantom's volume is
/// ignored (the probe keeps its last good pose, the needle is taken away) until it comes back.
/// Before any pose the probe sits at the plan's start and there is no needle. Not thread-safe:
/// one owner (the GUI thread, or the attempt runner's thread).
class TrackedDrive {
 public:
  TrackedDrive(const acquisition::Scenario::Plan& plan, std::shared_ptr<const anatomy::LabelVolume> volume,
               acquisition::IgtlTrackerSettings tracker, TrackedDriveSettings settings);

  /// The frame at attempt time `timeS` from what the tracker knows at host time `nowNs`
  /// (core::steadyNowNs()).
  TrackedFrame update(const acquisition::TrackerSnapshot& snapshot, std::int64_t nowNs, double timeS);

  /// The needle a tracked pose (needle frame → simulator mm) puts into the simulator; exposed
  /// for tests.
  acquisition::NeedleState needleFrom(const core::Transform3& needleToPhantom) const;

 private:
  struct ToolResult {
    TrackedStatus status = TrackedStatus::Tracking;
    std::string message;
  };
  ToolResult updateProbe(const acquisition::TrackerSnapshot& snapshot,
                         const core::Transform3& referenceToPhantom, std::int64_t nowNs);
  ToolResult updateNeedle(const acquisition::TrackerSnapshot& snapshot,
                          const core::Transform3& referenceToPhantom, std::int64_t nowNs);
  std::optional<ToolResult> checkPose(const std::optional<acquisition::TrackedPose>& pose,
                                      const std::string& device, const char* tool, bool connected,
                                      std::int64_t nowNs, const acquisition::TrackerSnapshot& snapshot) const;
  bool insideVolume(const core::Vec3& pointMm) const;

  acquisition::Scenario::Plan m_plan;
  std::shared_ptr<const anatomy::LabelVolume> m_volume;
  acquisition::IgtlTrackerSettings m_tracker;
  TrackedDriveSettings m_settings;
  core::Transform3 m_probe;                          ///< Last good probe pose (the plan's at first).
  std::optional<acquisition::NeedleState> m_needle;  ///< Last good needle.
};

/// A rigid 4×4 (phantom → reference) from a text file of 16 numbers, row-major (PLUS's matrix
/// order), separated by spaces, commas or new lines; '#' starts a comment. Throws
/// std::runtime_error naming the file when it is missing, has another count of numbers, its last
/// row is not 0 0 0 1 or its rotation is not orthonormal (within 1e-3).
core::Transform3 loadRegistrationFile(const std::filesystem::path& file);

}  // namespace hipguide::training
