/// The OpenIGTLink tracker client against a real libopenigtlink server on loopback.

#include "IgtlTestPeer.h"
#include "IgtlTestSupport.h"

#include <hipguide/acquisition/IgtlTrackerClient.h>

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <stdexcept>

using namespace hipguide;
using namespace hipguide::acquisition;
using hipguide::test::IgtlTestServer;
using hipguide::test::waitUntil;
using hipguide::test::wallNowNs;

namespace {

IgtlTrackerSettings loopbackTracker(int port) {
  IgtlTrackerSettings settings = igtlTrackerSettingsFor("127.0.0.1:" + std::to_string(port));
  settings.reconnectInitialSeconds = 0.05;
  settings.reconnectMaxSeconds = 0.2;
  return settings;
}

}  // namespace

TEST(IgtlTrackerClient, ParsesAddressesAndRefusesBadSettings) {
  EXPECT_EQ(igtlTrackerSettingsFor("igtl://tracker.local:18945").host, "tracker.local");
  EXPECT_EQ(igtlTrackerSettingsFor("tracker.local:18945").port, 18945);
  EXPECT_EQ(igtlTrackerSettingsFor("localhost").port, 18944);
  EXPECT_THROW(igtlTrackerSettingsFor("video:/dev/video0"), std::invalid_argument);
  IgtlTrackerSettings settings = loopbackTracker(18944);
  settings.needleDevice = "ANeedleDeviceNameOver20";
  EXPECT_THROW(validate(settings), std::invalid_argument);
  settings.needleDevice.clear();
  settings.probeDevice.clear();
  EXPECT_THROW(validate(settings), std::invalid_argument);
}

TEST(IgtlTrackerClient, SaysWhyWhileNobodyListens) {
  int port = 0;
  {
    IgtlTestServer gone;  // a port that was free a moment ago
    ASSERT_TRUE(gone.ok());
    port = gone.port();
  }
  IgtlTrackerClient client(loopbackTracker(port));
  ASSERT_TRUE(waitUntil([&] { return client.snapshot().reason.find("retrying") != std::string::npos; }))
      << client.snapshot().reason;
  const TrackerSnapshot snapshot = client.snapshot();
  EXPECT_FALSE(snapshot.connected);
  EXPECT_NE(snapshot.reason.find(std::to_string(port)), std::string::npos) << snapshot.reason;
  EXPECT_FALSE(snapshot.needle.has_value());
}

TEST(IgtlTrackerClient, KeepsTheNewestPoseOfEachConfiguredDevice) {
  IgtlTestServer server;
  ASSERT_TRUE(server.ok());
  IgtlTrackerClient client(loopbackTracker(server.port()));
  ASSERT_TRUE(server.waitForClient(3000));
  ASSERT_TRUE(waitUntil([&] { return client.snapshot().connected; }));
  EXPECT_FALSE(client.snapshot().needle.has_value());  // connected, no transforms yet

  const double needle[16] = {0, 0, 1, 10, 0, 1, 0, 20, -1, 0, 0, 30, 0, 0, 0, 1};  // 90° about y
  server.send(test::packTranslation("NeedleToReference", 1, 2, 3, wallNowNs()));
  server.send(test::packMatrix("NeedleToReference", needle, wallNowNs()));
  const float position[3] = {5, 6, 7};
  const float quaternion[4] = {0, 0, std::sin(0.25 * M_PI), std::cos(0.25 * M_PI)};  // 90° about z
  server.send(test::packPosition("ProbeToReference", position, quaternion, wallNowNs()));
  server.send(test::packTranslation("StylusToTracker", 9, 9, 9, wallNowNs()));
  server.send(test::packImage("Image_Reference", 16, 16, 1, wallNowNs()));
  ASSERT_TRUE(waitUntil([&] { return client.snapshot().messages == 5; }));

  const TrackerSnapshot snapshot = client.snapshot();
  ASSERT_TRUE(snapshot.needle && snapshot.probe);
  EXPECT_EQ(snapshot.needle->count, 2u);
  EXPECT_TRUE(snapshot.needle->pose.translation().isApprox(core::Vec3(10, 20, 30)));
  EXPECT_NEAR(snapshot.needle->pose.linear()(0, 2), 1.0, 1e-6);  // needle z → reference x
  EXPECT_TRUE(snapshot.probe->pose.translation().isApprox(core::Vec3(5, 6, 7)));
  EXPECT_NEAR(snapshot.probe->pose.linear()(1, 0), 1.0, 1e-6);  // probe x → reference y
  EXPECT_GT(snapshot.needle->receivedNs, 0);
  EXPECT_FALSE(snapshot.phantom.has_value());
  EXPECT_EQ(snapshot.ignored, 2u);
  EXPECT_EQ(snapshot.transformDevicesSeen,
            (std::vector<std::string>{"NeedleToReference", "ProbeToReference", "StylusToTracker"}));
}

TEST(IgtlTrackerClient, KeepsThePosesAcrossADisconnectionAndReconnects) {
  auto server = std::make_unique<IgtlTestServer>(0, true);
  ASSERT_TRUE(server->ok());
  const int port = server->port();
  IgtlTrackerClient client(loopbackTracker(port));
  ASSERT_TRUE(server->waitForClient(3000));
  server->send(test::packTranslation("PhantomToReference", 100, 0, 0, wallNowNs()));
  ASSERT_TRUE(waitUntil([&] { return client.snapshot().phantom.has_value(); }));
  server.reset();
  ASSERT_TRUE(waitUntil([&] { return !client.snapshot().connected; }));
  EXPECT_TRUE(client.snapshot().phantom.has_value());
  server = std::make_unique<IgtlTestServer>(port, true);
  ASSERT_TRUE(server->ok()) << "could not listen again on port " << port;
  ASSERT_TRUE(server->waitForClient(3000));
  ASSERT_TRUE(waitUntil([&] { return client.snapshot().connected; }));
  EXPECT_EQ(client.snapshot().connections, 2u);
}
