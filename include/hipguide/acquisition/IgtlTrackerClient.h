#pragma once
/// Tracked tool poses from an OpenIGTLink server (PLUS, 3D Slicer's OpenIGTLinkIF): the newest
/// TRANSFORM or POSITION of a probe, a needle and a phantom reference, for a physical phantom
/// set-up that drives the simulator (training mode; docs/training-scores.md).

#include <hipguide/core/Geometry.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hipguide::acquisition {

/// What IgtlTrackerClient connects to and which device names it takes. Times in seconds. A
/// device name may be empty: that tool is not tracked. Names are at most 20 characters
/// (OpenIGTLink version 1 device names).
struct IgtlTrackerSettings {
  std::string host = "localhost";
  int port = 18944;
  std::string probeDevice = "ProbeToReference";      ///< Probe pose (simulator probe frame → reference).
  std::string needleDevice = "NeedleToReference";    ///< Needle pose, tip at the origin.
  std::string phantomDevice = "PhantomToReference";  ///< Phantom registration sent by the tracker.
  double connectTimeoutSeconds = 2.0;
  double reconnectInitialSeconds = 0.25;    ///< First wait after a failed or lost connection...
  double reconnectMaxSeconds = 2.0;         ///< ...doubling up to this.
  std::uint64_t maxBodyBytes = 1ull << 20;  ///< Poses are tiny; larger messages are skipped.
};

/// Defaults with host and port from `igtl://host:port` or `host:port`. Throws
/// std::invalid_argument naming the text when it is neither.
IgtlTrackerSettings igtlTrackerSettingsFor(std::string_view address);
/// Throws std::invalid_argument naming the field and value when a setting is unusable.
void validate(const IgtlTrackerSettings& settings);

/// The newest pose of one device.
struct TrackedPose {
  core::Transform3 pose = core::Transform3::Identity();  ///< Device → reference, mm.
  std::int64_t receivedNs = 0;    ///< Host steady clock (core::steadyNowNs) at receipt.
  std::int64_t senderWallNs = 0;  ///< The message's timestamp (Unix epoch ns), 0 when unset.
  std::uint64_t count = 0;        ///< Messages of this device received so far.
};

/// What the client knows now (IgtlTrackerClient::snapshot()). Plain data.
struct TrackerSnapshot {
  bool connected = false;
  std::string reason;                ///< While not connected: why, and when it retries.
  std::optional<TrackedPose> probe;  ///< Kept after a disconnection (it only gets older).
  std::optional<TrackedPose> needle;
  std::optional<TrackedPose> phantom;
  std::vector<std::string> transformDevicesSeen;  ///< TRANSFORM/POSITION device names, in order.
  std::uint64_t connections = 0;
  std::uint64_t messages = 0;  ///< Messages that passed the header and CRC checks.
  std::uint64_t ignored = 0;   ///< Other types and devices.
  std::uint64_t refused = 0;   ///< Bad CRC, oversized, malformed bodies.
  std::string lastRefusal;
};

/// OpenIGTLink client for tracked poses (header version 1, Debian's libopenigtlink 1.11). Starts
/// its own thread on construction: connects to host:port (reconnecting with a doubling wait, as
/// IgtlClientDriver does, through the same connection and message-checking code), decodes
/// TRANSFORM and POSITION messages of the three configured devices and keeps the newest of each
/// with its receipt time. Every other message is counted and ignored. The destructor stops and
/// joins the thread. snapshot() is thread-safe.
class IgtlTrackerClient {
 public:
  /// Throws std::invalid_argument when the settings are unusable (see validate()).
  explicit IgtlTrackerClient(IgtlTrackerSettings settings);
  ~IgtlTrackerClient();
  IgtlTrackerClient(const IgtlTrackerClient&) = delete;
  IgtlTrackerClient& operator=(const IgtlTrackerClient&) = delete;

  const IgtlTrackerSettings& settings() const;
  /// "OpenIGTLink tracker igtl://host:port".
  std::string description() const;
  TrackerSnapshot snapshot() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace hipguide::acquisition
