#include "ShaftExtender.h"

#include <hipguide/core/Geometry.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace hipguide::tracking {
namespace {

/// A fall of the running sum by this many pixels' cost before it peaks again is a bridged gap.
constexpr float kBridgedGapPx = 2.0f;

}  // namespace

ShaftExtender::ShaftExtender(const ExtendConfig& config) : m_config(config) {
  if (!(config.sideFromPx >= 1.0f && config.sideToPx >= config.sideFromPx))
    throw std::invalid_argument("shaft extension side band must satisfy 1 <= from <= to, not " +
                                std::to_string(config.sideFromPx) + ".." + std::to_string(config.sideToPx));
  if (!(config.oneSidedSigma > 0.0))
    throw std::invalid_argument("shaft extension one-sided contrast must be > 0, not " +
                                std::to_string(config.oneSidedSigma));
  if (!(config.costSigma > 0.0 && config.capSigma > config.costSigma))
    throw std::invalid_argument("shaft extension needs 0 < cost < cap, not cost " +
                                std::to_string(config.costSigma) + ", cap " +
                                std::to_string(config.capSigma));
}

ShaftExtender::SideContrast ShaftExtender::shaftOverSides(const cv::Mat& greyF, const cv::Point2f& p,
                                                          const cv::Point2f& normal) const {
  const float shaft = (sampleBilinear(greyF, p - normal * 0.5f) + sampleBilinear(greyF, p) +
                       sampleBilinear(greyF, p + normal * 0.5f)) /
                      3.0f;
  float above = 0.0f, below = 0.0f;
  int count = 0;
  for (float o = m_config.sideFromPx; o <= m_config.sideToPx; o += 1.0f, ++count) {
    above += sampleBilinear(greyF, p - normal * o);
    below += sampleBilinear(greyF, p + normal * o);
  }
  return {shaft - std::max(above, below) / float(count), shaft - std::min(above, below) / float(count)};
}

bool ShaftExtender::crossesStructure(const RidgeMaps& ridges, const cv::Point2f& p, const cv::Point2f& normal,
                                     double lineAngleDeg) const {
  for (float o = -1.0f; o <= 1.0f; o += 1.0f) {
    const cv::Point2f q = p + normal * o;
    const int x = std::clamp(static_cast<int>(std::lround(q.x)), 0, ridges.strength.cols - 1);
    const int y = std::clamp(static_cast<int>(std::lround(q.y)), 0, ridges.strength.rows - 1);
    const RidgeSample ridge = ridges.at(x, y);
    if (ridge.strength >= m_config.crossingStrength &&
        core::orientationDifferenceDeg(ridge.orientationDeg, lineAngleDeg) > m_config.crossingAngleDeg)
      return true;
  }
  return false;
}

ShaftEnd ShaftExtender::extend(const Line& line, float endT, double spreadGrey, const cv::Mat& greyF,
                               const cv::Mat& sector, const RidgeMaps& ridges) const {
  const double lineAngle = line.angleDeg();
  CV_Assert(greyF.type() == CV_32F && sector.type() == CV_8U && sector.size() == greyF.size());
  ShaftEnd end{endT, std::numeric_limits<float>::infinity(), {}};
  if (m_config.maxExtendPx <= 0.0 || spreadGrey <= 0.0) return end;
  const cv::Point2f normal = line.downNormal();
  const auto spread = static_cast<float>(spreadGrey);
  const auto cost = static_cast<float>(m_config.costSigma), cap = static_cast<float>(m_config.capSigma);
  // A pixel without contrast costs `cost`, however bright its sides (a crossing band); after
  // maxGapPx of them the shaft has ended.
  const float giveUp = cost * static_cast<float>(m_config.maxGapPx);
  const float oneSided = static_cast<float>(m_config.oneSidedSigma) * spread;
  float running = 0.0f, best = 0.0f, lowestSinceBest = 0.0f;
  int oneSidedSinceBest = 0;
  const float last = endT + static_cast<float>(m_config.maxExtendPx);
  for (float t = endT + 1.0f; t <= last; t += 1.0f) {
    const cv::Point2f p = line.at(t);
    if (!insideMask(sector, p - normal * m_config.sideToPx) ||
        !insideMask(sector, p + normal * m_config.sideToPx))
      break;
    float gain = 0.0f;
    if (crossesStructure(ridges, p, normal, lineAngle)) {
      end.structureT = std::min(end.structureT, t);
    } else {
      const SideContrast contrast = shaftOverSides(greyF, p, normal);
      // Brighter than one side only: a layer beside the shaft as it crosses it hides the
      // contrast there without ending the shaft.
      if (contrast.overBrighter <= 0.0f && contrast.overDarker >= oneSided) {
        gain = cost;
        ++oneSidedSinceBest;
      } else {
        gain = std::clamp(contrast.overBrighter / spread, 0.0f, cap);
      }
    }
    running += gain - cost;
    lowestSinceBest = std::min(lowestSinceBest, running);
    if (running > best) {
      if (best - lowestSinceBest + cost * static_cast<float>(oneSidedSinceBest) >= kBridgedGapPx * cost)
        end.bridgedEnds.push_back(end.endT);
      lowestSinceBest = running;
      oneSidedSinceBest = 0;
      best = running;
      end.endT = t;
      end.structureT = std::numeric_limits<float>::infinity();
    }
    if (running < best - giveUp) break;
  }
  return end;
}

}  // namespace hipguide::tracking
