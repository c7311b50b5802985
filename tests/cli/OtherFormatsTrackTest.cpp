/// Recordings as scanners and other groups store them (a DICOM cine, a video, a folder of
/// images) go through `info`, `track` and `eval` like the PLUS file they were made from.

#include <hipguide/session/RecordingReader.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include <fstream>

#include "CliRunner.h"
#include "DicomCineFile.h"
#include "TestData.h"

using namespace hipguide;

namespace {

/// The anterior-hip scenario simulated for each test (ctest runs every test in its own process):
/// the PLUS file and its truth.
class OtherFormats : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = test::freshTempDir();
    const test::CliResult simulated =
        test::runCli("simulate --scenario anterior-hip --frames 528 --seed 1 --out " + plus().string() +
                     " --truth " + truth().string());
    ASSERT_EQ(simulated.exitCode, 0) << simulated.output;
  }
  std::filesystem::path plus() const { return m_dir / "s.igs.mha"; }
  std::filesystem::path truth() const { return m_dir / "g.csv"; }
  std::filesystem::path file(const std::string& name) const { return m_dir / name; }

  /// `track` (with `trackOptions`) and `eval` of `recording`: the report's JSON.
  nlohmann::json trackAndEvaluate(const std::filesystem::path& recording, const std::string& trackOptions) {
    const auto csv = file(recording.filename().string() + ".csv");
    const auto json = file(recording.filename().string() + ".json");
    const test::CliResult tracked = test::runCli("track --in " + recording.string() + " --out " +
                                                 csv.string() + " --quiet " + trackOptions);
    EXPECT_EQ(tracked.exitCode, 0) << tracked.output;
    const test::CliResult evaluated = test::runCli("eval --track " + csv.string() + " --truth " +
                                                   truth().string() + " --json " + json.string());
    EXPECT_EQ(evaluated.exitCode, 0) << evaluated.output;
    return nlohmann::json::parse(std::ifstream(json));
  }

  /// The bounds of issue 5.
  static void expectIssue5Bounds(const nlohmann::json& report) {
    EXPECT_GE(report["detection_rate"].get<double>(), 0.98) << report.dump();
    EXPECT_LE(report["false_positive_rate"].get<double>(), 0.01) << report.dump();
    EXPECT_LE(report["tip_error_median_mm"].get<double>(), 0.5) << report.dump();
    EXPECT_LE(report["tip_error_p95_mm"].get<double>(), 1.5) << report.dump();
    EXPECT_LE(report["angle_error_median_deg"].get<double>(), 1.0) << report.dump();
  }

  /// The pixel size the simulator wrote (what a user gives with --spacing).
  std::string spacingOption() const {
    return "--spacing " + std::to_string(session::openRecording(plus())->info().spacingMm.x());
  }

 private:
  std::filesystem::path m_dir;
};

}  // namespace

TEST_F(OtherFormats, ADicomCineIsTrackedWithItsOwnPixelSize) {
  // As a scanner exports a cine: JPEG baseline (lossy), the pixel size in an ultrasound region.
  const auto reader = session::openRecording(plus());
  std::vector<std::vector<std::uint8_t>> frames;
  for (std::int64_t i = 0; i < reader->frameCount(); ++i) frames.push_back(reader->readFrame(i).frame.grey);
  test::DicomCineOptions options;
  options.regionDeltaCm = reader->info().spacingMm.x() / 10.0;
  options.frameTimeMs = 50.0;
  options.storage = test::DicomCineOptions::Storage::JpegBaseline;
  const auto cine = file("cine.dcm");
  test::writeDicomCine(cine, reader->info().width, reader->info().height, frames, options);

  const test::CliResult info = test::runCli("info " + cine.string());
  ASSERT_EQ(info.exitCode, 0) << info.output;
  EXPECT_NE(info.output.find("DICOM cine"), std::string::npos) << info.output;
  EXPECT_NE(info.output.find("528"), std::string::npos) << info.output;
  const nlohmann::json report = trackAndEvaluate(cine, "");
  expectIssue5Bounds(report);
  std::cout << "DICOM cine (JPEG q90) of anterior-hip: " << report.dump() << "\n";

  const auto converted = file("from-dicom.igs.mha");  // for 3D Slicer
  const test::CliResult conversion = test::runCli("convert " + cine.string() + " " + converted.string());
  ASSERT_EQ(conversion.exitCode, 0) << conversion.output;
  const auto back = session::openRecording(converted);
  EXPECT_EQ(back->frameCount(), 528);
  EXPECT_NEAR(back->info().spacingMm.x(), reader->info().spacingMm.x(), 1e-6);
  EXPECT_EQ(back->timestampNs(527), 527 * 50'000'000LL);
}

TEST_F(OtherFormats, AVideoIsTrackedWithThePixelSizeGiven) {
  const auto video = file("clip.mp4");
  const test::CliResult exported = test::runCli("export-video " + plus().string() + " " + video.string());
  ASSERT_EQ(exported.exitCode, 0) << exported.output;
  const auto reader = session::openRecording(video);
  EXPECT_EQ(reader->frameCount(), 528) << "every frame counted";
  const auto plusReader = session::openRecording(plus());
  for (std::int64_t i : {300, 10, 527}) {  // a seek back and one to the end land on their frames
    const auto& decoded = reader->readFrame(i).frame.grey;
    const auto& original = plusReader->readFrame(i).frame.grey;
    double difference = 0.0;
    for (std::size_t p = 0; p < std::min(decoded.size(), original.size()); ++p)
      difference += std::abs(int(decoded[p]) - int(original[p]));
    EXPECT_LT(difference / double(original.size()), 4.0) << "frame " << i;
  }
  const nlohmann::json report = trackAndEvaluate(video, spacingOption());
  expectIssue5Bounds(report);
  std::cout << "MP4 of anterior-hip: " << report.dump() << "\n";
}

TEST_F(OtherFormats, AFolderOfImagesIsTrackedWithThePixelSizeGiven) {
  const auto folder = file("frames");
  std::filesystem::create_directories(folder);
  const auto reader = session::openRecording(plus());
  for (std::int64_t i = 0; i < reader->frameCount(); ++i) {
    core::Frame frame = reader->readFrame(i).frame;
    const cv::Mat image(frame.height, frame.width, CV_8U, frame.grey.data());
    cv::imwrite((folder / ("frame" + std::to_string(i + 1) + ".png")).string(),
                image);  // frame2 ... frame528
  }
  const nlohmann::json report = trackAndEvaluate(folder, spacingOption());
  expectIssue5Bounds(report);
  std::cout << "PNG folder of anterior-hip: " << report.dump() << "\n";
}
