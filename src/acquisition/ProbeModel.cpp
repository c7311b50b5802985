#include <hipguide/acquisition/ProbeModel.h>

#include <cmath>
#include <stdexcept>
#include <string>

namespace hipguide::acquisition {
namespace {

void require(bool ok, const char* owner, const char* field, double value, const char* range) {
  if (!ok)
    throw std::invalid_argument(std::string(owner) + "." + field + " = " + std::to_string(value) +
                                " is out of range (" + range + ")");
}

}  // namespace

ProbeModel ProbeModel::curvilinear() { return ProbeModel{}; }

ProbeModel ProbeModel::linear() {
  ProbeModel model;
  model.kind = ProbeKind::Linear;
  model.centreFrequencyMHz = 8.0;
  model.widthMm = 38.0;
  model.focusDepthMm = 20.0;
  model.depthOfFieldMm = 15.0;
  model.elevationFwhmMm = 1.0;
  model.elevationFocusMm = 20.0;
  model.lines = 192;
  return model;
}

void ProbeModel::validate() const {
  const char* owner = "probe";
  require(centreFrequencyMHz >= 1.0 && centreFrequencyMHz <= 20.0, owner, "centreFrequencyMHz",
          centreFrequencyMHz, "1 to 20");
  if (kind == ProbeKind::Curvilinear) {
    require(radiusMm >= 5.0 && radiusMm <= 200.0, owner, "radiusMm", radiusMm, "5 to 200");
    require(sectorDeg >= 10.0 && sectorDeg <= 150.0, owner, "sectorDeg", sectorDeg, "10 to 150");
  } else {
    require(widthMm >= 5.0 && widthMm <= 100.0, owner, "widthMm", widthMm, "5 to 100");
  }
  require(focusDepthMm > 0.0 && focusDepthMm <= 300.0, owner, "focusDepthMm", focusDepthMm, "0 to 300");
  require(fNumber >= 0.5 && fNumber <= 10.0, owner, "fNumber", fNumber, "0.5 to 10");
  require(depthOfFieldMm > 0.0, owner, "depthOfFieldMm", depthOfFieldMm, "> 0");
  require(elevationFwhmMm > 0.1 && elevationFwhmMm <= 20.0, owner, "elevationFwhmMm", elevationFwhmMm,
          "0.1 to 20");
  require(elevationFocusMm > 0.0, owner, "elevationFocusMm", elevationFocusMm, "> 0");
  require(pulseCycles >= 0.5 && pulseCycles <= 8.0, owner, "pulseCycles", pulseCycles, "0.5 to 8");
  require(imageWidth >= 16 && imageWidth <= 4096, owner, "imageWidth", imageWidth, "16 to 4096");
  require(imageHeight >= 16 && imageHeight <= 4096, owner, "imageHeight", imageHeight, "16 to 4096");
  require(lines >= 16 && lines <= 2048, owner, "lines", lines, "16 to 2048");
}

void ImagingSettings::validate() const {
  const char* owner = "imaging";
  require(depthMm >= 10.0 && depthMm <= 300.0, owner, "depthMm", depthMm, "10 to 300");
  require(std::abs(gainDb) <= 60.0, owner, "gainDb", gainDb, "-60 to 60");
  for (double slider : tgcDb) require(std::abs(slider) <= 40.0, owner, "tgcDb", slider, "-40 to 40 each");
  require(autoTgcDbPerCmMHz >= 0.0 && autoTgcDbPerCmMHz <= 3.0, owner, "autoTgcDbPerCmMHz", autoTgcDbPerCmMHz,
          "0 to 3");
  require(dynamicRangeDb >= 10.0 && dynamicRangeDb <= 120.0, owner, "dynamicRangeDb", dynamicRangeDb,
          "10 to 120");
}

core::Transform3 probePoseOnSkin(const core::Vec3& skinPointMm, const core::Vec3& beamDirection,
                                 const core::Vec3& lateralDirection) {
  const core::Vec3 y = beamDirection.normalized();
  core::Vec3 x = lateralDirection - lateralDirection.dot(y) * y;
  if (x.norm() < 1e-6 * std::max(1.0, lateralDirection.norm()))
    throw std::invalid_argument("probePoseOnSkin: the lateral direction is parallel to the beam");
  x.normalize();
  core::Transform3 pose = core::Transform3::Identity();
  pose.linear().col(0) = x;
  pose.linear().col(1) = y;
  pose.linear().col(2) = x.cross(y);
  pose.translation() = skinPointMm;
  return pose;
}

}  // namespace hipguide::acquisition
