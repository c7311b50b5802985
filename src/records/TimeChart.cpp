#include <hipguide/records/TimeChart.h>

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace hipguide::records {
namespace {

/// The value range of the chart's data on one axis.
struct Range {
  double low = std::numeric_limits<double>::infinity();
  double high = -std::numeric_limits<double>::infinity();
  void add(double value) {
    if (!std::isfinite(value)) return;
    low = std::min(low, value);
    high = std::max(high, value);
  }
  bool valid() const { return low <= high; }
};

/// Expands a degenerate range so that it has a width.
void widen(Range& range) {
  if (!range.valid()) range = {0.0, 1.0};
  if (range.high - range.low < 1e-9) {
    range.low -= 0.5;
    range.high += 0.5;
  }
}

QString tickText(double value, double step) {
  const int decimals = step >= 1.0 ? 0 : std::min(3, static_cast<int>(std::ceil(-std::log10(step))));
  return QString::number(value, 'f', decimals);
}

/// The area of the plot inside the axes, and the maps from data to pixels.
struct Plot {
  QRectF area;
  double xLow, xHigh, yLow, yHigh;
  QPointF map(double x, double y) const {
    return {area.left() + (x - xLow) / (xHigh - xLow) * area.width(),
            area.bottom() - (y - yLow) / (yHigh - yLow) * area.height()};
  }
};

void drawAxes(QPainter& painter, const Plot& plot, const TimeChartSpec& spec,
              const std::vector<double>& xTicks, const std::vector<double>& yTicks) {
  const QFontMetrics metrics(painter.font());
  painter.setPen(QPen(QColor(225, 225, 225), 1));
  for (double y : yTicks) painter.drawLine(plot.map(plot.xLow, y), plot.map(plot.xHigh, y));
  painter.setPen(QPen(Qt::black, 1));
  painter.drawRect(plot.area);
  const double xStep = xTicks.size() > 1 ? xTicks[1] - xTicks[0] : 1.0;
  const double yStep = yTicks.size() > 1 ? yTicks[1] - yTicks[0] : 1.0;
  for (double x : xTicks) {
    const QPointF at = plot.map(x, plot.yLow);
    painter.drawLine(at, at + QPointF(0, 5));
    const QString label = tickText(x, xStep);
    painter.drawText(QPointF(at.x() - metrics.horizontalAdvance(label) / 2.0, at.y() + 6 + metrics.ascent()),
                     label);
  }
  for (double y : yTicks) {
    const QPointF at = plot.map(plot.xLow, y);
    painter.drawLine(at, at - QPointF(5, 0));
    const QString label = tickText(y, yStep);
    painter.drawText(QPointF(at.x() - 8 - metrics.horizontalAdvance(label), at.y() + metrics.ascent() / 2.5),
                     label);
  }
  painter.drawText(QRectF(plot.area.left(), plot.area.bottom() + 8 + metrics.height(), plot.area.width(),
                          metrics.height()),
                   Qt::AlignHCenter, spec.xLabel);
  painter.save();
  painter.translate(4 + metrics.ascent(), plot.area.center().y());
  painter.rotate(-90);
  painter.drawText(QRectF(-plot.area.height() / 2, -metrics.ascent(), plot.area.height(), metrics.height()),
                   Qt::AlignHCenter, spec.yLabel);
  painter.restore();
}

void drawSeries(QPainter& painter, const Plot& plot, const ChartSeries& series, bool markers) {
  painter.setPen(QPen(series.colour, 2));
  QPainterPath path;
  bool drawing = false;
  for (const QPointF& point : series.points) {
    if (!std::isfinite(point.y()) || !std::isfinite(point.x())) {
      drawing = false;
      continue;
    }
    const QPointF at = plot.map(point.x(), point.y());
    if (drawing)
      path.lineTo(at);
    else
      path.moveTo(at);
    drawing = true;
    if (markers) {
      path.addEllipse(at, 3, 3);
      path.moveTo(at);
    }
  }
  painter.drawPath(path);
}

void drawBand(QPainter& painter, const Plot& plot, const ChartBand& band) {
  const double top = plot.area.bottom() - std::clamp(band.heightShare, 0.0, 1.0) * plot.area.height();
  for (const auto& [from, to] : band.spans) {
    const double left = plot.map(from, plot.yLow).x();
    // A span of one sample still shows: at least one pixel wide.
    const double right = std::max(plot.map(to, plot.yLow).x(), left + 1.0);
    painter.fillRect(QRectF(QPointF(left, top), QPointF(right, plot.area.bottom())), band.colour);
  }
}

void drawLegend(QPainter& painter, const Plot& plot, const TimeChartSpec& spec) {
  const QFontMetrics metrics(painter.font());
  double x = plot.area.left() + 8;
  const double y = plot.area.top() - 8;
  const auto label = [&](const QString& name) {
    painter.setPen(Qt::black);
    painter.drawText(QPointF(x + 22, y), name);
    x += 40 + metrics.horizontalAdvance(name);
  };
  for (const ChartSeries& series : spec.series) {
    painter.setPen(QPen(series.colour, 3));
    painter.drawLine(QPointF(x, y - metrics.ascent() / 2.5), QPointF(x + 18, y - metrics.ascent() / 2.5));
    label(series.name);
  }
  for (const ChartBand& band : spec.bands) {
    painter.fillRect(QRectF(x, y - metrics.ascent(), 18, metrics.ascent()), band.colour);
    label(band.name);
  }
}

}  // namespace

std::vector<double> niceTicks(double low, double high, int targetCount, bool integers) {
  if (!(high > low) || targetCount < 1) {
    if (integers && std::round(low) != low) return {};
    return {low};
  }
  const double rough = (high - low) / targetCount;
  const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
  double step = magnitude * 10.0;
  for (double factor : {1.0, 2.0, 5.0})
    if (factor * magnitude >= rough * (1.0 - 1e-9)) {
      step = factor * magnitude;
      break;
    }
  if (integers) step = std::max(step, 1.0);
  std::vector<double> ticks;
  const auto first = static_cast<long long>(std::ceil(low / step - 1e-9));
  const auto last = static_cast<long long>(std::floor(high / step + 1e-9));
  for (long long index = first; index <= last; ++index) ticks.push_back(static_cast<double>(index) * step);
  return ticks;
}

QImage renderTimeChart(const TimeChartSpec& spec, QSize size) {
  QImage image(size, QImage::Format_ARGB32);
  image.fill(Qt::white);
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing);
  QFont font = painter.font();
  font.setPixelSize(std::max(10, size.height() / 26));
  painter.setFont(font);
  const QFontMetrics metrics(font);
  Range xRange, yRange;
  for (const ChartSeries& series : spec.series)
    for (const QPointF& point : series.points)
      if (std::isfinite(point.y())) {
        xRange.add(point.x());
        yRange.add(point.y());
      }
  for (const ChartBand& band : spec.bands)
    for (const auto& [from, to] : band.spans) {
      xRange.add(from);
      xRange.add(to);
    }
  for (const ChartThreshold& threshold : spec.thresholds) yRange.add(threshold.value);
  const bool empty = !xRange.valid();
  widen(xRange);
  widen(yRange);
  if (spec.xMin) xRange.low = *spec.xMin;
  if (spec.xMax) xRange.high = *spec.xMax;
  if (spec.yMin) yRange.low = *spec.yMin;
  if (spec.yMax) yRange.high = *spec.yMax;
  const std::vector<double> yTicks = niceTicks(yRange.low, yRange.high);
  const std::vector<double> xTicks = niceTicks(xRange.low, xRange.high, 8, spec.integerX);
  if (!spec.yMax) yRange.high = std::max(yRange.high, yTicks.back());
  const double left = 18 + metrics.height() + metrics.horizontalAdvance(QStringLiteral("-000.0"));
  const Plot plot{QRectF(left, 2.6 * metrics.height() + 6, size.width() - left - 24,
                         size.height() - 5.2 * metrics.height() - 24),
                  xRange.low, xRange.high, yRange.low, yRange.high};
  QFont bold = font;
  bold.setBold(true);
  painter.setFont(bold);
  painter.drawText(QRectF(0, 2, size.width(), metrics.height() + 2), Qt::AlignHCenter, spec.title);
  painter.setFont(font);
  painter.save();
  painter.setClipRect(plot.area);
  for (const ChartBand& band : spec.bands) drawBand(painter, plot, band);
  painter.restore();
  drawAxes(painter, plot, spec, xTicks, yTicks);
  painter.setClipRect(plot.area.adjusted(-4, -4, 4, 4));
  for (const ChartThreshold& threshold : spec.thresholds) {
    painter.setPen(QPen(threshold.colour, 1.5, Qt::DashLine));
    const QPointF start = plot.map(plot.xLow, threshold.value);
    const QPointF end = plot.map(plot.xHigh, threshold.value);
    painter.drawLine(start, end);
    painter.drawText(QPointF(end.x() - 6 - metrics.horizontalAdvance(threshold.label), end.y() - 4),
                     threshold.label);
  }
  for (const ChartSeries& series : spec.series) drawSeries(painter, plot, series, spec.markers);
  painter.setClipping(false);
  drawLegend(painter, plot, spec);
  if (empty) {
    painter.setPen(Qt::gray);
    painter.drawText(plot.area, Qt::AlignCenter, QStringLiteral("no data"));
  }
  return image;
}

void saveTimeChart(const TimeChartSpec& spec, const std::string& pngPath, QSize size) {
  if (!renderTimeChart(spec, size).save(QString::fromStdString(pngPath), "PNG"))
    throw std::runtime_error("cannot write the plot '" + pngPath +
                             "': check that its folder exists and can be written to");
}

}  // namespace hipguide::records
