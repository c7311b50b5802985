/// A scanner's DICOM cine export goes through `info`, `track` and `eval` like a PLUS file.

#include <hipguide/session/RecordingReader.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "CliRunner.h"
#include "DicomCineFile.h"
#include "TestData.h"

using namespace hipguide;

TEST(DicomCine, IsTrackedAsWellAsThePlusRecordingItWasMadeFrom) {
  const auto dir = test::freshTempDir();
  const auto plus = dir / "s.igs.mha";
  const test::CliResult simulated =
      test::runCli("simulate --scenario anterior-hip --frames 528 --seed 1 --out " + plus.string() +
                   " --truth " + (dir / "g.csv").string());
  ASSERT_EQ(simulated.exitCode, 0) << simulated.output;
  // As a scanner exports a cine: JPEG baseline (lossy), the pixel size in an ultrasound region.
  const auto reader = session::openRecording(plus);
  std::vector<std::vector<std::uint8_t>> frames;
  for (std::int64_t i = 0; i < reader->frameCount(); ++i) frames.push_back(reader->readFrame(i).frame.grey);
  test::DicomCineOptions options;
  options.regionDeltaCm = reader->info().spacingMm.x() / 10.0;
  options.frameTimeMs = 50.0;
  options.storage = test::DicomCineOptions::Storage::JpegBaseline;
  const auto cine = dir / "cine.dcm";
  test::writeDicomCine(cine, reader->info().width, reader->info().height, frames, options);

  const test::CliResult info = test::runCli("info " + cine.string());
  ASSERT_EQ(info.exitCode, 0) << info.output;
  EXPECT_NE(info.output.find("DICOM cine"), std::string::npos) << info.output;
  EXPECT_NE(info.output.find("528"), std::string::npos) << info.output;

  const test::CliResult tracked =
      test::runCli("track --in " + cine.string() + " --out " + (dir / "t.csv").string() + " --quiet");
  ASSERT_EQ(tracked.exitCode, 0) << tracked.output;
  EXPECT_EQ(tracked.output.find("no B-mode calibration"), std::string::npos) << "calibrated by its region";
  const test::CliResult evaluated =
      test::runCli("eval --track " + (dir / "t.csv").string() + " --truth " + (dir / "g.csv").string() +
                   " --json " + (dir / "e.json").string());
  ASSERT_EQ(evaluated.exitCode, 0) << evaluated.output;
  const nlohmann::json report = nlohmann::json::parse(std::ifstream(dir / "e.json"));
  // The bounds of issue 5, on the scenario as a scanner would have stored it.
  EXPECT_GE(report["detection_rate"].get<double>(), 0.98) << report.dump();
  EXPECT_LE(report["false_positive_rate"].get<double>(), 0.01) << report.dump();
  EXPECT_LE(report["tip_error_median_mm"].get<double>(), 0.5) << report.dump();
  EXPECT_LE(report["tip_error_p95_mm"].get<double>(), 1.5) << report.dump();
  EXPECT_LE(report["angle_error_median_deg"].get<double>(), 1.0) << report.dump();
  std::cout << "DICOM cine (JPEG q90) of anterior-hip: " << report.dump() << "\n";

  const auto converted = dir / "from-dicom.igs.mha";  // for 3D Slicer
  const test::CliResult conversion = test::runCli("convert " + cine.string() + " " + converted.string());
  ASSERT_EQ(conversion.exitCode, 0) << conversion.output;
  const auto back = session::openRecording(converted);
  EXPECT_EQ(back->frameCount(), 528);
  EXPECT_NEAR(back->info().spacingMm.x(), reader->info().spacingMm.x(), 1e-6);
  EXPECT_EQ(back->timestampNs(527), 527 * 50'000'000LL);
}
