/// HipGuide's OpenIGTLink output, received by a real libopenigtlink client on loopback.

#include "IgtlTestPeer.h"
#include "IgtlTestSupport.h"

#include <hipguide/acquisition/IgtlClientDriver.h>
#include <hipguide/acquisition/IgtlServer.h>
#include <hipguide/core/SteadyClock.h>

#include <gtest/gtest.h>

#include <map>

using namespace hipguide;
using namespace hipguide::acquisition;
using hipguide::test::SlicerLikeClient;
using hipguide::test::waitUntil;

namespace {

IgtlServerSettings anyFreePort() {
  IgtlServerSettings settings;
  settings.port = 0;
  return settings;
}

core::Frame patternFrame(int width, int height, int index) {
  core::Frame frame;
  frame.width = width;
  frame.height = height;
  frame.spacingMm = {0.2, 0.25};
  frame.grey.resize(static_cast<std::size_t>(width) * height);
  for (std::size_t i = 0; i < frame.grey.size(); ++i)
    frame.grey[i] = static_cast<std::uint8_t>((i * 7 + index) % 256);
  frame.deviceTimestampNs = core::steadyNowNs();
  return frame;
}

}  // namespace

TEST(IgtlServer, SlicerLikeClientReceivesImageNeedlePathAndStatus) {
  IgtlServer server(anyFreePort());
  ASSERT_GT(server.port(), 0);
  SlicerLikeClient client;
  ASSERT_TRUE(client.connect(server.port()));
  ASSERT_TRUE(waitUntil([&] { return server.stats().clients == 1; }));

  const core::Frame frame = patternFrame(120, 80, 3);
  core::NeedleEstimate needle;
  needle.detected = true;
  needle.entryMm = {2.0, 4.0};
  needle.tipMm = {8.0, 12.0};
  server.publishFrame(frame);
  server.publishNeedle(needle, frame);
  server.publishPath({core::Vec3(8, 12, 0), core::Vec3(11, 16, 0)}, frame);
  server.publishStatus("tracking: needle detected");

  auto messages = client.receiveTypes({"IMAGE", "TRANSFORM", "POINT", "STRING"});
  ASSERT_EQ(messages.size(), 4u);

  auto* image = dynamic_cast<igtl::ImageMessage*>(messages["IMAGE"].GetPointer());
  ASSERT_NE(image, nullptr);
  EXPECT_STREQ(image->GetDeviceName(), "Image");
  int size[3];
  image->GetDimensions(size);
  EXPECT_EQ(size[0], 120);
  EXPECT_EQ(size[1], 80);
  EXPECT_EQ(size[2], 1);
  float spacing[3];
  image->GetSpacing(spacing);
  EXPECT_NEAR(spacing[0], 0.2, 1e-6);
  EXPECT_NEAR(spacing[1], 0.25, 1e-6);
  ASSERT_EQ(image->GetScalarType(), igtl::ImageMessage::TYPE_UINT8);
  const auto* pixels = static_cast<const std::uint8_t*>(image->GetScalarPointer());
  EXPECT_TRUE(std::equal(frame.grey.begin(), frame.grey.end(), pixels));
  igtl::Matrix4x4 matrix;
  image->GetMatrix(matrix);
  EXPECT_NEAR(matrix[0][3], 0.2 * 119 / 2, 1e-4);  // the centre, in image mm
  EXPECT_NEAR(matrix[1][3], 0.25 * 79 / 2, 1e-4);

  auto* tip = dynamic_cast<igtl::TransformMessage*>(messages["TRANSFORM"].GetPointer());
  ASSERT_NE(tip, nullptr);
  EXPECT_STREQ(tip->GetDeviceName(), "NeedleTip");
  tip->GetMatrix(matrix);
  EXPECT_NEAR(matrix[0][3], 8.0, 1e-5);
  EXPECT_NEAR(matrix[1][3], 12.0, 1e-5);
  EXPECT_NEAR(matrix[0][0], 0.6, 1e-5);  // x axis along entry → tip = (6, 8) / 10
  EXPECT_NEAR(matrix[1][0], 0.8, 1e-5);

  auto* path = dynamic_cast<igtl::PointMessage*>(messages["POINT"].GetPointer());
  ASSERT_NE(path, nullptr);
  ASSERT_EQ(path->GetNumberOfPointElement(), 2);
  igtl::PointElement::Pointer point;
  path->GetPointElement(1, point);
  float position[3];
  point->GetPosition(position);
  EXPECT_NEAR(position[0], 11.0, 1e-5);
  EXPECT_NEAR(position[1], 16.0, 1e-5);

  auto* status = dynamic_cast<igtl::StringMessage*>(messages["STRING"].GetPointer());
  ASSERT_NE(status, nullptr);
  EXPECT_STREQ(status->GetString(), "tracking: needle detected");
}

