#include "EvalPlot.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace hipguide::cli {
namespace {

using tracking::FrameComparison;

constexpr double kTipMedianBoundMm = 0.5;  ///< Issue 5's bounds on the tip error.
constexpr double kTipP95BoundMm = 1.5;

constexpr double kLoneFrameS = 0.05;  ///< How long a frame is drawn without a neighbour (20 fps).

/// Each frame lasts until the next one; the last as long as the one before it.
double frameEndS(const std::vector<FrameComparison>& frames, std::size_t index) {
  if (index + 1 < frames.size()) return frames[index + 1].timestampS;
  const double previous = index > 0 ? frames[index].timestampS - frames[index - 1].timestampS : 0.0;
  return frames[index].timestampS + (previous > 0 ? previous : kLoneFrameS);
}

/// The stretches of consecutive frames for which `holds` is true, as [start, end] in seconds.
std::vector<std::pair<double, double>> spansWhere(const std::vector<FrameComparison>& frames,
                                                  const std::function<bool(const FrameComparison&)>& holds) {
  std::vector<std::pair<double, double>> spans;
  bool open = false;
  for (std::size_t index = 0; index < frames.size(); ++index) {
    if (!holds(frames[index])) {
      open = false;
      continue;
    }
    if (open)
      spans.back().second = frameEndS(frames, index);
    else
      spans.emplace_back(frames[index].timestampS, frameEndS(frames, index));
    open = true;
  }
  return spans;
}

}  // namespace

records::TimeChartSpec evalChart(const std::vector<FrameComparison>& frames,
                                 const tracking::AccuracyReport& report, const QString& name) {
  records::TimeChartSpec chart;
  chart.title = QStringLiteral(
                    "%1: detected %2 % of %3 visible frames, false positives %4 % of %5, tip median %6 / "
                    "p95 %7 mm")
                    .arg(name)
                    .arg(100.0 * report.detectionRate, 0, 'f', 1)
                    .arg(report.visibleFrames)
                    .arg(100.0 * report.falsePositiveRate, 0, 'f', 1)
                    .arg(report.invisibleFrames)
                    .arg(report.tipErrorMedianMm, 0, 'f', 2)
                    .arg(report.tipErrorP95Mm, 0, 'f', 2);
  chart.yLabel = QStringLiteral("tip error (mm)");
  chart.yMin = 0.0;
  if (!frames.empty()) {
    chart.xMin = frames.front().timestampS;
    chart.xMax = frameEndS(frames, frames.size() - 1);
  }
  records::ChartSeries tipError{QStringLiteral("tip error"), QColor(30, 90, 200), {}};
  double largestMm = kTipP95BoundMm;
  for (const FrameComparison& frame : frames) {
    tipError.points.emplace_back(frame.timestampS,
                                 frame.hit() ? frame.tipErrorMm : std::numeric_limits<double>::quiet_NaN());
    if (frame.hit()) largestMm = std::max(largestMm, frame.tipErrorMm);
  }
  // Headroom above the largest error and the p95 bound, so that the bound's line and label show.
  chart.yMax = std::ceil(1.15 * largestMm * 2.0) / 2.0;
  chart.series.push_back(std::move(tipError));
  chart.bands = {{QStringLiteral("needle visible (truth)"), QColor(205, 235, 205),
                  spansWhere(frames, [](const FrameComparison& f) { return f.visible; })},
                 {QStringLiteral("missed"), QColor(245, 150, 30),
                  spansWhere(frames, [](const FrameComparison& f) { return f.missed(); }), 0.1},
                 {QStringLiteral("false positive"), QColor(215, 30, 30),
                  spansWhere(frames, [](const FrameComparison& f) { return f.falsePositive(); }), 0.1}};
  chart.thresholds = {
      {QStringLiteral("median bound %1 mm").arg(kTipMedianBoundMm), kTipMedianBoundMm, QColor(120, 120, 120)},
      {QStringLiteral("p95 bound %1 mm").arg(kTipP95BoundMm), kTipP95BoundMm, QColor(200, 40, 40)}};
  return chart;
}

}  // namespace hipguide::cli
