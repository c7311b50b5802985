#include "IgtlStreamMonitor.h"

#include <hipguide/core/Statistics.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace hipguide::acquisition::detail {
namespace {

void addUnique(std::vector<std::string>& names, const std::string& name) {
  if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
}

}  // namespace

void IgtlStreamMonitor::countConnection() {
  std::lock_guard lock(m_mutex);
  ++m_stats.connections;
}

void IgtlStreamMonitor::countMessage() {
  std::lock_guard lock(m_mutex);
  ++m_stats.messages;
}

void IgtlStreamMonitor::countIgnored() {
  std::lock_guard lock(m_mutex);
  ++m_stats.ignored;
}

void IgtlStreamMonitor::countPose() {
  std::lock_guard lock(m_mutex);
  ++m_stats.poses;
}

void IgtlStreamMonitor::countFrame(bool withPose) {
  std::lock_guard lock(m_mutex);
  if (withPose) ++m_stats.framesWithPose;
}

void IgtlStreamMonitor::countRefusal(RefusalReason reason, const std::string& detail) {
  std::lock_guard lock(m_mutex);
  switch (reason) {
    case RefusalReason::BadCrc: ++m_stats.refusedBadCrc; break;
    case RefusalReason::ImpossibleSize: ++m_stats.refusedImpossibleSize; break;
    case RefusalReason::Oversized: ++m_stats.refusedOversized; break;
    case RefusalReason::Unsupported: ++m_stats.refusedUnsupported; break;
    case RefusalReason::Malformed: ++m_stats.refusedMalformed; break;
  }
  m_stats.lastRefusal = std::string(toString(reason)) + ": " + detail;
}

void IgtlStreamMonitor::noteImageDevice(const std::string& device) {
  std::lock_guard lock(m_mutex);
  addUnique(m_stats.imageDevicesSeen, device);
}

void IgtlStreamMonitor::noteTransformDevice(const std::string& device) {
  std::lock_guard lock(m_mutex);
  addUnique(m_stats.transformDevicesSeen, device);
}

void IgtlStreamMonitor::selectImageDevice(const std::string& device) {
  std::lock_guard lock(m_mutex);
  m_stats.imageDevice = device;
}

void IgtlStreamMonitor::selectProbeTransform(const std::string& device) {
  std::lock_guard lock(m_mutex);
  m_stats.probeTransform = device;
}

std::uint64_t IgtlStreamMonitor::recordImage(std::int64_t senderWallNs, std::int64_t receiveWallNs) {
  std::lock_guard lock(m_mutex);
  ++m_stats.images;
  if (senderWallNs == 0) return 0;
  m_latencyMs.push_back(static_cast<double>(receiveWallNs - senderWallNs) / 1e6);
  if (m_latencyMs.size() > kLatencyWindow) m_latencyMs.pop_front();
  std::uint64_t missing = 0;
  if (m_lastImageWallNs != 0 && senderWallNs > m_lastImageWallNs) {
    const std::int64_t intervalNs = senderWallNs - m_lastImageWallNs;
    if (m_intervalsNs.size() >= 8) {
      std::vector<std::int64_t> sorted(m_intervalsNs.begin(), m_intervalsNs.end());
      std::sort(sorted.begin(), sorted.end());
      const double medianNs = static_cast<double>(sorted[sorted.size() / 2]);
      // Only a regular stream (a scanner's frame clock) tells a gap from jitter; a bursty
      // sender (frames generated in catch-up bursts) is not judged.
      const bool regular =
          sorted[sorted.size() * 9 / 10] <= 1.5 * static_cast<double>(sorted[sorted.size() / 10]);
      if (regular && medianNs > 0 && intervalNs > 1.5 * medianNs)
        missing = static_cast<std::uint64_t>(std::llround(intervalNs / medianNs) - 1);
    }
    // Gaps are kept out of the history so that one outage does not raise the median.
    if (missing == 0) m_intervalsNs.push_back(intervalNs);
    if (m_intervalsNs.size() > kIntervalWindow) m_intervalsNs.pop_front();
  }
  m_lastImageWallNs = senderWallNs;
  return missing;
}

void IgtlStreamMonitor::resetIntervals() {
  std::lock_guard lock(m_mutex);
  m_intervalsNs.clear();
  m_lastImageWallNs = 0;
}

IgtlClientStats IgtlStreamMonitor::snapshot() const {
  std::lock_guard lock(m_mutex);
  IgtlClientStats stats = m_stats;
  const std::vector<double> latency(m_latencyMs.begin(), m_latencyMs.end());
  stats.latencySamples = latency.size();
  stats.latencyMedianMs = core::median(latency);
  stats.latencyP95Ms = core::percentile(latency, 95.0);
  return stats;
}

}  // namespace hipguide::acquisition::detail
