#pragma once
/// Live ultrasound from an OpenIGTLink server (PLUS, 3D Slicer, a scanner's research interface).

#include <hipguide/acquisition/IgtlClientSettings.h>
#include <hipguide/acquisition/ProbeDriver.h>
#include <hipguide/core/ClockAnchor.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hipguide::acquisition {

namespace detail {
class IgtlPoseMatcher;
class IgtlStreamMonitor;
struct IgtlMessage;
enum class RefusalReason;
}  // namespace detail

/// A snapshot of what an OpenIGTLink connection has seen (IgtlClientDriver::stats()).
struct IgtlClientStats {
  std::uint64_t connections = 0;     ///< Successful connects (1 + reconnections).
  std::uint64_t messages = 0;        ///< Messages that passed the header and CRC checks.
  std::uint64_t images = 0;          ///< IMAGE messages decoded from the selected device.
  std::uint64_t poses = 0;           ///< TRANSFORM/POSITION messages of the selected probe transform.
  std::uint64_t framesWithPose = 0;  ///< Published frames with a matched probe pose.
  std::uint64_t ignored = 0;         ///< Other message types and devices (not errors).
  std::uint64_t refusedBadCrc = 0;
  std::uint64_t refusedImpossibleSize = 0;  ///< Sizes no sender could mean; the connection is reset.
  std::uint64_t refusedOversized = 0;       ///< Bodies over maxBodyBytes; skipped unread.
  std::uint64_t refusedUnsupported = 0;     ///< e.g. 16-bit or 3D images, header version 2.
  std::uint64_t refusedMalformed = 0;       ///< Fields that contradict the body size.
  std::string lastRefusal;                  ///< Why the last message was refused.
  std::size_t latencySamples = 0;           ///< Images with a sender timestamp, among the recent ones.
  double latencyMedianMs = 0.0;  ///< Receive time − sender timestamp, recent images (wall clocks).
  double latencyP95Ms = 0.0;
  std::string imageDevice;     ///< IMAGE device in use (empty until one is seen).
  std::string probeTransform;  ///< Probe transform in use (empty until one is seen).
  std::vector<std::string> imageDevicesSeen;
  std::vector<std::string> transformDevicesSeen;  ///< TRANSFORM and POSITION device names.
};

/// OpenIGTLink client (header version 1, as Debian's libopenigtlink 1.11 speaks it). On its
/// thread it connects to settings.host:port, reconnecting with a doubling wait after failures;
/// takes IMAGE messages of one device (8-bit grey; colour converted to grey) as frames with
/// spacing and imageToProbe from the message; matches TRANSFORM or POSITION messages of the probe
/// transform to images by timestamp (probeToReference); goes to the stalled state when no image
/// came for stallAfterSeconds. Every header is checked and every body's CRC verified: bad CRCs,
/// impossible sizes and bodies over maxBodyBytes are refused and counted, never allocated.
/// Frame timestamps: deviceTimestampNs is the sender's timestamp anchored to the host clock.
/// Gaps (frames missing at the source) are estimated from the image timestamps.
class IgtlClientDriver final : public ProbeDriver {
 public:
  /// Throws std::invalid_argument when the settings are unusable (see validate()).
  explicit IgtlClientDriver(IgtlClientSettings settings);
  ~IgtlClientDriver() override;

  std::string description() const override;
  const IgtlClientSettings& settings() const { return m_settings; }
  /// Counters, devices seen and latency; thread-safe.
  IgtlClientStats stats() const;

 protected:
  void run(std::stop_token stop) override;

 private:
  /// A decoded image waiting (at most poseToleranceMs) for the pose that follows it.
  struct PendingFrame {
    core::Frame frame;
    std::int64_t wallNs = 0;
    std::int64_t deadlineNs = 0;
  };

  void handle(const detail::IgtlMessage& message);
  void handleImage(const detail::IgtlMessage& message);
  void handlePose(const detail::IgtlMessage& message);
  void refuse(detail::RefusalReason reason, const std::string& detail);
  void publishPending();
  void checkTimers();

  const IgtlClientSettings m_settings;
  std::unique_ptr<detail::IgtlStreamMonitor> m_monitor;
  std::unique_ptr<detail::IgtlPoseMatcher> m_poses;  // Driver thread only, as the members below.
  std::string m_imageDevice;     ///< Selected IMAGE device; empty until the first one arrives.
  std::string m_probeTransform;  ///< Selected probe transform; empty until the first one arrives.
  core::ClockAnchor m_anchor;
  std::optional<PendingFrame> m_pending;
  std::int64_t m_lastImageHostNs = 0;
};

}  // namespace hipguide::acquisition
