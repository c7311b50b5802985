#pragma once
/// Bookkeeping of one OpenIGTLink stream: counters, device names, latency and gaps.

#include "IgtlWire.h"

#include <hipguide/acquisition/IgtlClientDriver.h>

#include <deque>
#include <mutex>

namespace hipguide::acquisition::detail {

/// Written by the driver's thread, read by anyone through snapshot(). Thread-safe.
class IgtlStreamMonitor {
 public:
  void countConnection();
  void countMessage();
  void countIgnored();
  void countPose();
  void countFrame(bool withPose);
  void countRefusal(RefusalReason reason, const std::string& detail);
  void noteImageDevice(const std::string& device);
  void noteTransformDevice(const std::string& device);
  void selectImageDevice(const std::string& device);
  void selectProbeTransform(const std::string& device);

  /// Records an image of the selected device: latency (receipt − sender time, both wall
  /// clocks, when the sender set a time) and the image interval. Returns how many images
  /// seem to be missing before this one: when the recent intervals are regular (90th
  /// percentile at most 1.5 × the 10th), an interval over 1.5 × their median counts
  /// round(interval / median) − 1.
  std::uint64_t recordImage(std::int64_t senderWallNs, std::int64_t receiveWallNs);
  /// Forgets the image interval history (after a reconnection).
  void resetIntervals();

  IgtlClientStats snapshot() const;

  static constexpr std::size_t kLatencyWindow = 2000;
  static constexpr std::size_t kIntervalWindow = 32;

 private:
  mutable std::mutex m_mutex;
  IgtlClientStats m_stats;
  std::deque<double> m_latencyMs;
  std::deque<std::int64_t> m_intervalsNs;
  std::int64_t m_lastImageWallNs = 0;
};

}  // namespace hipguide::acquisition::detail
