// Douglas–Peucker on outlines whose right answer is known.
#include "PolylineSimplify.h"

#include <gtest/gtest.h>

#include <cmath>

namespace hipguide::anatomy {
namespace {

double distanceToPolyline(const core::Vec2& point, const std::vector<core::Vec2>& line, bool closed) {
  double best = 1e9;
  const std::size_t segments = closed ? line.size() : line.size() - 1;
  for (std::size_t i = 0; i < segments; ++i) {
    const core::Vec2& a = line[i];
    const core::Vec2& b = line[(i + 1) % line.size()];
    const double t = std::clamp((point - a).dot(b - a) / (b - a).squaredNorm(), 0.0, 1.0);
    best = std::min(best, (point - (a + t * (b - a))).norm());
  }
  return best;
}

TEST(PolylineSimplify, AStaircaseAlongALineKeepsOnlyItsEnds) {
  std::vector<core::Vec2> stairs;
  for (int i = 0; i <= 40; ++i) stairs.emplace_back(0.1 * i, 0.1 * i + (i % 2 ? 0.02 : -0.02));
  const auto simplified = simplifyPolyline(stairs, 0.05, false);
  ASSERT_EQ(simplified.size(), 2u);
  EXPECT_EQ(simplified.front(), stairs.front());
  EXPECT_EQ(simplified.back(), stairs.back());
}

TEST(PolylineSimplify, ACornerStaysAndNoDroppedPointIsFartherThanTheTolerance) {
  std::vector<core::Vec2> corner;
  for (int i = 0; i <= 20; ++i) corner.emplace_back(0.1 * i, 0.0);
  for (int i = 1; i <= 20; ++i) corner.emplace_back(2.0, 0.1 * i);
  const auto simplified = simplifyPolyline(corner, 0.01, false);
  ASSERT_EQ(simplified.size(), 3u);
  EXPECT_EQ(simplified[1], core::Vec2(2.0, 0.0));
}

TEST(PolylineSimplify, AClosedCircleKeepsItsShapeWithFewerPoints) {
  std::vector<core::Vec2> circle;
  const double radius = 10.0, tolerance = 0.05;
  for (int i = 0; i < 2000; ++i) {
    const double angle = 2.0 * M_PI * i / 2000.0;
    circle.emplace_back(radius * std::cos(angle), radius * std::sin(angle));
  }
  const auto simplified = simplifyPolyline(circle, tolerance, true);
  EXPECT_LT(simplified.size(), 100u);
  EXPECT_GT(simplified.size(), 20u) << "both halves of the loop keep their shape";
  for (const core::Vec2& point : circle)
    EXPECT_LE(distanceToPolyline(point, simplified, true), tolerance + 1e-9);
}

TEST(PolylineSimplify, ShortLinesAreReturnedAsTheyAre) {
  const std::vector<core::Vec2> two{{0, 0}, {1, 1}};
  EXPECT_EQ(simplifyPolyline(two, 0.5, false), two);
}

}  // namespace
}  // namespace hipguide::anatomy
