#pragma once
/// A bounded first-in-first-out channel whose push never blocks.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <stop_token>

namespace hipguide::core {

/// For consumers that must see every value in order (the recorder): tryPush() fails at once
/// when the queue is full and counts the drop, so a slow consumer never blocks the producer.
/// pop() waits for a value, close() or a stop request. Thread-safe.
template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : m_capacity(capacity) {
    if (capacity == 0) throw std::invalid_argument("BoundedQueue capacity must be at least 1");
  }

  /// Appends a value; false (and one more drop counted) when full or closed.
  bool tryPush(T value) {
    {
      std::lock_guard lock(m_mutex);
      if (m_closed || m_items.size() >= m_capacity) {
        ++m_dropped;
        return false;
      }
      m_items.push_back(std::move(value));
      ++m_pushed;
    }
    m_changed.notify_one();
    return true;
  }

  /// Waits for the oldest value. After close() the remaining values are still returned; then
  /// std::nullopt. Also std::nullopt when stop is requested.
  std::optional<T> pop(std::stop_token stop = {}) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, stop, [&] { return m_closed || !m_items.empty(); });
    if (m_items.empty()) return std::nullopt;
    T value = std::move(m_items.front());
    m_items.pop_front();
    return value;
  }

  /// The oldest value without waiting, or std::nullopt.
  std::optional<T> tryPop() {
    std::lock_guard lock(m_mutex);
    if (m_items.empty()) return std::nullopt;
    T value = std::move(m_items.front());
    m_items.pop_front();
    return value;
  }

  /// Refuses further pushes and wakes the consumer.
  void close() {
    {
      std::lock_guard lock(m_mutex);
      m_closed = true;
    }
    m_changed.notify_all();
  }

  std::size_t size() const {
    std::lock_guard lock(m_mutex);
    return m_items.size();
  }
  std::size_t capacity() const { return m_capacity; }
  std::uint64_t droppedCount() const {
    std::lock_guard lock(m_mutex);
    return m_dropped;
  }
  std::uint64_t pushedCount() const {
    std::lock_guard lock(m_mutex);
    return m_pushed;
  }

 private:
  mutable std::mutex m_mutex;
  std::condition_variable_any m_changed;
  std::deque<T> m_items;
  const std::size_t m_capacity;
  std::uint64_t m_dropped = 0;
  std::uint64_t m_pushed = 0;
  bool m_closed = false;
};

}  // namespace hipguide::core
