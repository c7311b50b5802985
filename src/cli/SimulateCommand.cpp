#include "Arguments.h"
#include "Commands.h"

#include <hipguide/acquisition/ScenarioSequence.h>
#include <hipguide/session/PlusSequenceReader.h>
#include <hipguide/session/PlusSequenceWriter.h>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

namespace hipguide::cli {
namespace {

struct SimulateOptions {
  std::string scenario;
  long long frames = 0;
  std::uint32_t seed = 1;
  double framesPerSecond = 20.0;
  std::string out, truth, png, compare, probe;
  double depthMm = 0;
  long long pngFrame = -1;
  long long compareFrame = 0;
};

SimulateOptions parseOptions(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.option("scenario").option("frames").option("seed").option("fps").option("out").option("truth");
  parsed.option("png")
      .option("png-frame")
      .option("compare")
      .option("compare-frame")
      .option("probe")
      .option("depth");
  parsed.parse(arguments);
  if (!parsed.positional().empty())
    throw UsageError("unexpected argument '" + parsed.positional().front() + "'");
  SimulateOptions options;
  options.scenario = parsed.valueOr("scenario", "anterior-hip");
  options.frames = parsed.integer("frames", 100);
  if (options.frames < 1 || options.frames > 100000) throw UsageError("--frames must be 1..100000");
  const long long seed = parsed.integer("seed", 1);
  if (seed < 0 || seed > 4294967295LL) throw UsageError("--seed must be 0..4294967295");
  options.seed = static_cast<std::uint32_t>(seed);
  options.framesPerSecond = parsed.number("fps", 20.0);
  if (!(options.framesPerSecond > 0.0 && options.framesPerSecond <= 1000.0))
    throw UsageError("--fps must be in (0, 1000]");
  options.out = parsed.valueOr("out", "");
  options.truth = parsed.valueOr("truth", "");
  options.png = parsed.valueOr("png", "");
  options.pngFrame = parsed.integer("png-frame", -1);
  options.compare = parsed.valueOr("compare", "");
  options.compareFrame = parsed.integer("compare-frame", 0);
  options.probe = parsed.valueOr("probe", "");
  if (!options.probe.empty() && options.probe != "curvilinear" && options.probe != "linear")
    throw UsageError("--probe must be curvilinear or linear, not '" + options.probe + "'");
  options.depthMm = parsed.number("depth", 0.0);
  if (options.out.empty() && options.truth.empty() && options.png.empty())
    throw UsageError("nothing to write: give --out, --truth and/or --png");
  if (!options.compare.empty() && options.png.empty()) throw UsageError("--compare needs --png");
  return options;
}

/// One truth CSV row; positions are empty while no shaft is inside the body.
void writeTruthRow(std::ostream& csv, const acquisition::FrameTruth& truth) {
  char line[256];
  if (truth.needleInserted)
    std::snprintf(line, sizeof line, "%llu,%.6f,%d,%.3f,%.3f,%.2f,%.2f\n",
                  static_cast<unsigned long long>(truth.frameId), truth.timestampNs / 1e9,
                  truth.needleVisible ? 1 : 0, truth.tipImageMm.x(), truth.tipImageMm.y(), truth.angleDeg,
                  truth.visibleLengthMm);
  else
    std::snprintf(line, sizeof line, "%llu,%.6f,0,,,,0.00\n", static_cast<unsigned long long>(truth.frameId),
                  truth.timestampNs / 1e9);
  csv << line;
}

cv::Mat toMat(const core::Frame& frame) {
  return cv::Mat(frame.height, frame.width, CV_8UC1, const_cast<std::uint8_t*>(frame.grey.data())).clone();
}

/// Simulated (left) beside a real PLUS frame (right), both scaled to 1 pixel = the simulated
/// frame's spacing so that millimetres match, each labelled.
void writeComparison(const core::Frame& simulated, const SimulateOptions& options) {
  session::PlusSequenceReader reader(options.compare);
  if (options.compareFrame < 0 || options.compareFrame >= reader.frameCount())
    throw UsageError("--compare-frame must be 0.." + std::to_string(reader.frameCount() - 1));
  const core::Frame real = reader.readFrame(options.compareFrame).frame;
  cv::Mat left = toMat(simulated);
  cv::Mat right = toMat(real);
  const double scale = real.spacingMm.x() / simulated.spacingMm.x();
  if (std::abs(scale - 1.0) > 0.01 && real.spacingMm.x() != 1.0)
    cv::resize(right, right, cv::Size(), scale, real.spacingMm.y() / simulated.spacingMm.y(), cv::INTER_AREA);
  if (right.rows != left.rows)
    cv::resize(right, right, cv::Size(right.cols * left.rows / right.rows, left.rows), 0, 0, cv::INTER_AREA);
  cv::Mat both;
  cv::hconcat(left, right, both);
  cv::putText(both, "simulated", {10, 20}, cv::FONT_HERSHEY_SIMPLEX, 0.6, 255, 1);
  cv::putText(both, "real (PLUS)", {left.cols + 10, 20}, cv::FONT_HERSHEY_SIMPLEX, 0.6, 255, 1);
  if (!cv::imwrite(options.png, both)) throw std::runtime_error("cannot write PNG '" + options.png + "'");
}

}  // namespace

int runSimulate(const std::vector<std::string>& arguments) {
  const SimulateOptions options = parseOptions(arguments);
  std::cerr << "building the phantom for '" << options.scenario << "' (seed " << options.seed << ")...\n";
  acquisition::ScenarioSequence sequence(options.scenario, options.seed, options.framesPerSecond);
  if (options.probe == "linear") sequence.setProbe(acquisition::ProbeModel::linear());
  if (options.depthMm > 0) sequence.setDepthMm(options.depthMm);

  std::unique_ptr<session::PlusSequenceWriter> writer;
  if (!options.out.empty()) writer = std::make_unique<session::PlusSequenceWriter>(options.out);
  std::ofstream csv;
  if (!options.truth.empty()) {
    csv.open(options.truth);
    if (!csv) throw std::runtime_error("cannot write truth CSV '" + options.truth + "'");
    csv << "frame,timestamp_s,needle_visible,tip_x_mm,tip_y_mm,angle_deg,visible_length_mm\n";
  }
  const long long pngFrame =
      options.pngFrame >= 0 ? std::min(options.pngFrame, options.frames - 1) : options.frames - 1;
  int visible = 0;
  for (long long index = 0; index < options.frames; ++index) {
    const acquisition::SimulatedFrame result = sequence.render(static_cast<std::uint64_t>(index));
    visible += result.truth.needleVisible ? 1 : 0;
    if (writer) writer->append(result.frame);
    if (csv.is_open()) writeTruthRow(csv, result.truth);
    if (index == pngFrame && !options.png.empty()) {
      if (options.compare.empty() && !cv::imwrite(options.png, toMat(result.frame)))
        throw std::runtime_error("cannot write PNG '" + options.png + "'");
      if (!options.compare.empty()) writeComparison(result.frame, options);
    }
    if ((index + 1) % 50 == 0) std::cerr << "  " << index + 1 << " / " << options.frames << " frames\n";
  }
  if (writer) writer->close();
  std::cerr << options.frames << " frames of '" << options.scenario << "', needle visible in " << visible
            << "\n";
  return 0;
}

}  // namespace hipguide::cli
