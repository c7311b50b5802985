/// The GUI's OpenIGTLink output, received by a libopenigtlink client as 3D Slicer would.

#include <hipguide/app/IgtlShare.h>
#include <hipguide/app/MainWindow.h>

#include <igtlImageMessage.h>
#include <igtlStringMessage.h>

#include <QTest>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "acquisition/IgtlTestPeer.h"

using namespace hipguide;

TEST(IgtlShare, ASlicerLikeClientReceivesTheImagesTheWindowShows) {
  app::MainWindow window;
  window.show();
  ASSERT_TRUE(window.openSource("test-pattern", 30.0));
  ASSERT_TRUE(window.setSharing(true, 0));
  ASSERT_GT(window.share().port(), 0);
  test::SlicerLikeClient client;
  ASSERT_TRUE(client.connect(window.share().port()));
  std::atomic<bool> sawImage = false;
  std::atomic<bool> sawStatus = false;
  // The client reads on its own thread while the window's event loop runs.
  std::thread reader([&] {
    for (int count = 0; count < 200 && !(sawImage && sawStatus); ++count) {
      igtl::MessageBase::Pointer message = client.receive();
      if (message.IsNull()) break;
      if (auto* image = dynamic_cast<igtl::ImageMessage*>(message.GetPointer())) {
        int size[3];
        image->GetDimensions(size);
        sawImage = sawImage || (size[0] == 640 && size[1] == 480);
      }
      if (auto* status = dynamic_cast<igtl::StringMessage*>(message.GetPointer()))
        sawStatus = sawStatus || std::string(status->GetString()).find("test-pattern") != std::string::npos;
    }
  });
  const bool received = QTest::qWaitFor([&] { return sawImage && sawStatus; }, 10000);
  window.setSharing(false);
  reader.join();
  EXPECT_TRUE(received) << "image seen: " << sawImage << ", status seen: " << sawStatus;
  EXPECT_FALSE(window.share().active());
}
