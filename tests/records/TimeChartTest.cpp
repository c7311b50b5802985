/// Axis ticks of the charts (progress charts count attempts: whole-number ticks only), and
/// shaded bands on a fixed time axis.

#include <hipguide/records/GuiApplication.h>
#include <hipguide/records/TimeChart.h>

#include <gtest/gtest.h>

#include <cmath>

using hipguide::records::niceTicks;

TEST(NiceTicks, IntegerAxesNeverGetFractionalTicks) {
  // Without the integer rule two attempts get ticks 1, 1.2, 1.4, ...
  const std::vector<double> fine = niceTicks(1, 2, 8);
  ASSERT_EQ(fine.size(), 6u);
  EXPECT_NEAR(fine[1], 1.2, 1e-9);
  EXPECT_EQ(niceTicks(1, 2, 8, true), (std::vector<double>{1, 2}));
  EXPECT_EQ(niceTicks(0.5, 1.5, 8, true), (std::vector<double>{1}));  // one attempt, widened axis
  EXPECT_EQ(niceTicks(1, 3, 8, true), (std::vector<double>{1, 2, 3}));
  EXPECT_EQ(niceTicks(1, 40, 8, true), (std::vector<double>{5, 10, 15, 20, 25, 30, 35, 40}));
  for (int attempts = 2; attempts <= 60; ++attempts) {
    const std::vector<double> ticks = niceTicks(1, attempts, 8, true);
    ASSERT_FALSE(ticks.empty()) << attempts << " attempts";
    for (double tick : ticks) EXPECT_EQ(tick, std::round(tick)) << attempts << " attempts";
    EXPECT_LE(ticks.size(), 10u) << attempts << " attempts";
  }
}

TEST(NiceTicks, RealAxesKeepTheirFineSteps) {
  EXPECT_EQ(niceTicks(0, 10, 5), (std::vector<double>{0, 2, 4, 6, 8, 10}));
  EXPECT_EQ(niceTicks(0, 1, 5, false).size(), 6u);
}

/// Columns of `image` below `fromRow` holding a pixel of exactly `colour`.
std::vector<int> columnsOf(const QImage& image, QColor colour, int fromRow) {
  std::vector<int> columns;
  for (int x = 0; x < image.width(); ++x)
    for (int y = fromRow; y < image.height(); ++y)
      if (image.pixelColor(x, y) == colour) {
        columns.push_back(x);
        break;
      }
  return columns;
}

TEST(TimeChart, ShadesBandsWhereTheyLieOnAFixedTimeAxis) {
  hipguide::records::ensureGuiApplication();
  const QColor shade(205, 235, 205), strip(215, 30, 30);
  hipguide::records::TimeChartSpec spec;
  spec.xMin = 0.0;
  spec.xMax = 10.0;  // the series alone would span 4-6 s
  spec.series.push_back({"line", Qt::blue, {{4.0, 1.0}, {6.0, 2.0}}});
  spec.bands.push_back({"shade", shade, {{2.0, 3.0}, {7.0, 7.0}}});
  spec.bands.push_back({"strip", strip, {{8.0, 9.0}}, 0.1});
  const QImage chart = hipguide::records::renderTimeChart(spec, QSize(1000, 300));
  const int belowLegend = 60;
  const std::vector<int> shaded = columnsOf(chart, shade, belowLegend);
  ASSERT_FALSE(shaded.empty());
  // The plot spans 0-10 s over most of the width: 2-3 s lies near a quarter of it, and the
  // one-sample span at 7 s is still drawn, one pixel or more wide.
  EXPECT_GT(shaded.front(), 150);
  EXPECT_LT(shaded.front(), 350);
  EXPECT_GT(shaded.back(), 650);
  EXPECT_LT(shaded.back(), 800);
  const std::vector<int> marked = columnsOf(chart, strip, belowLegend);
  ASSERT_FALSE(marked.empty());
  EXPECT_GT(marked.front(), shaded.back());
  // The strip covers a tenth of the plot's height from its bottom: not the upper rows.
  int stripRows = 0;
  for (int y = belowLegend; y < chart.height(); ++y)
    stripRows += chart.pixelColor(marked.front() + 2, y) == strip;
  EXPECT_GT(stripRows, 5);
  EXPECT_LT(stripRows, 40);
}
