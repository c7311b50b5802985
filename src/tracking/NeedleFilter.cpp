#include "NeedleFilter.h"

#include <hipguide/core/Geometry.h>

#include <algorithm>
#include <cmath>

namespace hipguide::tracking {
namespace {

/// Signed smallest difference a − b between line orientations, in (−90, 90].
double signedOrientationDifference(double aDeg, double bDeg) {
  double difference = std::fmod(aDeg - bDeg, 180.0);
  if (difference > 90.0) difference -= 180.0;
  if (difference <= -90.0) difference += 180.0;
  return difference;
}

double wrapOrientation(double angleDeg) {
  const double wrapped = std::fmod(angleDeg, 180.0);
  return wrapped < 0.0 ? wrapped + 180.0 : wrapped;
}

}  // namespace

NeedleFilter::NeedleFilter(const FilterConfig& config) : m_config(config), m_seen(config) {}

void NeedleFilter::reset() {
  lose();
  m_seen.forget();
}

void NeedleFilter::lose() {
  m_tracking = false;
  m_misses = m_outliers = 0;
}

FilteredNeedle NeedleFilter::update(const std::optional<NeedleMeasurement>& measurement, double dtSeconds) {
  const double dt = std::clamp(dtSeconds, 1e-3, 0.5);
  m_seen.age(dt);
  if (!m_tracking) {
    if (measurement && startsTrack(*measurement)) {
      start(*measurement);
      return output(false);
    }
    return {};
  }
  const Eigen::Vector4d beforePrediction = m_tip;
  predict(dt);
  if (measurement && measurement->confidence >= m_config.keepConfidence) {
    if (accept(*measurement)) return output(false);
    if (++m_outliers >= m_config.reacquireFrames && startsTrack(*measurement)) {
      start(*measurement);
      return output(false);
    }
  }
  if (++m_misses > m_config.maxCoastFrames && m_seen.secondsSince() > m_config.maxCoastSeconds) {
    lose();
    return {};
  }
  hold(beforePrediction);
  return output(true);
}

void NeedleFilter::hold(const Eigen::Vector4d& beforePrediction) {
  if (m_misses == 1) m_tip.head<2>() = beforePrediction.head<2>();
  m_tip.tail<2>().setZero();
}

bool NeedleFilter::shortOfSeenTip(const NeedleMeasurement& measurement) const {
  return m_seen.relationOf(measurement.tipMm, measurement.angleDeg) == SeenTip::Relation::Short;
}

bool NeedleFilter::mayStartAt(double angleDeg, double hiddenLengthMm) const {
  return core::orientationDifferenceDeg(angleDeg, 0.0) >= m_config.minStartAngleDeg &&
         hiddenLengthMm <= m_config.maxHiddenLengthMm;
}

bool NeedleFilter::startsTrack(const NeedleMeasurement& measurement) const {
  if (!mayStartAt(measurement.angleDeg, measurement.hiddenLengthMm)) return false;
  switch (m_seen.relationOf(measurement.tipMm, measurement.angleDeg)) {
    case SeenTip::Relation::Short: return false;
    case SeenTip::Relation::AtIt:
      if (m_seen.established()) return measurement.confidence >= m_config.acquireConfidence;
      break;
    case SeenTip::Relation::Elsewhere: break;
  }
  // A needle seen entering needs only the confidence that keeps a track: its shaft is short.
  if (measurement.entering) return measurement.confidence >= m_config.keepConfidence;
  if (measurement.advance >= m_config.strongAdvance)
    return measurement.confidence >= m_config.acquireStrongAdvanceConfidence;
  return (measurement.advance >= m_config.acquireAdvance || measurement.needleLike) &&
         measurement.confidence >= m_config.acquireConfidence;
}

void NeedleFilter::start(const NeedleMeasurement& measurement) {
  m_tracking = true;
  m_trackMeasurements = 0;
  take(measurement);
  m_tip << measurement.tipMm.x(), measurement.tipMm.y(), 0.0, 0.0;
  const double tipVariance = m_config.tipNoiseMm * m_config.tipNoiseMm;
  m_tipCovariance = Eigen::Vector4d(tipVariance, tipVariance, 400.0, 400.0).asDiagonal();
  m_angle << measurement.angleDeg, 0.0;
  m_angleCovariance = Eigen::Vector2d(m_config.angleNoiseDeg * m_config.angleNoiseDeg, 400.0).asDiagonal();
}

void NeedleFilter::take(const NeedleMeasurement& measurement) {
  m_misses = m_outliers = 0;
  m_confidence = measurement.confidence;
  ++m_trackMeasurements;
  m_seen.see(measurement.tipMm, measurement.angleDeg,
             m_trackMeasurements >= m_config.establishedMeasurements);
}

void NeedleFilter::predict(double dt) {
  Eigen::Matrix4d transition = Eigen::Matrix4d::Identity();
  transition(0, 2) = transition(1, 3) = dt;
  // White-acceleration process noise (per axis: [dt⁴/4, dt³/2; dt³/2, dt²] · q).
  const double q = m_config.accelerationMmS2 * m_config.accelerationMmS2;
  Eigen::Matrix4d noise = Eigen::Matrix4d::Zero();
  for (int axis = 0; axis < 2; ++axis) {
    noise(axis, axis) = q * std::pow(dt, 4) / 4;
    noise(axis, axis + 2) = noise(axis + 2, axis) = q * std::pow(dt, 3) / 2;
    noise(axis + 2, axis + 2) = q * dt * dt;
  }
  m_tip = transition * m_tip;
  m_tipCovariance = transition * m_tipCovariance * transition.transpose() + noise;

  Eigen::Matrix2d angleTransition;
  angleTransition << 1.0, dt, 0.0, 1.0;
  const double qa = m_config.angleRateDegS2 * m_config.angleRateDegS2;
  Eigen::Matrix2d angleNoise;
  angleNoise << qa * std::pow(dt, 4) / 4, qa * std::pow(dt, 3) / 2, qa * std::pow(dt, 3) / 2, qa * dt * dt;
  m_angle = angleTransition * m_angle;
  m_angle(0) = wrapOrientation(m_angle(0));
  m_angleCovariance = angleTransition * m_angleCovariance * angleTransition.transpose() + angleNoise;
}

bool NeedleFilter::accept(const NeedleMeasurement& measurement) {
  const Eigen::Vector2d tipInnovation =
      Eigen::Vector2d(measurement.tipMm.x(), measurement.tipMm.y()) - m_tip.head<2>();
  const Eigen::Matrix2d tipS = m_tipCovariance.topLeftCorner<2, 2>() +
                               Eigen::Matrix2d::Identity() * (m_config.tipNoiseMm * m_config.tipNoiseMm);
  const double angleInnovation = signedOrientationDifference(measurement.angleDeg, m_angle(0));
  const double angleS = m_angleCovariance(0, 0) + m_config.angleNoiseDeg * m_config.angleNoiseDeg;
  const double gate = m_config.gateSigma * m_config.gateSigma;
  const double reachMm =
      m_config.maxTipSpeedMmS * m_seen.secondsSince() + m_config.gateSigma * m_config.tipNoiseMm;
  if (shortOfSeenTip(measurement) || tipInnovation.norm() > reachMm ||
      tipInnovation.dot(tipS.inverse() * tipInnovation) > gate ||
      angleInnovation * angleInnovation / angleS > gate)
    return false;

  Eigen::Matrix<double, 4, 2> observation = Eigen::Matrix<double, 4, 2>::Zero();
  observation(0, 0) = observation(1, 1) = 1.0;
  const Eigen::Matrix<double, 4, 2> tipGain = m_tipCovariance * observation * tipS.inverse();
  m_tip += tipGain * tipInnovation;
  m_tipCovariance = (Eigen::Matrix4d::Identity() - tipGain * observation.transpose()) * m_tipCovariance;

  const Eigen::Vector2d angleGain = m_angleCovariance.col(0) / angleS;
  m_angle += angleGain * angleInnovation;
  m_angle(0) = wrapOrientation(m_angle(0));
  m_angleCovariance -= angleGain * m_angleCovariance.row(0);
  take(measurement);
  return true;
}

FilteredNeedle NeedleFilter::output(bool coasting) const {
  FilteredNeedle result;
  result.detected = true;
  result.coasting = coasting;
  result.tipMm = {m_tip(0), m_tip(1)};
  result.angleDeg = m_angle(0);
  result.confidence = coasting ? m_confidence * std::pow(0.6, m_misses) : m_confidence;
  return result;
}

}  // namespace hipguide::tracking
