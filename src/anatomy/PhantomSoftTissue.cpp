// Skin, subcutaneous fat, muscles, bursae, vessels and nerves of the hip phantom.
#include "LabelPainter.h"
#include "PhantomGeometry.h"

#include <hipguide/anatomy/LabelTable.h>

namespace hipguide::anatomy {

namespace {

using shapes::Knot;

/// Muscles may replace the generic muscle fill and each other, never fat, skin or bone.
LabelMask muscleMask(const LabelTable& t) {
  LabelMask mask;
  for (const char* name : {"other_muscle", "iliopsoas", "sartorius", "rectus_femoris", "tensor_fasciae_latae",
                           "gluteus_medius", "gluteus_minimus", "gluteus_maximus", "vastus_lateralis"})
    mask.set(t.valueOf(name));
  return mask;
}

bool insideEllipse(double x, double y, double cx, double cy, double semiX, double semiY) {
  const double u = (x - cx) / semiX, v = (y - cy) / semiY;
  return u * u + v * v <= 1.0;
}

}  // namespace

void paintBody(LabelPainter& painter, const HipGeometry& g, const LabelTable& table) {
  LabelVolume& volume = painter.volume();
  const std::uint8_t skin = table.valueOf("skin"), fat = table.valueOf("subcutaneous_fat"),
                     muscle = table.valueOf("other_muscle");
  const double fatOut = g.fatMm, skinOut = g.fatMm + g.skinMm;
  for (int k = 0; k < volume.size[2]; ++k) {
    const double z = volume.originMm.z() + k * volume.spacingMm.z();
    const double semiY = g.envelopeSemiYAt(z);
    for (int j = 0; j < volume.size[1]; ++j) {
      const double y = volume.originMm.y() + j * volume.spacingMm.y();
      std::uint8_t* row = &volume.labels[volume.index(0, j, k)];
      for (int i = 0; i < volume.size[0]; ++i) {
        const double x = volume.originMm.x() + i * volume.spacingMm.x();
        const double cx = g.envelopeCentreX, cy = g.envelopeCentreY, sx = g.envelopeSemiX;
        if (insideEllipse(x, y, cx, cy, sx, semiY))
          row[i] = muscle;
        else if (insideEllipse(x, y, cx, cy, sx + fatOut, semiY + fatOut))
          row[i] = fat;
        else if (insideEllipse(x, y, cx, cy, sx + skinOut, semiY + skinOut))
          row[i] = skin;
      }
    }
  }
}

void paintMuscles(LabelPainter& painter, const HipGeometry& g, const LabelTable& t) {
  const LabelMask mask = muscleMask(t);
  auto front = [&g](double x, double z, double depthMm) {
    return core::Vec3(x, g.envelopeFrontY(x, z) + depthMm, z);
  };
  const double top = g.highMm.z(), bottom = g.lowMm.z() - 5.0;
  // Deep first: vasti around the shaft, the small and middle gluteals on the ilium.
  const core::Vec3 shaftTop = g.neckBaseMm + 25.0 * g.shaftDistal + core::Vec3(-6.0, 0.0, 0.0);
  const core::Vec3 shaftEnd = shaftTop + (shaftTop.z() - bottom) / -g.shaftDistal.z() * g.shaftDistal;
  painter.paint(shapes::tube({{shaftTop, 27.0, 27.0}, {shaftEnd, 27.0, 27.0}}), t.valueOf("vastus_lateralis"),
                mask);
  painter.paint(shapes::ellipsoid({-38, 8, 22}, {11, 28, 32}), t.valueOf("gluteus_minimus"), mask);
  painter.paint(shapes::ellipsoid({-52, 16, 28}, {14, 38, 42}), t.valueOf("gluteus_medius"), mask);
  painter.paint(shapes::ellipsoid({-35, 70, -20}, {50, 28, 75}), t.valueOf("gluteus_maximus"), mask);
  // Iliopsoas: from the iliac fossa over the pelvic brim and the front of the head to the
  // lesser trochanter.
  const core::Vec3 lesser = g.lesserTrochanterCentreMm + core::Vec3(4.0, -4.0, 0.0);
  painter.paint(shapes::strap({{{16, -14, top}, 20, 14},
                               {{10, -30, 25}, 17, 10},
                               {{6, -37.5, 0}, 15, 9},
                               {{1, -31, -28}, 11, 8},
                               {lesser, 6, 5}},
                              core::Vec3::UnitY()),
                t.valueOf("iliopsoas"), mask);
  painter.paint(shapes::strap({{{-20, -27, 33}, 5, 5},
                               {front(-24, 0, 12), 11, 8},
                               {front(-24, -50, 13), 12, 9},
                               {front(-20, bottom, 14), 13, 9}},
                              core::Vec3::UnitY()),
                t.valueOf("rectus_femoris"), mask);
  painter.paint(shapes::strap({{{-30, -40, 56}, 6, 4},
                               {front(-27, 25, 7), 11, 5},
                               {front(-16, -10, 7), 12, 5.5},
                               {front(2, -55, 7), 12, 5.5},
                               {front(28, bottom, 7), 12, 5.5}},
                              core::Vec3::UnitY()),
                t.valueOf("sartorius"), mask);
  painter.paint(shapes::strap({{{-38, -34, 55}, 8, 5},
                               {front(-55, 0, 8), 12, 7},
                               {front(-64, -60, 8), 11, 6},
                               {front(-68, bottom, 8), 8, 4}},
                              core::Vec3(-0.68, -0.74, 0.0)),
                t.valueOf("tensor_fasciae_latae"), mask);
}

void paintBursae(LabelPainter& painter, HipGeometry& g, const LabelTable& t) {
  LabelMask soft = muscleMask(t);
  soft.set(t.valueOf("subcutaneous_fat"));
  // Greater trochanteric bursa: a thin lens on the lateral face of the greater trochanter.
  painter.paint(shapes::ellipsoid(g.trochantericBursaMm, {1.6, 14.0, 22.0}), t.valueOf("trochanteric_bursa"),
                soft);
  // Iliopsoas bursa: between the iliopsoas and the anterior capsule, medial to the recess.
  const core::Vec3 direction = core::Vec3(0.15, -1.0, -0.15).normalized();
  LabelMask joint =
      labelMask({t.valueOf("femur"), t.valueOf("pelvis"), t.valueOf("articular_cartilage"),
                 t.valueOf("acetabular_labrum"), t.valueOf("joint_capsule"), t.valueOf("anterior_recess")});
  const double outMm =
      walk(painter, core::Vec3::Zero(), direction, [&joint](std::uint8_t l) { return joint.test(l); });
  g.iliopsoasBursaMm = (outMm + 1.6) * direction;
  Eigen::Matrix3d axes;
  axes.col(0) = direction;
  axes.col(1) = core::Vec3::UnitZ().cross(direction).normalized();
  axes.col(2) = direction.cross(axes.col(1));
  painter.paint(shapes::ellipsoid(g.iliopsoasBursaMm, {1.6, 10.0, 15.0}, axes), t.valueOf("iliopsoas_bursa"),
                soft);
}

void paintNeurovascular(LabelPainter& painter, const HipGeometry& g, const LabelTable& t) {
  LabelMask soft = muscleMask(t);
  soft.set(t.valueOf("subcutaneous_fat"));
  painter.paint(shapes::tube(g.artery), t.valueOf("femoral_artery"), soft);
  painter.paint(shapes::tube(g.vein), t.valueOf("femoral_vein"), soft);
  painter.paint(shapes::tube(g.lcfa), t.valueOf("lcfa_ascending"), soft);
  painter.paint(shapes::strap(g.nerve, core::Vec3::UnitY()), t.valueOf("femoral_nerve"), soft);
  painter.paint(shapes::tube(g.lfcn), t.valueOf("lfcn"), soft);
}

}  // namespace hipguide::anatomy
