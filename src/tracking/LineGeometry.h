#pragma once
/// Straight lines in working pixels and sampling of maps along them (shared by the shaft and
/// tip stages).

#include <opencv2/core.hpp>

#include <vector>

namespace hipguide::tracking {

/// A line through `point` with unit `direction`; positions along it are t (pixels).
struct Line {
  cv::Point2f point;
  cv::Point2f direction{1.0f, 0.0f};

  cv::Point2f at(float t) const { return point + direction * t; }
  /// Unit normal pointing down the image (+y), or +x for a horizontal normal.
  cv::Point2f downNormal() const;
  /// Signed distance of p from the line along downNormal().
  float offsetOf(const cv::Point2f& p) const { return (p - point).dot(downNormal()); }
  /// Position of p's projection along the line.
  float positionOf(const cv::Point2f& p) const { return (p - point).dot(direction); }
  /// Orientation in [0, 180) degrees from +x toward +y, in pixels.
  double angleDeg() const;
};

/// Bilinear sample of a single-channel CV_32F map; 0 outside it.
float sampleBilinear(const cv::Mat& map, const cv::Point2f& p);

/// Whether the pixel nearest `p` lies inside the image and is non-zero in `mask` (CV_8U).
bool insideMask(const cv::Mat& mask, const cv::Point2f& p);

/// The t range over which `line` lies inside a width × height image; empty when t0 > t1.
void clipToImage(const Line& line, cv::Size size, float& t0, float& t1);

/// Least-squares line through weighted points (principal axis). Returns the RMS distance of
/// the points from it; the direction keeps the sign of `hint`.
double fitLine(const std::vector<cv::Point2f>& points, const std::vector<float>& weights,
               const cv::Point2f& hint, Line& line);

}  // namespace hipguide::tracking
