/// The OpenIGTLink client driver against a real libopenigtlink server on loopback.

#include "IgtlTestPeer.h"
#include "IgtlTestSupport.h"

#include <hipguide/acquisition/IgtlClientDriver.h>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using namespace hipguide;
using namespace hipguide::acquisition;
using hipguide::test::FrameCollector;
using hipguide::test::IgtlTestServer;
using hipguide::test::waitUntil;
using hipguide::test::wallNowNs;

namespace {

constexpr std::int64_t kFramePeriodNs = 33'333'333;  // 30 fps

IgtlClientSettings loopbackSettings(int port) {
  IgtlClientSettings settings;
  settings.host = "127.0.0.1";
  settings.port = port;
  settings.reconnectInitialSeconds = 0.05;
  settings.reconnectMaxSeconds = 0.2;
  settings.stallAfterSeconds = 0.5;
  return settings;
}

/// Streams `count` image+transform pairs at 30 fps (real time), indices from `first`. Like a
/// scanner, it stamps each frame with its acquisition time on a steady 30 fps grid, however
/// late the test thread gets to send it.
void stream30Fps(IgtlTestServer& server, int first, int count) {
  auto next = std::chrono::steady_clock::now();
  const std::int64_t startWallNs = wallNowNs();
  for (int index = first; index < first + count; ++index) {
    const std::int64_t stampNs = startWallNs + (index - first) * kFramePeriodNs;
    server.send(test::packImage("Image_Reference", 64, 48, index, stampNs));
    server.send(test::packTranslation("ProbeToReference", static_cast<float>(index), 0, 0, stampNs));
    next += std::chrono::nanoseconds(kFramePeriodNs);
    std::this_thread::sleep_until(next);
  }
}

}  // namespace

/// PLUS sends each IMAGE before its TRANSFORMs. Until the first pose arrives the driver does
/// not know that poses will come, so the first frame goes out at once without one; from then
/// on each image waits (at most poseToleranceMs) for the pose with its timestamp.
TEST(IgtlClientDriver, ReceivesEveryFrameAt30FpsWithMatchedPoseAndLatency) {
  IgtlTestServer server;
  ASSERT_TRUE(server.ok());
  IgtlClientDriver driver(loopbackSettings(server.port()));
  FrameCollector frames(driver);
  driver.start();
  ASSERT_TRUE(server.waitForClient(3000));
  stream30Fps(server, 1, 60);
  ASSERT_TRUE(waitUntil([&] { return frames.size() >= 60; }));
  EXPECT_EQ(driver.state(), DriverState::Streaming);
  const auto received = frames.frames();
  ASSERT_EQ(received.size(), 60u);
  for (std::size_t i = 0; i < received.size(); ++i) {
    const core::Frame& frame = *received[i];
    ASSERT_EQ(test::frameIndexOf(frame), static_cast<int>(i + 1)) << "frame " << i;
    EXPECT_EQ(frame.width, 64);
    EXPECT_EQ(frame.height, 48);
    EXPECT_NEAR(frame.spacingMm.x(), 0.2, 1e-6);
    EXPECT_NEAR(frame.spacingMm.y(), 0.3, 1e-6);
    if (i == 0) continue;
    ASSERT_TRUE(frame.probeToReference.valid) << "frame " << i;
    EXPECT_NEAR(frame.probeToReference.transform.translation().x(), static_cast<double>(i + 1), 1e-4);
  }
  const IgtlClientStats stats = driver.stats();
  EXPECT_EQ(stats.images, 60u);
  EXPECT_EQ(stats.poses, 60u);
  EXPECT_EQ(stats.framesWithPose, 59u);
  EXPECT_EQ(stats.imageDevice, "Image_Reference");
  EXPECT_EQ(stats.probeTransform, "ProbeToReference");
  EXPECT_EQ(driver.counters().framesLostAtSource, 0u);
  EXPECT_EQ(driver.counters().messagesRefused, 0u);
  EXPECT_EQ(stats.latencySamples, 60u);
  EXPECT_GE(stats.latencyMedianMs, 0.0);
  EXPECT_LT(stats.latencyP95Ms, 100.0);  // loopback: anything near a frame period means a stall
}

TEST(IgtlClientDriver, TakesGeometryFromTheImageMessage) {
  IgtlTestServer server;
  ASSERT_TRUE(server.ok());
  IgtlClientDriver driver(loopbackSettings(server.port()));
  FrameCollector frames(driver);
  driver.start();
  ASSERT_TRUE(server.waitForClient(3000));
  const float centre[3] = {10.0f, 20.0f, 30.0f};
  server.send(test::packImage("US", 101, 51, 7, wallNowNs(), 0.5f, 0.25f, 1, centre));
  ASSERT_TRUE(waitUntil([&] { return frames.size() == 1; }));
  const core::Frame& frame = *frames.last();
  ASSERT_TRUE(frame.imageToProbe.valid);
  // OpenIGTLink puts the origin at the image centre; Frame measures from the first pixel.
  const core::Vec3 firstPixel = frame.imageToProbe.transform * core::Vec3(0, 0, 0);
  EXPECT_NEAR(firstPixel.x(), 10.0 - 0.5 * 50, 1e-4);
  EXPECT_NEAR(firstPixel.y(), 20.0 - 0.25 * 25, 1e-4);
  EXPECT_NEAR(firstPixel.z(), 30.0, 1e-4);
  const core::Vec3 centrePixel = frame.imageToProbe.transform * core::Vec3(0.5 * 50, 0.25 * 25, 0);
  EXPECT_NEAR((centrePixel - core::Vec3(10, 20, 30)).norm(), 0.0, 1e-4);
}

