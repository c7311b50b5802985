#include <hipguide/core/LatestSlot.h>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

using hipguide::core::LatestSlot;

TEST(LatestSlot, HoldsOnlyTheNewestValue) {
  LatestSlot<int> slot;
  EXPECT_FALSE(slot.latest().has_value());
  slot.publish(1);
  slot.publish(2);
  const auto entry = slot.latest();
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(entry->value, 2);
  EXPECT_EQ(entry->sequence, 2u);
}

TEST(LatestSlot, WaitNewerReturnsOnlyUnseenValues) {
  LatestSlot<int> slot;
  slot.publish(7);
  std::stop_source stop;
  const auto first = slot.waitNewer(0, stop.get_token());
  ASSERT_TRUE(first);
  EXPECT_EQ(first->value, 7);
  std::jthread producer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    slot.publish(8);
  });
  const auto second = slot.waitNewer(first->sequence, stop.get_token());
  ASSERT_TRUE(second);
  EXPECT_EQ(second->value, 8);
}

TEST(LatestSlot, CloseAndStopWakeWaiters) {
  LatestSlot<int> slot;
  std::stop_source stop;
  std::jthread closer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    slot.close();
  });
  EXPECT_FALSE(slot.waitNewer(0, stop.get_token()).has_value());
  slot.publish(3);  // ignored after close
  EXPECT_FALSE(slot.latest().has_value());

  LatestSlot<int> other;
  std::jthread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    stop.request_stop();
  });
  EXPECT_FALSE(other.waitNewer(0, stop.get_token()).has_value());
}

/// Several producers and readers hammer one slot; readers must see strictly increasing
/// sequences and values that some producer published. Run under ThreadSanitizer in CI.
TEST(LatestSlot, StressManyProducersAndReaders) {
  LatestSlot<std::pair<int, int>> slot;
  constexpr int kProducers = 3;
  constexpr int kPerProducer = 20000;
  std::atomic<bool> failed{false};
  std::stop_source stop;
  std::vector<std::jthread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&] {
      std::uint64_t seen = 0;
      while (auto entry = slot.waitNewer(seen, stop.get_token())) {
        if (entry->sequence <= seen) failed = true;
        if (entry->value.first < 0 || entry->value.first >= kProducers) failed = true;
        seen = entry->sequence;
      }
    });
  }
  {
    std::vector<std::jthread> producers;
    for (int p = 0; p < kProducers; ++p)
      producers.emplace_back([&, p] {
        for (int i = 0; i < kPerProducer; ++i) slot.publish({p, i});
      });
  }
  EXPECT_EQ(slot.sequence(), static_cast<std::uint64_t>(kProducers * kPerProducer));
  slot.close();
  readers.clear();
  EXPECT_FALSE(failed);
}
