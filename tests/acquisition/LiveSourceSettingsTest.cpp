/// Settings of the live sources: JSON round trips, per-device files, calibration.

#include "TestData.h"

#include <hipguide/acquisition/IgtlClientSettings.h>
#include <hipguide/acquisition/SourceSettingsFile.h>
#include <hipguide/acquisition/VideoGrabberCalibration.h>
#include <hipguide/acquisition/VideoGrabberSettings.h>

#include <gtest/gtest.h>

using namespace hipguide::acquisition;

TEST(LiveSourceSettings, DepthTicksGiveMillimetresPerPixel) {
  EXPECT_DOUBLE_EQ(mmPerPixelFromDepthTicks({100, 50}, {100, 450}, 40.0), 0.1);
  EXPECT_DOUBLE_EQ(mmPerPixelFromDepthTicks({0, 0}, {30, 40}, 10.0), 0.2);  // any direction
  EXPECT_THROW(mmPerPixelFromDepthTicks({10, 10}, {10, 11}, 10.0), std::invalid_argument);
  EXPECT_THROW(mmPerPixelFromDepthTicks({10, 10}, {10, 110}, 0.0), std::invalid_argument);
}

TEST(LiveSourceSettings, VideoSettingsSurviveJsonAndAreKeptPerDevice) {
  const auto dir = hipguide::test::freshTempDir();
  VideoGrabberSettings settings;
  settings.device = "/dev/video2";
  settings.crop = {12, 34, 560, 420};
  settings.mmPerPixel = 0.125;
  settings.frozenAfterFrames = 7;
  settings.loopFile = false;
  settings.displayRangeDb = 90;
  saveVideoGrabberSettings(settings, dir);
  EXPECT_TRUE(std::filesystem::exists(dir / "video__dev_video2.json"));

  const VideoGrabberSettings loaded = loadVideoGrabberSettings(parseSourceSpec("video:/dev/video2"), dir);
  EXPECT_EQ(loaded.crop, settings.crop);
  EXPECT_EQ(loaded.mmPerPixel, 0.125);
  EXPECT_EQ(loaded.frozenAfterFrames, 7);
  EXPECT_FALSE(loaded.loopFile);
  EXPECT_EQ(loaded.displayRangeDb, 90);
  const VideoGrabberSettings other = loadVideoGrabberSettings(parseSourceSpec("video:/dev/video3"), dir);
  EXPECT_TRUE(other.crop.empty());
  EXPECT_EQ(other.device, "/dev/video3");
}

TEST(LiveSourceSettings, IgtlSettingsSurviveJsonAndHostComesFromTheSpec) {
  const auto dir = hipguide::test::freshTempDir();
  IgtlClientSettings settings = igtlClientSettingsFor(parseSourceSpec("igtl://scanner:18945"));
  settings.imageDevice = "Image_Reference";
  settings.probeTransform = "ProbeToReference";
  settings.maxBodyBytes = 8 << 20;
  settings.displayRangeDb = 75;
  saveIgtlClientSettings(settings, dir);
  const IgtlClientSettings loaded = loadIgtlClientSettings(parseSourceSpec("igtl://scanner:18945"), dir);
  EXPECT_EQ(loaded.host, "scanner");
  EXPECT_EQ(loaded.port, 18945);
  EXPECT_EQ(loaded.imageDevice, "Image_Reference");
  EXPECT_EQ(loaded.probeTransform, "ProbeToReference");
  EXPECT_EQ(loaded.maxBodyBytes, 8u << 20);
  EXPECT_EQ(loaded.displayRangeDb, 75);
}

TEST(LiveSourceSettings, DisplayRangeIsNotKnownOrOneAScannerOffers) {
  EXPECT_EQ(VideoGrabberSettings{}.displayRangeDb, 0) << "not known unless the user gives it";
  EXPECT_NO_THROW(videoGrabberSettingsFromJson(R"({"device": "/dev/video0", "displayRangeDb": 20})", {}));
  EXPECT_NO_THROW(igtlClientSettingsFromJson(R"({"displayRangeDb": 150})", {}));
  try {
    videoGrabberSettingsFromJson(R"({"device": "/dev/video0", "displayRangeDb": 10})", {}, "grabber.json");
    FAIL() << "accepted a dynamic range of 10 dB";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("displayRangeDb"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("20 to 150 dB"), std::string::npos) << error.what();
  }
  EXPECT_THROW(igtlClientSettingsFromJson(R"({"displayRangeDb": 200})", {}, "igtl.json"),
               std::invalid_argument);
  EXPECT_THROW(igtlClientSettingsFromJson(R"({"displayRangeDb": -60})", {}, "igtl.json"),
               std::invalid_argument);
}

TEST(LiveSourceSettings, WrongJsonNamesTheFieldAndTheFile) {
  try {
    videoGrabberSettingsFromJson(R"({"device": "/dev/video0", "crop": {"x": "left"}})", {}, "grabber.json");
    FAIL() << "accepted a crop x that is a string";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("grabber.json"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("'x'"), std::string::npos) << error.what();
  }
  EXPECT_THROW(igtlClientSettingsFromJson(R"({"port": 70000})", {}, "igtl.json"), std::invalid_argument);
  EXPECT_THROW(igtlClientSettingsFromJson("not json", {}, "igtl.json"), std::invalid_argument);
}
