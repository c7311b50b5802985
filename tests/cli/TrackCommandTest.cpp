/// `hipguide-cli track`: --recorded exports the estimates a session recorded, frame by frame;
/// --spacing calibrates a recording that has none; --display-range gives the scanner's setting.

#include <hipguide/session/Recorder.h>

#include <gtest/gtest.h>

#include <fstream>

#include "CliRunner.h"
#include "RecordingWithEstimates.h"
#include "TestData.h"

using namespace hipguide;

namespace {

std::vector<std::string> lines(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::string> result;
  for (std::string line; std::getline(in, line);) result.push_back(line);
  return result;
}

}  // namespace

TEST(TrackRecorded, WritesOneRowPerFrameWithTheRecordedEstimates) {
  const auto dir = test::freshTempDir();
  const auto recording = test::writeRecordingWithEstimates(dir / "session.hgrec");
  const auto csv = dir / "recorded.csv";
  const test::CliResult result =
      test::runCli("track --in " + recording.string() + " --out " + csv.string() + " --recorded --quiet");
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const auto rows = lines(csv);
  ASSERT_EQ(rows.size(), 6u) << "header + one row per frame";
  EXPECT_EQ(rows[1].substr(0, 10), "1,0.050000") << "frame time when nothing was recorded: " << rows[1];
  EXPECT_NE(rows[1].find(",0,"), std::string::npos) << "frame 1 has no estimate: " << rows[1];
  EXPECT_EQ(rows[2].substr(0, 2), "2,") << rows[2];
  EXPECT_NE(rows[2].find(",1,3"), std::string::npos) << "frame 2 detected, tip x 3 mm: " << rows[2];
  EXPECT_NE(rows[4].find(",1,6"), std::string::npos) << "frame 4 detected, tip x 6 mm: " << rows[4];
}

TEST(TrackRecorded, SaysSoWhenTheRecordingHoldsNoEstimates) {
  const auto dir = test::freshTempDir();
  const auto folder = dir / "plain.hgrec";
  {
    session::Recorder recorder(folder);
    core::Frame frame;
    frame.width = 8;
    frame.height = 8;
    frame.grey.assign(64, 1);
    frame.frameId = 1;
    recorder.recordFrame(std::make_shared<const core::Frame>(std::move(frame)));
    recorder.stop();
  }
  const test::CliResult result =
      test::runCli("track --in " + folder.string() + " --out " + (dir / "x.csv").string() + " --recorded");
  EXPECT_EQ(result.exitCode, 1) << result.output;
  EXPECT_NE(result.output.find("holds no tracker estimates"), std::string::npos) << result.output;
}

TEST(Track, AnUncalibratedRecordingIsNotedAndTakesASpacing) {
  HIPGUIDE_REQUIRE_SHARED_FILE(path, "plus/NwirePhantomFreehandCropped.igs.mha");  // 1 mm per pixel
  const auto dir = test::freshTempDir();
  const std::string track = "track --in " + path.string() + " --out " + (dir / "t.csv").string();
  const test::CliResult assumed = test::runCli(track + " --quiet");
  ASSERT_EQ(assumed.exitCode, 0) << assumed.output;
  EXPECT_NE(assumed.output.find("is no B-mode calibration"), std::string::npos) << assumed.output;
  const test::CliResult given = test::runCli(track + " --spacing 0.1 --quiet");
  ASSERT_EQ(given.exitCode, 0) << given.output;
  EXPECT_EQ(given.output.find("is no B-mode calibration"), std::string::npos) << given.output;
  const test::CliResult wrong = test::runCli(track + " --spacing 1");
  EXPECT_EQ(wrong.exitCode, 2) << wrong.output;
  EXPECT_NE(wrong.output.find("--spacing must be the calibrated pixel size"), std::string::npos)
      << wrong.output;
  const test::CliResult recorded = test::runCli(track + " --spacing 0.1 --recorded");
  EXPECT_EQ(recorded.exitCode, 2) << recorded.output;
}

TEST(Track, TakesTheScannersDisplayRangeForTheTip) {
  // The tip is placed at half its echo's amplitude, read through the log compression: another
  // range moves it along the shaft.
  const auto dir = test::freshTempDir();
  const std::string sequence = (dir / "s.igs.mha").string();
  const test::CliResult simulated = test::runCli("simulate --scenario steep --frames 200 --seed 1 --out " +
                                                 sequence + " --truth " + (dir / "g.csv").string());
  ASSERT_EQ(simulated.exitCode, 0) << simulated.output;
  const std::string track = "track --in " + sequence + " --quiet --out ";
  ASSERT_EQ(test::runCli(track + (dir / "60.csv").string()).exitCode, 0);
  ASSERT_EQ(test::runCli(track + (dir / "100.csv").string() + " --display-range 100").exitCode, 0);
  const auto at60 = lines(dir / "60.csv"), at100 = lines(dir / "100.csv");
  ASSERT_EQ(at60.size(), at100.size());
  EXPECT_NE(at60, at100) << "some tip moved";
  const test::CliResult wrong = test::runCli(track + (dir / "x.csv").string() + " --display-range 5");
  EXPECT_EQ(wrong.exitCode, 2) << wrong.output;
  EXPECT_NE(wrong.output.find("--display-range must be the scanner's dynamic range setting"),
            std::string::npos)
      << wrong.output;
  EXPECT_EQ(test::runCli(track + (dir / "x.csv").string() + " --display-range 70 --recorded").exitCode, 2);

  // A recording the workstation made says which range its live tracker used; track takes it.
  const auto native = dir / "s.hgrec";
  ASSERT_EQ(test::runCli("convert " + sequence + " " + native.string()).exitCode, 0);
  std::ofstream(native / "events.jsonl", std::ios::app)
      << R"({"data":{"source":"video:/dev/video0","tracker_display_range_db":100.0},"frame":0,"kind":"settings","t_ns":0})"
      << "\n";
  const test::CliResult fromRecording = test::runCli("track --in " + native.string() + " --out " +
                                                     (dir / "recorded100.csv").string() + " --quiet");
  ASSERT_EQ(fromRecording.exitCode, 0) << fromRecording.output;
  EXPECT_NE(fromRecording.output.find("dynamic range the recording was made with, 100 dB"), std::string::npos)
      << fromRecording.output;
  EXPECT_EQ(lines(dir / "recorded100.csv"), at100);
}
