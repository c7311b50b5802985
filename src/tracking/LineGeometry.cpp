#include "LineGeometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hipguide::tracking {

cv::Point2f Line::downNormal() const {
  cv::Point2f normal(-direction.y, direction.x);
  if (normal.y < 0.0f || (normal.y == 0.0f && normal.x < 0.0f)) normal = -normal;
  return normal;
}

double Line::angleDeg() const {
  double angle = std::atan2(direction.y, direction.x) * 180.0 / CV_PI;
  angle = std::fmod(angle + 360.0, 180.0);
  return angle >= 180.0 ? angle - 180.0 : angle;
}

float sampleBilinear(const cv::Mat& map, const cv::Point2f& p) {
  const int x0 = static_cast<int>(std::floor(p.x));
  const int y0 = static_cast<int>(std::floor(p.y));
  if (x0 < 0 || y0 < 0 || x0 + 1 >= map.cols || y0 + 1 >= map.rows) return 0.0f;
  const float fx = p.x - float(x0);
  const float fy = p.y - float(y0);
  const float* row0 = map.ptr<float>(y0) + x0;
  const float* row1 = map.ptr<float>(y0 + 1) + x0;
  return (1 - fy) * ((1 - fx) * row0[0] + fx * row0[1]) + fy * ((1 - fx) * row1[0] + fx * row1[1]);
}

void clipToImage(const Line& line, cv::Size size, float& t0, float& t1) {
  t0 = -std::numeric_limits<float>::max();
  t1 = std::numeric_limits<float>::max();
  const float lows[2] = {0.0f, 0.0f};
  const float highs[2] = {float(size.width - 1), float(size.height - 1)};
  const float origin[2] = {line.point.x, line.point.y};
  const float direction[2] = {line.direction.x, line.direction.y};
  for (int axis = 0; axis < 2; ++axis) {
    if (std::abs(direction[axis]) < 1e-6f) {
      if (origin[axis] < lows[axis] || origin[axis] > highs[axis]) t0 = 1.0f, t1 = 0.0f;
      continue;
    }
    float a = (lows[axis] - origin[axis]) / direction[axis];
    float b = (highs[axis] - origin[axis]) / direction[axis];
    if (a > b) std::swap(a, b);
    t0 = std::max(t0, a);
    t1 = std::min(t1, b);
  }
}

double fitLine(const std::vector<cv::Point2f>& points, const std::vector<float>& weights,
               const cv::Point2f& hint, Line& line) {
  double total = 0.0, mx = 0.0, my = 0.0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    total += weights[i];
    mx += weights[i] * points[i].x;
    my += weights[i] * points[i].y;
  }
  if (total <= 0.0) return std::numeric_limits<double>::infinity();
  mx /= total;
  my /= total;
  double sxx = 0.0, syy = 0.0, sxy = 0.0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double dx = points[i].x - mx;
    const double dy = points[i].y - my;
    sxx += weights[i] * dx * dx;
    syy += weights[i] * dy * dy;
    sxy += weights[i] * dx * dy;
  }
  const double theta = 0.5 * std::atan2(2.0 * sxy, sxx - syy);
  cv::Point2f direction(static_cast<float>(std::cos(theta)), static_cast<float>(std::sin(theta)));
  if (direction.dot(hint) < 0.0f) direction = -direction;
  line.point = {static_cast<float>(mx), static_cast<float>(my)};
  line.direction = direction;
  double squares = 0.0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double d = line.offsetOf(points[i]);
    squares += weights[i] * d * d;
  }
  return std::sqrt(squares / total);
}

bool insideMask(const cv::Mat& mask, const cv::Point2f& p) {
  const int x = static_cast<int>(std::lround(p.x));
  const int y = static_cast<int>(std::lround(p.y));
  return x >= 0 && y >= 0 && x < mask.cols && y < mask.rows && mask.at<std::uint8_t>(y, x) != 0;
}

}  // namespace hipguide::tracking
