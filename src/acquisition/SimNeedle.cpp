#include "SimNeedle.h"

#include "SimBeam.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hipguide::acquisition::sim {
namespace {

constexpr double kNeedleGain = 14.0;        ///< Perpendicular shaft echo relative to backscatter 1.
constexpr double kSpecularWidthDeg = 24.0;  ///< Specular lobe of the shaft (Gaussian width).
constexpr double kDiffuseShare = 0.025;     ///< Echo left at grazing angles (surface roughness).
constexpr double kBevelLengthMm = 1.5;
constexpr double kBevelGain = 1.8;  ///< Bevel echo relative to a perpendicular shaft.
constexpr int kReverberations = 5;
constexpr double kReverberationDecay = 0.4;    ///< Amplitude ratio of successive comet-tail echoes.
constexpr double kReferenceDiameterMm = 0.72;  ///< 22G.

struct LineBin {
  double sampleMin = std::numeric_limits<double>::max();
  double sampleMax = -1.0;
  double amplitude = 0.0;
};

/// Specular response of a shaft at `angleToFaceDeg` from the plane perpendicular to the beam.
double shaftResponse(double angleToFaceDeg) {
  const double lobe = angleToFaceDeg / kSpecularWidthDeg;
  return kDiffuseShare + (1.0 - kDiffuseShare) * std::exp(-lobe * lobe);
}

/// Adds `amplitude` per sample over [from, to] (a single split sample when narrower than one).
void deposit(float* line, int samples, double from, double to, float amplitude) {
  if (to - from < 1.0) {
    const double at = 0.5 * (from + to);
    const int s0 = static_cast<int>(std::floor(at));
    const float fraction = static_cast<float>(at - s0);
    if (s0 >= 0 && s0 < samples) line[s0] += amplitude * (1.0f - fraction);
    if (s0 + 1 >= 0 && s0 + 1 < samples) line[s0 + 1] += amplitude * fraction;
    return;
  }
  const int first = std::max(0, static_cast<int>(std::lround(from)));
  const int last = std::min(samples - 1, static_cast<int>(std::lround(to)));
  for (int s = first; s <= last; ++s) line[s] += amplitude;
}

/// Whether a probe point lies in tissue as imaged. Inside the sector the skin is pressed up
/// against the face (see EchoField::contactOffset): the tissue shown at a point is the tissue
/// its line reads there, which a rigid needle does not displace. Outside, the undeformed volume.
bool inTissue(const core::Vec3& probeMm, const core::Transform3& probeToReference,
              const anatomy::LabelVolume& volume, const ScanGeometry& geometry,
              const std::vector<int>& offsets) {
  double line = 0, sample = 0;
  if (!geometry.polarOf(probeMm.head<2>(), line, sample))
    return volume.labelAt(probeToReference * probeMm) != 0;
  const int taper = static_cast<int>(kContactTaperMm / geometry.sampleSpacingMm());
  const int offset = offsets[static_cast<std::size_t>(std::lround(line))];
  const core::Vec2 tissueMm =
      geometry.probeOf(line, tissueSample(static_cast<int>(std::lround(sample)), offset, taper));
  return volume.labelAt(probeToReference * core::Vec3(tissueMm.x(), tissueMm.y(), probeMm.z())) != 0;
}

}  // namespace

std::vector<NeedlePoint> sampleNeedle(const NeedleState& needle, const core::Transform3& probeToReference,
                                      const anatomy::LabelVolume& volume, const ScanGeometry& geometry,
                                      const std::vector<int>& contactOffsets) {
  const std::vector<core::Vec3> shaft = needle.shaftPoints(kNeedleStepMm);
  if (shaft.size() < 2) return {};
  const core::Transform3 referenceToProbe = probeToReference.inverse();
  std::vector<NeedlePoint> points(shaft.size());
  for (std::size_t index = 0; index < shaft.size(); ++index) {
    const std::size_t next = std::min(index + 1, shaft.size() - 1);
    const std::size_t before = next == index ? index - 1 : index;
    NeedlePoint& point = points[index];
    point.probeMm = referenceToProbe * shaft[index];
    const core::Vec3 along = shaft[next] - shaft[before];
    point.directionProbe =
        referenceToProbe.linear() * (along.norm() > 0 ? along.normalized() : needle.direction);
    point.fromTipMm = std::max(0.0, needle.insertionDepthMm - static_cast<double>(index) * kNeedleStepMm);
    point.inBody = inTissue(point.probeMm, probeToReference, volume, geometry, contactOffsets);
  }
  return points;
}

