#pragma once
/// A line chart of one or more time series drawn with QPainter into a QImage (debriefs,
/// progress charts, PDF reports).

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QSize>
#include <QString>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hipguide::records {

/// One line: (x, y) points in x order; a point with a non-finite y breaks the line (a gap).
struct ChartSeries {
  QString name;  ///< Shown in the legend.
  QColor colour;
  std::vector<QPointF> points;
};

/// A horizontal reference line (a margin, a tolerance), dashed, labelled at its right end.
struct ChartThreshold {
  QString label;
  double value = 0;
  QColor colour = Qt::red;
};

/// Stretches of x shaded behind the lines (when the needle was visible, a miss), over a share of
/// the plot's height measured from its bottom (1: the whole height, 0.06: a strip at the axis).
struct ChartBand {
  QString name;  ///< Shown in the legend.
  QColor colour;
  std::vector<std::pair<double, double>> spans;  ///< [from, to] in x.
  double heightShare = 1.0;
};

/// What to draw. Axes span the data (and the thresholds and bands) with a little headroom, on
/// "nice" ticks (1, 2, 5 × 10ⁿ), unless xMin/xMax or yMin/yMax fix them.
struct TimeChartSpec {
  QString title;
  QString xLabel = QStringLiteral("time (s)");
  QString yLabel;
  std::vector<ChartSeries> series;
  std::vector<ChartThreshold> thresholds;
  std::vector<ChartBand> bands;
  std::optional<double> xMin;  ///< Fix the x axis (a whole recording, not only where data lie).
  std::optional<double> xMax;
  std::optional<double> yMin;
  std::optional<double> yMax;
  bool markers = false;   ///< Dots on every point (for short series such as progress per attempt).
  bool integerX = false;  ///< x is a count (attempt number): ticks on whole numbers only.
};

/// Renders the chart (white background, axes, ticks, tick labels, axis labels, title, legend)
/// into an ARGB32 image of `size` pixels. An empty chart shows "no data". Needs a
/// QGuiApplication (ensureGuiApplication()); call on its thread.
QImage renderTimeChart(const TimeChartSpec& spec, QSize size = QSize(900, 360));
/// Renders the chart and writes it as a PNG to `pngPath` (the CLI's --chart and --plot);
/// throws std::runtime_error naming the file when it cannot be written. Same thread rules.
void saveTimeChart(const TimeChartSpec& spec, const std::string& pngPath, QSize size = QSize(900, 360));

/// Tick positions covering [low, high] at a 1-2-5 step giving about `targetCount` intervals.
/// With `integers` the step is at least 1, so every tick is a whole number (counts such as
/// attempt numbers; a range without a whole number in it has no ticks).
std::vector<double> niceTicks(double low, double high, int targetCount = 5, bool integers = false);

}  // namespace hipguide::records
