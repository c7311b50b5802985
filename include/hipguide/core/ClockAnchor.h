#pragma once
/// Maps a device's clock onto the host's steady clock (as PLUS's timestamped buffer does).

#include <cstdint>
#include <optional>

namespace hipguide::core {

/// Anchors device time to host time at the first frame: afterwards a device timestamp t maps to
/// hostAtFirst + (t - deviceAtFirst). Timestamps that go backwards are refused. One instance
/// per source; not thread-safe (used on the driver's thread).
class ClockAnchor {
 public:
  /// Host time for a device timestamp; std::nullopt when it is earlier than the previous one.
  std::optional<std::int64_t> toHostNs(std::int64_t deviceNs, std::int64_t hostReceiveNs);
  /// Forgets the anchor (after a reconnection the device clock may restart).
  void reset();
  /// Number of refused (backwards) timestamps since construction.
  std::uint64_t refusedCount() const { return m_refused; }

 private:
  std::optional<std::int64_t> m_deviceAtFirstNs;
  std::int64_t m_hostAtFirstNs = 0;
  std::int64_t m_lastDeviceNs = 0;
  std::uint64_t m_refused = 0;
};

}  // namespace hipguide::core
