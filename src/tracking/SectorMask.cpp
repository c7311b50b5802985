#include "SectorMask.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace hipguide::tracking {

float depthBelowSectorTop(const cv::Mat& sector, const cv::Point2f& p) {
  const int x = std::clamp(static_cast<int>(std::lround(p.x)), 0, sector.cols - 1);
  for (int y = 0; y < sector.rows; ++y)
    if (sector.at<std::uint8_t>(y, x)) return p.y - float(y);
  return 0.0f;
}

std::uint8_t backgroundLevel(const cv::Mat& grey, std::uint8_t maxNoiseGrey) {
  CV_Assert(grey.type() == CV_8U);
  const int width = std::max(4, grey.cols / 16);
  const int height = std::max(4, grey.rows / 16);
  if (grey.cols < 2 * width || grey.rows < 2 * height) return 0;
  double level = 0.0;
  for (const cv::Point corner :
       {cv::Point(0, 0), cv::Point(grey.cols - width, 0), cv::Point(0, grey.rows - height),
        cv::Point(grey.cols - width, grey.rows - height)}) {
    const cv::Mat patch = grey(cv::Rect(corner, cv::Size(width, height)));
    const cv::Mat dark = patch <= maxNoiseGrey;
    if (2 * std::size_t(cv::countNonZero(dark)) < patch.total()) continue;
    double brightestDark = 0.0;
    cv::minMaxLoc(patch, nullptr, &brightestDark, nullptr, nullptr, dark);
    level = std::max(level, brightestDark);
  }
  return static_cast<std::uint8_t>(level);
}

SectorMask::SectorMask(int marginPx, int learnFrames)
    : m_marginPx(std::max(0, marginPx)), m_learnFrames(std::max(1, learnFrames)) {}

void SectorMask::reset() {
  m_framesSeen = 0;
  m_framesOutgrown = 0;
  m_union.release();
  m_sector.release();
  m_mask.release();
}

const cv::Mat& SectorMask::update(const cv::Mat& grey) {
  CV_Assert(grey.type() == CV_8U);
  m_restarted = false;
  if (m_union.size() != grey.size()) startLearning(grey.size());
  cv::Mat scan;
  cv::threshold(grey, scan, backgroundLevel(grey), 255, cv::THRESH_BINARY);
  if (m_framesSeen >= m_learnFrames) {
    if (!outgrownBy(scan)) return m_mask;
    startLearning(grey.size());  // the scan now lies well outside the sector: learn it anew
    m_restarted = true;
  }
  // A blank frame (a frame grabber's first frames, before the scanner's video) shows no sector:
  // learning from it would leave the tracker blind for the whole stream.
  if (cv::countNonZero(scan) < kMinScanFraction * double(scan.total())) return m_mask;
  cv::bitwise_or(m_union, scan, m_union);
  ++m_framesSeen;
  rebuild();
  return m_mask;
}

void SectorMask::startLearning(cv::Size size) {
  reset();
  m_union = cv::Mat::zeros(size, CV_8U);
  rebuild();  // no sector until a frame shows one
}

bool SectorMask::outgrownBy(const cv::Mat& scan) {
  cv::Mat outside;
  cv::subtract(scan, m_sector, outside);  // saturating: scan pixels where there is no sector
  const bool beyond = cv::countNonZero(outside) > kMaxScanOutsideFraction * double(scan.total());
  m_framesOutgrown = beyond ? m_framesOutgrown + 1 : 0;
  return m_framesOutgrown >= kOutgrownFrames;
}

void SectorMask::rebuild() {
  cv::Mat closed;
  cv::morphologyEx(m_union, closed, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {7, 7}));
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(closed, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  m_sector = cv::Mat::zeros(m_union.size(), CV_8U);
  if (!contours.empty()) {
    const auto largest = std::max_element(contours.begin(), contours.end(), [](const auto& a, const auto& b) {
      return cv::contourArea(a) < cv::contourArea(b);
    });
    cv::drawContours(m_sector, std::vector<std::vector<cv::Point>>{*largest}, 0, cv::Scalar(255), cv::FILLED);
    // Echoes scattered over a black image (a water tank): no one region is the scan, their hull is.
    if (cv::countNonZero(m_sector & m_union) < kMinLargestShare * cv::countNonZero(m_union)) {
      std::vector<cv::Point> echoes, hull;
      cv::findNonZero(m_union, echoes);
      cv::convexHull(echoes, hull);
      cv::fillConvexPoly(m_sector, hull, cv::Scalar(255));
    }
  }
  // The frame border counts as a sector edge too: filters there see a replicated border.
  cv::Mat framed = m_sector.clone();
  cv::rectangle(framed, cv::Rect(0, 0, framed.cols, framed.rows), cv::Scalar(0), 1);
  const int size = 2 * m_marginPx + 1;
  cv::erode(framed, m_mask, cv::getStructuringElement(cv::MORPH_ELLIPSE, {size, size}));
}

double SectorMask::widthFraction(float xMin, float xMax, float y) const {
  const int row = static_cast<int>(std::lround(y));
  if (m_sector.empty() || row < 0 || row >= m_sector.rows) return 0.0;
  const std::uint8_t* pixels = m_sector.ptr<std::uint8_t>(row);
  int first = -1;
  int last = -1;
  for (int x = 0; x < m_sector.cols; ++x) {
    if (!pixels[x]) continue;
    if (first < 0) first = x;
    last = x;
  }
  if (first < 0 || last <= first) return 0.0;
  const double covered = std::min<double>(xMax, last) - std::max<double>(xMin, first);
  return std::clamp(covered / (last - first), 0.0, 1.0);
}

}  // namespace hipguide::tracking