TEST(IgtlClientDriver, ConvertsColourImagesToGrey) {
  IgtlTestServer server;
  ASSERT_TRUE(server.ok());
  IgtlClientDriver driver(loopbackSettings(server.port()));
  FrameCollector frames(driver);
  driver.start();
  ASSERT_TRUE(server.waitForClient(3000));
  server.send(test::packImage("Colour", 32, 16, 0, wallNowNs(), 0.2f, 0.2f, 3));
  ASSERT_TRUE(waitUntil([&] { return frames.size() == 1; }));
  const core::Frame& frame = *frames.last();
  ASSERT_EQ(frame.grey.size(), 32u * 16u);
  ASSERT_EQ(frame.rgb.size(), 32u * 16u * 3u);
  // The test image has R = G = B = (pixel index % 251) beyond the first two pixels.
  EXPECT_EQ(frame.at(5, 3), static_cast<std::uint8_t>((3 * 32 + 5) % 251));
}

TEST(IgtlClientDriver, UsesTheConfiguredDevicesAndIgnoresOthers) {
  IgtlTestServer server;
  ASSERT_TRUE(server.ok());
  IgtlClientSettings settings = loopbackSettings(server.port());
  settings.imageDevice = "Probe";
  settings.probeTransform = "ProbeToTracker";
  IgtlClientDriver driver(settings);
  FrameCollector frames(driver);
  driver.start();
  ASSERT_TRUE(server.waitForClient(3000));
  const std::int64_t now = wallNowNs();
  server.send(test::packImage("Webcam", 16, 16, 1, now));
  server.send(test::packTranslation("StylusToTracker", 99, 0, 0, now));
  const float position[3] = {1.0f, 2.0f, 3.0f};
  const float quaternion[4] = {0.0f, 0.0f, 0.0f, 1.0f};
  server.send(test::packPosition("ProbeToTracker", position, quaternion, now));
  server.send(test::packImage("Probe", 16, 16, 2, now));
  ASSERT_TRUE(waitUntil([&] { return frames.size() == 1; }));
  const core::Frame& frame = *frames.last();
  EXPECT_EQ(test::frameIndexOf(frame), 2);
  ASSERT_TRUE(frame.probeToReference.valid);
  EXPECT_NEAR((frame.probeToReference.transform.translation() - core::Vec3(1, 2, 3)).norm(), 0.0, 1e-5);
  ASSERT_TRUE(waitUntil([&] { return driver.stats().ignored == 2; }));
  const IgtlClientStats stats = driver.stats();
  EXPECT_EQ(stats.imageDevicesSeen, (std::vector<std::string>{"Webcam", "Probe"}));
  EXPECT_EQ(stats.transformDevicesSeen, (std::vector<std::string>{"StylusToTracker", "ProbeToTracker"}));
}

TEST(IgtlClientDriver, CountsGapsFromTheImageTimestamps) {
  IgtlTestServer server;
  ASSERT_TRUE(server.ok());
  IgtlClientDriver driver(loopbackSettings(server.port()));
  FrameCollector frames(driver);
  driver.start();
  ASSERT_TRUE(server.waitForClient(3000));
  const std::int64_t start = wallNowNs();
  int sent = 0;
  for (int index = 0; index < 40; ++index) {
    if (index >= 20 && index < 23) continue;  // three frames lost at the source
    server.send(test::packImage("Image", 16, 16, index, start + index * kFramePeriodNs));
    ++sent;
  }
  ASSERT_TRUE(waitUntil([&] { return frames.size() == static_cast<std::size_t>(sent); }));
  EXPECT_EQ(driver.counters().framesLostAtSource, 3u);
}

TEST(IgtlClientDriver, ReportsAStallAndRecoversWhenImagesReturn) {
  IgtlTestServer server;
  ASSERT_TRUE(server.ok());
  IgtlClientDriver driver(loopbackSettings(server.port()));
  FrameCollector frames(driver);
  driver.start();
  ASSERT_TRUE(server.waitForClient(3000));
  server.send(test::packImage("Image", 16, 16, 1, wallNowNs()));
  ASSERT_TRUE(waitUntil([&] { return driver.state() == DriverState::Streaming; }));
  ASSERT_TRUE(waitUntil([&] { return driver.state() == DriverState::Stalled; }, 3000));
  EXPECT_NE(driver.lastError().find("no image from 'Image'"), std::string::npos) << driver.lastError();
  server.send(test::packImage("Image", 16, 16, 2, wallNowNs()));
  EXPECT_TRUE(waitUntil([&] { return driver.state() == DriverState::Streaming; }));
}

