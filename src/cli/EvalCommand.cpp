#include "Arguments.h"
#include "Commands.h"
#include "EvalPlot.h"

#include <hipguide/records/GuiApplication.h>
#include <hipguide/tracking/TrackEvaluation.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

namespace hipguide::cli {
namespace {

nlohmann::json toJson(const tracking::AccuracyReport& report) {
  return {{"visible_frames", report.visibleFrames},
          {"detected_visible_frames", report.detectedVisibleFrames},
          {"invisible_frames", report.invisibleFrames},
          {"false_positive_frames", report.falsePositiveFrames},
          {"frames_without_track", report.framesWithoutTrack},
          {"tip_error_median_mm", report.tipErrorMedianMm},
          {"tip_error_p95_mm", report.tipErrorP95Mm},
          {"angle_error_median_deg", report.angleErrorMedianDeg},
          {"angle_error_p95_deg", report.angleErrorP95Deg},
          {"detection_rate", report.detectionRate},
          {"false_positive_rate", report.falsePositiveRate}};
}

}  // namespace

int runEval(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.option("track").option("truth").option("json").option("plot");
  parsed.parse(arguments);
  if (!parsed.positional().empty())
    throw UsageError("unexpected argument '" + parsed.positional().front() + "'");
  const std::string trackPath = parsed.required("track");
  const auto frames = tracking::compareFrames(tracking::readTrackCsv(trackPath),
                                              tracking::readTruthCsv(parsed.required("truth")));
  const tracking::AccuracyReport r = tracking::summarise(frames);
  std::printf(
      "frames: %lld with the needle visible, %lld without; %lld truth frames missing from the track\n",
      static_cast<long long>(r.visibleFrames), static_cast<long long>(r.invisibleFrames),
      static_cast<long long>(r.framesWithoutTrack));
  std::printf("tip error (mm):      median %.3f   p95 %.3f\n", r.tipErrorMedianMm, r.tipErrorP95Mm);
  std::printf("angle error (deg):   median %.3f   p95 %.3f\n", r.angleErrorMedianDeg, r.angleErrorP95Deg);
  std::printf("detection rate:      %.2f %% (%lld of %lld visible frames)\n", 100.0 * r.detectionRate,
              static_cast<long long>(r.detectedVisibleFrames), static_cast<long long>(r.visibleFrames));
  std::printf("false-positive rate: %.2f %% (%lld of %lld frames without a visible needle)\n",
              100.0 * r.falsePositiveRate, static_cast<long long>(r.falsePositiveFrames),
              static_cast<long long>(r.invisibleFrames));
  if (const auto jsonPath = parsed.value("json")) {
    std::ofstream out(*jsonPath);
    out << toJson(r).dump(2) << "\n";
    if (!out) throw std::runtime_error("cannot write '" + *jsonPath + "'");
  }
  if (const auto plotPath = parsed.value("plot")) {
    records::ensureGuiApplication();
    records::saveTimeChart(
        evalChart(frames, r, QString::fromStdString(std::filesystem::path(trackPath).filename().string())),
        *plotPath, QSize(1400, 420));
    std::printf("plot: %s\n", plotPath->c_str());
  }
  return 0;
}

}  // namespace hipguide::cli
