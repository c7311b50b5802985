#include "PhantomGeometry.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace hipguide::anatomy {

namespace {

/// Uniform numbers from a seeded Mersenne twister (its output is fixed by the standard, so the
/// phantom is the same on every platform).
class Draw {
 public:
  explicit Draw(std::uint32_t seed) : m_engine(seed) {}
  double between(double low, double high) { return low + (high - low) * (m_engine() / 4294967296.0); }

 private:
  std::mt19937 m_engine;
};

double fatThicknessMm(Habitus habitus, Draw& draw) {
  switch (habitus) {
    case Habitus::Slim: return draw.between(6.0, 9.0);
    case Habitus::Average: return draw.between(18.0, 23.0);
    case Habitus::Obese: return draw.between(38.0, 45.0);
  }
  return 20.0;
}

void placeFemur(HipGeometry& g) {
  // Anatomical shaft axis: 7° from vertical, the knee medial to the hip.
  const double shaftTiltDeg = 7.0;
  g.shaftDistal =
      core::Vec3(std::sin(core::degToRad(shaftTiltDeg)), 0.0, -std::cos(core::degToRad(shaftTiltDeg)));
  const core::Vec3 proximal = -g.shaftDistal;
  // Neck in the coronal plane at the neck-shaft angle, then turned anteriorly about the shaft.
  const core::Vec3 coronal = core::rotationDeg(core::Vec3::UnitY(), 180.0 - g.neckShaftAngleDeg) * proximal;
  g.neckAxis = (core::rotationDeg(proximal, -g.anteversionDeg) * coronal).normalized();
  const core::Vec3 anterior = -core::Vec3::UnitY();
  g.anteriorPerp = (anterior - anterior.dot(g.neckAxis) * g.neckAxis).normalized();
  g.superiorPerp = g.anteriorPerp.cross(g.neckAxis);
  g.neckBaseMm = -g.neckLengthMm * g.neckAxis;
  const double neckRadius = g.neckRadiusMm(0.0, 0.0);
  const double junction = std::sqrt(g.headRadiusMm * g.headRadiusMm - neckRadius * neckRadius);
  g.junctionAlongMm = junction + 3.0;
  const core::Vec3 lateral = -core::Vec3::UnitX();
  g.greaterTrochanterCentreMm = g.neckBaseMm + 16.0 * lateral + core::Vec3(0.0, 4.0, 14.0);
  g.greaterTrochanterRadiiMm = core::Vec3(12.0, 18.0, 19.0);
  g.lesserTrochanterCentreMm = g.neckBaseMm + 28.0 * g.shaftDistal + core::Vec3(9.0, 11.0, 0.0);
}

void placeNeurovascular(HipGeometry& g) {
  using shapes::Knot;
  auto front = [&g](double x, double z, double depthMm) {
    return core::Vec3(x, g.envelopeFrontY(x, z) + depthMm, z);
  };
  const double top = g.highMm.z(), bottom = g.lowMm.z();
  g.artery = {{{30, -28, top}, 3.8, 3.8},
              {front(25, 20, 3.5), 3.8, 3.8},
              {front(24, -20, 4.5), 3.6, 3.6},
              {front(30, bottom, 8), 3.4, 3.4}};
  g.vein = {{{42, -22, top}, 5.2, 5.2},
            {front(36, 20, 5.5), 5.2, 5.2},
            {front(35, -20, 6), 5.0, 5.0},
            {front(40, bottom, 10), 4.8, 4.8}};
  g.nerve = {{{6, -30, top}, 4.5, 2.2},
             {front(14, 15, 3), 4.5, 2.0},
             {front(15, -10, 3.5), 4.5, 2.0},
             {front(17, -40, 6), 4.0, 1.8}};
  // The lateral femoral cutaneous nerve: under the inguinal ligament medial to the ASIS, over
  // the sartorius, then through the fascia lata into the subcutaneous fat, where it runs down the
  // anterolateral thigh. It crosses over the anterior approach to the hip proximally, where a
  // planned needle is already deep under the fascia, so the standard paths keep clear of it.
  const double subcutaneousMm = -std::min(6.0, g.fatMm / 2.0);
  g.lfcn = {{front(-22, top, 8), 1.3, 1.3},
            {front(-26, 55, -1.5), 1.3, 1.3},
            {front(-34, 20, -2), 1.3, 1.3},
            {front(-30, -30, subcutaneousMm), 1.2, 1.2},
            {front(-36, bottom, subcutaneousMm), 1.2, 1.2}};
  // The ascending branch of the lateral circumflex femoral artery: from the profunda, laterally
  // under the rectus femoris, then up along the anterior femoral neck just outside the capsule.
  const double radius = 1.5;
  auto alongNeck = [&g, radius](double along, double aroundRad) {
    const double outside = g.boneRadiusMm(along, aroundRad) + g.recessGapAt(along, aroundRad) +
                           g.capsuleThicknessMm + 1.5 + radius;
    return core::Vec3(-along * g.neckAxis + outside * (std::cos(aroundRad) * g.anteriorPerp +
                                                       std::sin(aroundRad) * g.superiorPerp));
  };
  g.lcfa = {{front(22, -40, 7), radius, radius},
            {front(8, -42, 14), radius, radius},
            {alongNeck(50.0, -0.7), radius, radius},
            {alongNeck(40.0, -0.4), radius, radius},
            {alongNeck(31.0, -0.2), radius, radius}};
}

}  // namespace