TEST(IgtlClientDriver, ReconnectsAfterTheServerIsKilledAndRestarted) {
  auto server = std::make_unique<IgtlTestServer>(0, true);
  ASSERT_TRUE(server->ok());
  const int port = server->port();
  IgtlClientDriver driver(loopbackSettings(port));
  FrameCollector frames(driver);
  driver.start();
  ASSERT_TRUE(server->waitForClient(3000));
  stream30Fps(*server, 1, 10);
  ASSERT_TRUE(waitUntil([&] { return frames.size() == 10; }));
  server.reset();  // the server process "dies": both sockets close
  ASSERT_TRUE(waitUntil([&] { return driver.state() == DriverState::Connecting; }));
  EXPECT_NE(driver.lastError().find("retrying"), std::string::npos) << driver.lastError();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // a few refused attempts
  server = std::make_unique<IgtlTestServer>(port, true);
  ASSERT_TRUE(server->ok()) << "could not listen again on port " << port;
  ASSERT_TRUE(server->waitForClient(3000));
  stream30Fps(*server, 11, 10);
  ASSERT_TRUE(waitUntil([&] { return frames.size() == 20; }));
  EXPECT_EQ(driver.state(), DriverState::Streaming);
  EXPECT_EQ(test::frameIndexOf(*frames.last()), 20);
  EXPECT_EQ(driver.stats().connections, 2u);
}

TEST(IgtlClientDriver, RefusesAndCountsMalformedMessagesWithoutLosingTheStream) {
  IgtlTestServer server;
  ASSERT_TRUE(server.ok());
  IgtlClientSettings settings = loopbackSettings(server.port());
  settings.maxBodyBytes = 64 * 1024;
  IgtlClientDriver driver(settings);
  FrameCollector frames(driver);
  driver.start();
  ASSERT_TRUE(server.waitForClient(3000));

  std::vector<std::uint8_t> badCrc = test::packImage("Image", 16, 16, 100, wallNowNs());
  badCrc[58 + 72 + 10] ^= 0xFF;
  server.send(badCrc);
  std::vector<std::uint8_t> lyingSize = test::packImage("Image", 16, 16, 101, wallNowNs());
  lyingSize[58 + 6] = 0x10;   // image size: 4096 more columns...
  lyingSize[58 + 66] = 0x10;  // ...and the same sub-volume: a consistent header, a short body
  test::fixCrc(lyingSize);
  server.send(lyingSize);
  server.send(test::packImage("Image", 400, 400, 102, wallNowNs()));  // 160 KB > 64 KiB limit
  server.send(test::packImage("Image", 16, 16, 103, wallNowNs()));
  ASSERT_TRUE(waitUntil([&] { return frames.size() == 1; }));
  EXPECT_EQ(test::frameIndexOf(*frames.last()), 103);
  IgtlClientStats stats = driver.stats();
  EXPECT_EQ(stats.refusedBadCrc, 1u);
  EXPECT_EQ(stats.refusedMalformed, 1u);
  EXPECT_EQ(stats.refusedOversized, 1u);
  EXPECT_EQ(driver.counters().messagesRefused, 3u);
  EXPECT_EQ(stats.connections, 1u);

  // A body size no sender could mean: refused without allocating, connection reset.
  std::vector<std::uint8_t> absurd = test::packImage("Image", 16, 16, 104, wallNowNs());
  absurd.resize(58);
  test::setBodySizeField(absurd, 1ull << 62);
  server.send(absurd);
  ASSERT_TRUE(waitUntil([&] { return driver.stats().refusedImpossibleSize == 1; }));
  server.dropClient();
  ASSERT_TRUE(server.waitForClient(3000));
  server.send(test::packImage("Image", 16, 16, 105, wallNowNs()));
  ASSERT_TRUE(waitUntil([&] { return frames.size() == 2; }));
  EXPECT_EQ(test::frameIndexOf(*frames.last()), 105);
  EXPECT_EQ(driver.stats().connections, 2u);
  EXPECT_EQ(driver.counters().messagesRefused, 4u);
}

TEST(IgtlClientDriver, KeepsRetryingWithAReasonWhileNobodyListens) {
  int port = 0;
  {
    IgtlTestServer probe;  // find a free port, then close it
    port = probe.port();
  }
  IgtlClientDriver driver(loopbackSettings(port));
  driver.start();
  ASSERT_TRUE(waitUntil([&] { return !driver.lastError().empty(); }));
  EXPECT_EQ(driver.state(), DriverState::Connecting);
  EXPECT_NE(driver.lastError().find("refused"), std::string::npos) << driver.lastError();
  driver.stop();
  EXPECT_EQ(driver.state(), DriverState::Stopped);
}

TEST(IgtlClientDriver, RefusesUnusableSettings) {
  IgtlClientSettings settings;
  settings.port = 0;
  EXPECT_THROW(IgtlClientDriver{settings}, std::invalid_argument);
  settings = IgtlClientSettings{};
  settings.maxBodyBytes = 10;
  EXPECT_THROW(IgtlClientDriver{settings}, std::invalid_argument);
}