TEST(IgtlServer, RoundTripThroughHipGuidesOwnClientKeepsPixelsAndGeometry) {
  IgtlServer server(anyFreePort());
  IgtlClientSettings settings;
  settings.host = "127.0.0.1";
  settings.port = server.port();
  IgtlClientDriver driver(settings);
  test::FrameCollector frames(driver);
  driver.start();
  ASSERT_TRUE(waitUntil([&] { return server.stats().clients == 1; }));
  for (int index = 0; index < 5; ++index) {
    server.publishFrame(patternFrame(64, 48, index));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(waitUntil([&] { return frames.size() == 5; }));
  const core::Frame sent = patternFrame(64, 48, 4);
  const core::Frame& received = *frames.last();
  EXPECT_EQ(received.grey, sent.grey);
  EXPECT_NEAR(received.spacingMm.x(), 0.2, 1e-6);
  EXPECT_NEAR(received.spacingMm.y(), 0.25, 1e-6);
  ASSERT_TRUE(received.imageToProbe.valid);  // image mm out, image mm back in
  EXPECT_TRUE(received.imageToProbe.transform.isApprox(core::Transform3::Identity(), 1e-5));
  EXPECT_EQ(driver.counters().messagesRefused, 0u);
}

TEST(IgtlServer, AClientThatStopsReadingNeverSlowsThePublisher) {
  IgtlServerSettings settings = anyFreePort();
  settings.sendTimeoutSeconds = 30.0;  // a blocking server would wait this long per message
  IgtlServer server(settings);
  SlicerLikeClient stalled;  // connects, never reads
  ASSERT_TRUE(stalled.connect(server.port()));
  SlicerLikeClient reader;
  ASSERT_TRUE(reader.connect(server.port()));
  ASSERT_TRUE(waitUntil([&] { return server.stats().clients == 2; }));

  const auto start = std::chrono::steady_clock::now();
  for (int index = 0; index < 200; ++index) server.publishFrame(patternFrame(640, 480, index));  // 61 MB
  const double publishSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(publishSeconds, 10.0) << "publishing waited for the stalled client";
  EXPECT_GT(server.stats().messagesSkipped, 0u);

  // The reading client catches up with the newest frame (older ones may be skipped).
  const std::vector<std::uint8_t> newest = patternFrame(640, 480, 199).grey;
  bool sawNewest = false;
  for (int i = 0; i < 200 && !sawNewest; ++i) {
    igtl::MessageBase::Pointer message = reader.receive();
    ASSERT_TRUE(message.IsNotNull());
    auto* image = dynamic_cast<igtl::ImageMessage*>(message.GetPointer());
    ASSERT_NE(image, nullptr);
    sawNewest =
        std::equal(newest.begin(), newest.end(), static_cast<const std::uint8_t*>(image->GetScalarPointer()));
  }
  EXPECT_TRUE(sawNewest);
}

TEST(IgtlServer, RefusesClientsBeyondTheLimitAndListensOnLoopbackByDefault) {
  EXPECT_EQ(IgtlServerSettings{}.bindAddress, "127.0.0.1");
  IgtlServerSettings settings = anyFreePort();
  settings.maxClients = 1;
  IgtlServer server(settings);
  SlicerLikeClient first;
  ASSERT_TRUE(first.connect(server.port()));
  ASSERT_TRUE(waitUntil([&] { return server.stats().clients == 1; }));
  SlicerLikeClient second;
  ASSERT_TRUE(second.connect(server.port()));  // TCP accepts, then the server closes it
  ASSERT_TRUE(waitUntil([&] { return server.stats().clientsRefused == 1; }));
  EXPECT_TRUE(second.receive().IsNull());
  EXPECT_EQ(server.stats().clients, 1u);
}

TEST(IgtlServer, RefusesBadSettingsWithAClearMessage) {
  IgtlServerSettings settings = anyFreePort();
  settings.needleDevice = "AVeryLongNeedleTipDeviceName";
  EXPECT_THROW(IgtlServer{settings}, std::invalid_argument);
  settings = anyFreePort();
  settings.bindAddress = "not-an-address";
  EXPECT_THROW(IgtlServer{settings}, std::runtime_error);
}
