#include <hipguide/core/BoundedQueue.h>

#include <gtest/gtest.h>

#include <thread>
#include <vector>

using hipguide::core::BoundedQueue;

TEST(BoundedQueue, KeepsOrderAndCountsDropsWhenFull) {
  BoundedQueue<int> queue(2);
  EXPECT_TRUE(queue.tryPush(1));
  EXPECT_TRUE(queue.tryPush(2));
  EXPECT_FALSE(queue.tryPush(3));
  EXPECT_EQ(queue.droppedCount(), 1u);
  EXPECT_EQ(queue.pop(), 1);
  EXPECT_EQ(queue.pop(), 2);
  EXPECT_FALSE(queue.tryPop().has_value());
}

TEST(BoundedQueue, RefusesZeroCapacity) { EXPECT_THROW(BoundedQueue<int>(0), std::invalid_argument); }

TEST(BoundedQueue, CloseDrainsThenEnds) {
  BoundedQueue<int> queue(4);
  queue.tryPush(5);
  queue.close();
  EXPECT_FALSE(queue.tryPush(6));
  EXPECT_EQ(queue.pop(), 5);
  EXPECT_FALSE(queue.pop().has_value());
}

TEST(BoundedQueue, StopRequestWakesConsumer) {
  BoundedQueue<int> queue(4);
  std::stop_source stop;
  std::jthread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    stop.request_stop();
  });
  EXPECT_FALSE(queue.pop(stop.get_token()).has_value());
}

/// Producers never block; everything pushed is either consumed in per-producer order or
/// counted as dropped.
TEST(BoundedQueue, StressPushesAreConsumedOrCountedAsDropped) {
  BoundedQueue<std::pair<int, int>> queue(64);
  constexpr int kProducers = 3;
  constexpr int kPerProducer = 20000;
  std::vector<int> lastSeen(kProducers, -1);
  std::uint64_t consumed = 0;
  bool outOfOrder = false;
  std::jthread consumer([&] {
    while (auto item = queue.pop()) {
      if (item->second <= lastSeen[item->first]) outOfOrder = true;
      lastSeen[item->first] = item->second;
      ++consumed;
    }
  });
  {
    std::vector<std::jthread> producers;
    for (int p = 0; p < kProducers; ++p)
      producers.emplace_back([&, p] {
        for (int i = 0; i < kPerProducer; ++i) queue.tryPush({p, i});
      });
  }
  queue.close();
  consumer.join();
  EXPECT_FALSE(outOfOrder);
  EXPECT_EQ(consumed + queue.droppedCount(), static_cast<std::uint64_t>(kProducers * kPerProducer));
  EXPECT_EQ(consumed, queue.pushedCount());
}
