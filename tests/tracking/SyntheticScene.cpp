#include "SyntheticScene.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace hipguide::test {
namespace {

/// Zero outside a fan whose apex lies above the image (curvilinear probe).
void applySector(cv::Mat& grey) {
  const cv::Point2f apex(grey.cols / 2.0f, -grey.rows * 0.35f);
  const float inner = grey.rows * 0.38f, outer = grey.rows * 1.33f;
  const float halfAngle = static_cast<float>(38.0 * CV_PI / 180.0);
  for (int y = 0; y < grey.rows; ++y)
    for (int x = 0; x < grey.cols; ++x) {
      const cv::Point2f d(x - apex.x, y - apex.y);
      const float r = std::hypot(d.x, d.y);
      const float angle = std::atan2(d.x, d.y);
      if (r < inner || r > outer || std::abs(angle) > halfAngle) grey.at<std::uint8_t>(y, x) = 0;
    }
}

void drawLine(cv::Mat& amplitude, cv::Point2f a, cv::Point2f b, double value, int thickness) {
  constexpr int kShift = 4;
  const cv::Point pa(cvRound(a.x * (1 << kShift)), cvRound(a.y * (1 << kShift)));
  const cv::Point pb(cvRound(b.x * (1 << kShift)), cvRound(b.y * (1 << kShift)));
  cv::line(amplitude, pa, pb, cv::Scalar(value), thickness, cv::LINE_AA, kShift);
}

}  // namespace

cv::Mat renderScene(const SyntheticScene& scene) {
  cv::RNG rng(scene.speckleSeed);
  cv::Mat real(scene.size, CV_32F), imaginary(scene.size, CV_32F);
  rng.fill(real, cv::RNG::NORMAL, 0.0, 1.0);
  rng.fill(imaginary, cv::RNG::NORMAL, 0.0, 1.0);
  cv::Mat scattering(scene.size, CV_32F, cv::Scalar(1.0));
  for (const SyntheticInterface& line : scene.interfaces) {
    if (line.shadow >= 1.0) continue;
    // Everything below the line (in the columns it covers) is shadowed.
    std::vector<cv::Point> below = {
        cv::Point(cvRound(line.a.x), cvRound(line.a.y)), cv::Point(cvRound(line.b.x), cvRound(line.b.y)),
        cv::Point(cvRound(line.b.x), scene.size.height), cv::Point(cvRound(line.a.x), scene.size.height)};
    cv::fillConvexPoly(scattering, below, cv::Scalar(line.shadow));
  }
  cv::Mat specular = cv::Mat::zeros(scene.size, CV_32F);
  for (const SyntheticInterface& line : scene.interfaces)
    drawLine(specular, line.a, line.b, line.amplitude, 2);
  for (std::size_t i = 0; i + 1 < scene.arcCentreRadius.size(); i += 2) {
    const cv::Point2f centre = scene.arcCentreRadius[i];
    cv::ellipse(specular, cv::Point(cvRound(centre.x), cvRound(centre.y)),
                cv::Size(cvRound(scene.arcCentreRadius[i + 1].x), cvRound(scene.arcCentreRadius[i + 1].x)), 0,
                200, 340, cv::Scalar(5.0), 2, cv::LINE_AA);
  }
  for (const SyntheticNeedle& needle : scene.needles) {
    drawLine(specular, needle.entry, needle.tip, needle.amplitude, 1);
    for (int k = 1; k <= needle.reverberations; ++k) {
      const cv::Point2f shift(0.0f, static_cast<float>(k * needle.reverberationPx));
      drawLine(specular, needle.entry + shift, needle.tip + shift, needle.amplitude * std::pow(0.4, k), 1);
    }
    const cv::Point2f direction =
        (needle.tip - needle.entry) / static_cast<float>(cv::norm(needle.tip - needle.entry));
    drawLine(specular, needle.tip - direction * 8.0f, needle.tip, needle.amplitude * needle.bevelGain, 1);
  }
  cv::multiply(real, scattering, real);
  cv::multiply(imaginary, scattering, imaginary);
  real += specular;
  // Point-spread function: wider laterally than axially, as in B-mode.
  cv::GaussianBlur(real, real, cv::Size(0, 0), 3.0, 1.4);
  cv::GaussianBlur(imaginary, imaginary, cv::Size(0, 0), 3.0, 1.4);
  cv::Mat envelope;
  cv::magnitude(real, imaginary, envelope);
  envelope *= scene.gain / 0.17;  // mean speckle envelope of the blurred field is about 0.17
  cv::Mat decibels;
  cv::log(cv::max(envelope, 1e-6), decibels);
  decibels *= 20.0 / std::log(10.0);
  cv::Mat grey;
  decibels.convertTo(grey, CV_8U, 255.0 / kSceneDynamicRangeDb,
                     255.0 * (kSceneDynamicRangeDb - 20.0) / kSceneDynamicRangeDb);
  if (scene.sector) applySector(grey);
  return grey;
}

SyntheticScene scaled(SyntheticScene scene, float factor) {
  scene.size = {cvRound(scene.size.width * factor), cvRound(scene.size.height * factor)};
  for (SyntheticNeedle& needle : scene.needles) {
    needle.entry *= factor;
    needle.tip *= factor;
    needle.reverberationPx *= factor;
  }
  for (SyntheticInterface& line : scene.interfaces) {
    line.a *= factor;
    line.b *= factor;
  }
  for (cv::Point2f& value : scene.arcCentreRadius) value *= factor;
  return scene;
}

core::Frame frameFrom(const cv::Mat& grey, double spacingMm, std::uint64_t frameId,
                      std::int64_t timestampNs) {
  core::Frame frame;
  frame.width = grey.cols;
  frame.height = grey.rows;
  frame.grey.assign(grey.datastart, grey.dataend);
  frame.spacingMm = {spacingMm, spacingMm};
  frame.frameId = frameId;
  frame.deviceTimestampNs = timestampNs;
  frame.hostReceiveNs = timestampNs;
  return frame;
}

}  // namespace hipguide::test