double HipGeometry::envelopeSemiYAt(double zMm) const {
  return envelopeSemiY - 0.1 * std::max(0.0, -50.0 - zMm);
}

double HipGeometry::envelopeFrontY(double xMm, double zMm) const {
  const double u = (xMm - envelopeCentreX) / envelopeSemiX;
  return envelopeCentreY - envelopeSemiYAt(zMm) * std::sqrt(std::max(0.0, 1.0 - u * u));
}

double HipGeometry::neckRadiusMm(double alongMm, double aroundRad) const {
  const double narrow = 0.65 * headRadiusMm;
  const double wide = 0.85 * headRadiusMm;
  const double f = std::clamp((alongMm - 22.0) / (45.0 - 22.0), 0.0, 1.0);
  const double deep = narrow + f * (wide - narrow);
  const double tall = 1.18 * deep;
  const double c = std::cos(aroundRad) / deep, s = std::sin(aroundRad) / tall;
  return 1.0 / std::sqrt(c * c + s * s);
}

double HipGeometry::boneRadiusMm(double alongMm, double aroundRad) const {
  const double outer = headRadiusMm + cartilageMm;
  const double head = std::abs(alongMm) < outer ? std::sqrt(outer * outer - alongMm * alongMm) : 0.0;
  return alongMm < 0 ? head : std::max(head, neckRadiusMm(alongMm, aroundRad));
}

double HipGeometry::recessGapAt(double alongMm, double aroundRad) const {
  const double a = (alongMm - junctionAlongMm) / recessSigmaAlongMm;
  const double b = aroundRad / recessSigmaAroundRad;
  return recessGapMm * std::exp(-0.5 * (a * a + b * b));
}

HipGeometry makeHipGeometry(const PhantomOptions& options) {
  Draw draw(options.seed);
  HipGeometry g;
  g.headRadiusMm = draw.between(22.5, 24.5);
  g.neckShaftAngleDeg = draw.between(124.0, 131.0);
  g.anteversionDeg = draw.between(10.5, 14.5);
  g.capsuleThicknessMm = draw.between(1.7, 1.9);
  const double recessToBoneMm = options.effusion ? draw.between(9.5, 11.5) : draw.between(5.6, 6.8);
  g.recessGapMm = recessToBoneMm - g.capsuleThicknessMm;
  g.recessSigmaAlongMm = options.effusion ? 10.0 : 8.0;
  g.recessSigmaAroundRad = options.effusion ? 0.8 : 0.6;
  g.fatMm = fatThicknessMm(options.habitus, draw);
  // Acetabular opening: 45° inclination, 20° anteversion.
  g.acetabularAxis = core::Vec3(-std::sin(core::degToRad(45.0)) * std::cos(core::degToRad(20.0)),
                                -std::sin(core::degToRad(45.0)) * std::sin(core::degToRad(20.0)),
                                -std::cos(core::degToRad(45.0)))
                         .normalized();
  const double outside = g.fatMm + g.skinMm + 4.0;
  g.lowMm = core::Vec3(g.envelopeCentreX - g.envelopeSemiX - outside,
                       g.envelopeCentreY - g.envelopeSemiY - outside, -110.0);
  g.highMm = core::Vec3(85.0, 60.0, 72.0);
  placeFemur(g);
  placeNeurovascular(g);
  g.trochantericBursaMm =
      g.greaterTrochanterCentreMm - core::Vec3(g.greaterTrochanterRadiiMm.x() + 1.8, 0.0, 0.0);
  return g;
}

}  // namespace hipguide::anatomy
