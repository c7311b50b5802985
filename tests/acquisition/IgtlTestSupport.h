#pragma once
/// Small helpers shared by the live-source tests: waiting for a condition, collecting frames.

#include <hipguide/acquisition/ProbeDriver.h>

#include <chrono>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace hipguide::test {

/// Polls `condition` every millisecond until it holds or `timeoutMs` passed; its last value.
inline bool waitUntil(const std::function<bool()>& condition, int timeoutMs = 5000) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

/// Subscribes to a driver and keeps every frame it publishes (thread-safe).
class FrameCollector {
 public:
  explicit FrameCollector(acquisition::ProbeDriver& driver) {
    driver.subscribe([this](const core::FramePtr& frame) {
      std::lock_guard lock(m_mutex);
      m_frames.push_back(frame);
    });
  }
  std::size_t size() const {
    std::lock_guard lock(m_mutex);
    return m_frames.size();
  }
  std::vector<core::FramePtr> frames() const {
    std::lock_guard lock(m_mutex);
    return m_frames;
  }
  core::FramePtr last() const {
    std::lock_guard lock(m_mutex);
    return m_frames.empty() ? nullptr : m_frames.back();
  }

 private:
  mutable std::mutex m_mutex;
  std::vector<core::FramePtr> m_frames;
};

/// The frame index a test server wrote into the first two pixels.
inline int frameIndexOf(const core::Frame& frame) { return frame.grey[0] | (frame.grey[1] << 8); }

}  // namespace hipguide::test
