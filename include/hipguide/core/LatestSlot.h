#pragma once
/// Latest-value-wins channel between one or more producers and any number of readers.

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <stop_token>

namespace hipguide::core {

/// Holds only the newest value (FAST's NewestFrameDataChannel): a publish replaces what was
/// there, so a slow reader skips values instead of delaying the producer. Every publish bumps
/// a sequence number, which readers use to wait for something newer than what they saw.
/// All members are thread-safe; publish never blocks beyond a short mutex hold.
template <typename T>
class LatestSlot {
 public:
  /// A value with the sequence number of its publish (1 for the first).
  struct Entry {
    T value;
    std::uint64_t sequence = 0;
  };

  /// Replaces the held value and wakes waiting readers. Ignored after close().
  void publish(T value) {
    {
      std::lock_guard lock(m_mutex);
      if (m_closed) return;
      m_value = std::move(value);
      ++m_sequence;
    }
    m_changed.notify_all();
  }

  /// The newest value, if any was published.
  std::optional<Entry> latest() const {
    std::lock_guard lock(m_mutex);
    if (!m_value) return std::nullopt;
    return Entry{*m_value, m_sequence};
  }

  /// Waits until a value newer than `seenSequence` exists, the slot is closed or stop is
  /// requested; returns std::nullopt in the last two cases.
  std::optional<Entry> waitNewer(std::uint64_t seenSequence, std::stop_token stop) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, stop, [&] { return m_closed || m_sequence > seenSequence; });
    if (m_closed || stop.stop_requested() || m_sequence <= seenSequence) return std::nullopt;
    return Entry{*m_value, m_sequence};
  }

  /// Wakes all waiters; later publishes are ignored.
  void close() {
    {
      std::lock_guard lock(m_mutex);
      m_closed = true;
    }
    m_changed.notify_all();
  }

  std::uint64_t sequence() const {
    std::lock_guard lock(m_mutex);
    return m_sequence;
  }

 private:
  mutable std::mutex m_mutex;
  std::condition_variable_any m_changed;
  std::optional<T> m_value;
  std::uint64_t m_sequence = 0;
  bool m_closed = false;
};

}  // namespace hipguide::core
