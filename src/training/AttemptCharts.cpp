#include <hipguide/training/AttemptCharts.h>

#include <cmath>
#include <limits>

namespace hipguide::training {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Infinite clearances (needle outside) are gaps in the plot.
double plotted(double value) { return std::isfinite(value) ? value : kNaN; }

records::ChartSeries series(const QString& name, QColor colour) { return {name, colour, {}}; }

}  // namespace

records::TimeChartSpec tipToTargetChart(const AttemptResult& result) {
  records::TimeChartSpec spec;
  spec.title = QStringLiteral("Tip-to-target distance");
  spec.yLabel = QStringLiteral("mm");
  records::ChartSeries line =
      series(QString::fromStdString(result.exercise.targetStructure), QColor(0, 110, 200));
  for (const AttemptSample& sample : result.trace.samples)
    line.points.emplace_back(sample.timeS, sample.inserted ? sample.tipToTargetMm : kNaN);
  spec.series.push_back(std::move(line));
  spec.thresholds.push_back(
      {QStringLiteral("tolerance"), result.exercise.criteria.maxFinalTipToTargetMm, QColor(0, 150, 0)});
  spec.yMin = 0.0;
  return spec;
}

records::TimeChartSpec clearanceChart(const AttemptResult& result) {
  records::TimeChartSpec spec;
  spec.title = QStringLiteral("Clearance of the shaft to the nearest vessel and nerve");
  spec.yLabel = QStringLiteral("mm");
  records::ChartSeries vessel = series(QStringLiteral("nearest vessel"), QColor(210, 30, 30));
  records::ChartSeries nerve = series(QStringLiteral("nearest nerve"), QColor(220, 170, 0));
  for (const AttemptSample& sample : result.trace.samples) {
    vessel.points.emplace_back(sample.timeS, plotted(result.trace.nearestMm(sample, false)));
    nerve.points.emplace_back(sample.timeS, plotted(result.trace.nearestMm(sample, true)));
  }
  spec.series = {std::move(vessel), std::move(nerve)};
  if (std::isfinite(result.exercise.criteria.minClearanceMm))
    spec.thresholds.push_back({QStringLiteral("margin"), result.exercise.criteria.minClearanceMm, Qt::red});
  spec.thresholds.push_back({QStringLiteral("breach"), 0.0, Qt::black});
  return spec;
}

records::TimeChartSpec tipVisibilityChart(const AttemptResult& result) {
  records::TimeChartSpec spec;
  spec.title = QStringLiteral("Tip visible in the image (1) or not (0)");
  spec.yLabel = QStringLiteral("visible");
  records::ChartSeries line = series(QStringLiteral("tip visible"), QColor(120, 60, 180));
  for (const AttemptSample& sample : result.trace.samples)
    line.points.emplace_back(sample.timeS, sample.inserted ? (sample.tipInImage ? 1.0 : 0.0) : kNaN);
  spec.series.push_back(std::move(line));
  spec.yMin = -0.1;
  spec.yMax = 1.1;
  return spec;
}

std::vector<records::TimeChartSpec> attemptCharts(const AttemptResult& result) {
  return {tipToTargetChart(result), clearanceChart(result), tipVisibilityChart(result)};
}

records::TimeChartSpec progressChart(const std::vector<AttemptRecord>& attempts, const std::string& trainee) {
  records::TimeChartSpec spec;
  spec.title = QStringLiteral("Progress of %1 (%2 attempts)")
                   .arg(QString::fromStdString(trainee))
                   .arg(static_cast<int>(attempts.size()));
  spec.xLabel = QStringLiteral("attempt");
  spec.yLabel = QStringLiteral("mm");
  spec.markers = true;
  spec.integerX = true;
  records::ChartSeries distance = series(QStringLiteral("final tip-to-target"), QColor(0, 110, 200));
  records::ChartSeries clearance = series(QStringLiteral("min clearance"), QColor(210, 30, 30));
  const auto score = [](const AttemptRecord& record, const char* key) {
    const auto found = record.scores.find(key);
    return found == record.scores.end() ? kNaN : found->second;
  };
  for (std::size_t index = 0; index < attempts.size(); ++index) {
    const double x = static_cast<double>(index + 1);
    distance.points.emplace_back(x, score(attempts[index], "final_tip_to_target_mm"));
    clearance.points.emplace_back(x, std::fmin(score(attempts[index], "nearest_vessel_mm"),
                                               score(attempts[index], "nearest_nerve_mm")));
  }
  spec.series = {std::move(distance), std::move(clearance)};
  spec.yMin = 0.0;
  return spec;
}

}  // namespace hipguide::training