void addNeedleEchoes(const NeedleState& needle, const std::vector<NeedlePoint>& points,
                     const ScanGeometry& geometry, EchoField& field) {
  const ProbeModel& probe = geometry.model();
  const double diameterMm = needleOuterDiameterMm(needle.gauge);
  const double sizeGain = std::sqrt(diameterMm / kReferenceDiameterMm);
  std::vector<LineBin> bins(static_cast<std::size_t>(field.lines));
  for (const NeedlePoint& point : points) {
    if (!point.inBody) continue;
    double line = 0, sample = 0;
    if (!geometry.polarOf(point.probeMm.head<2>(), line, sample)) continue;
    const double weight = elevationWeight(probe, sample * geometry.sampleSpacingMm(), point.probeMm.z());
    if (weight < 0.01) continue;
    const int bin = static_cast<int>(std::lround(line));
    const core::Vec2 beam = geometry.lineDirection(bin);
    const double alongBeam =
        std::abs(point.directionProbe.x() * beam.x() + point.directionProbe.y() * beam.y());
    const double angleToFaceDeg = core::radToDeg(std::asin(std::min(1.0, alongBeam)));
    double response = shaftResponse(angleToFaceDeg);
    if (point.fromTipMm < kBevelLengthMm) response = std::max(response, kBevelGain * (0.3 + 0.7 * response));
    LineBin& target = bins[static_cast<std::size_t>(bin)];
    target.sampleMin = std::min(target.sampleMin, sample);
    target.sampleMax = std::max(target.sampleMax, sample);
    target.amplitude = std::max(target.amplitude, response * weight);
  }
  // A steep shaft spreads one line's echo over many samples: keep its energy per pulse length.
  const double pulseSamples = 1.5 * axialFwhmMm(probe) / geometry.sampleSpacingMm();
  const double reverberationSamples = diameterMm / geometry.sampleSpacingMm();
  for (int line = 0; line < field.lines; ++line) {
    const LineBin& bin = bins[static_cast<std::size_t>(line)];
    if (bin.sampleMax < 0.0) continue;
    const double span = bin.sampleMax - bin.sampleMin + 1.0;
    const int centre = std::clamp(static_cast<int>(bin.sampleMin), 0, field.samples - 1);
    const double echo = kNeedleGain * sizeGain * bin.amplitude * field.transmission[field.at(line, centre)] *
                        std::min(1.0, pulseSamples / span);
    float* re = field.re.data() + field.at(line, 0);
    for (int k = 0; k <= kReverberations; ++k) {
      const double shift = k * reverberationSamples;
      deposit(re, field.samples, bin.sampleMin + shift, bin.sampleMax + shift,
              static_cast<float>(echo * std::pow(kReverberationDecay, k)));
    }
  }
}

FrameTruth needleTruth(const std::vector<NeedlePoint>& points, const NeedleState* needle,
                       const ScanGeometry& geometry, const core::Transform3& probeToReference) {
  FrameTruth truth;
  truth.probeToReference = probeToReference;
  if (needle == nullptr || points.empty()) return truth;
  const ProbeModel& probe = geometry.model();
  // In the image plane: inside the body, the sector and half the slice thickness.
  const auto inPlane = [&](const NeedlePoint& point) {
    double line = 0, sample = 0;
    if (!point.inBody || !geometry.polarOf(point.probeMm.head<2>(), line, sample)) return false;
    return std::abs(point.probeMm.z()) <= 0.5 * elevationFwhmMm(probe, sample * geometry.sampleSpacingMm());
  };
  // The rigid shaft is shown where it is (the pressed tissue moves around it, not the shaft).
  const auto imageMm = [&](const NeedlePoint& point) -> core::Vec2 {
    return point.probeMm.head<2>() + geometry.faceCentreImageMm();
  };
  for (std::size_t index = 0; index + 1 < points.size(); ++index) {
    truth.needleInserted = truth.needleInserted || points[index].inBody;
    if (inPlane(points[index]) && inPlane(points[index + 1]))
      truth.visibleLengthMm += (imageMm(points[index + 1]) - imageMm(points[index])).norm();
  }
  const NeedlePoint& tip = points.back();
  truth.needleInserted = truth.needleInserted || tip.inBody;
  truth.tipReferenceMm = needle->tipMm();
  truth.tipOutOfPlaneMm = tip.probeMm.z();
  truth.tipImageMm = imageMm(tip);
  truth.tipInImage = inPlane(tip);
  double tipLine = 0, tipSample = 0;
  if (tip.inBody && geometry.polarOf(tip.probeMm.head<2>(), tipLine, tipSample)) {
    const double weight = elevationWeight(probe, tipSample * geometry.sampleSpacingMm(), tip.probeMm.z());
    truth.tipElevationEchoDb = std::max(FrameTruth::kNoTipEchoDb, 20.0 * std::log10(weight));
  }
  // Orientation of the last 10 mm of shaft as projected onto the image plane.
  const std::size_t back = points.size() - 1 - std::min<std::size_t>(points.size() - 1, 100);
  const core::Vec2 projected = truth.tipImageMm - imageMm(points[back]);
  const core::Vec2 direction = projected.norm() > 1e-6 ? projected : tip.directionProbe.head<2>();
  truth.angleDeg = direction.norm() > 1e-9 ? core::lineOrientationDeg(direction) : 90.0;
  truth.needleVisible = truth.visibleLengthMm >= 5.0 && truth.tipInImage;
  return truth;
}

}  // namespace hipguide::acquisition::sim
