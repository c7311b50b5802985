#include <hipguide/acquisition/ScanConversion.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace hipguide::acquisition {

ScanGeometry::ScanGeometry(const ProbeModel& model, double depthMm) : m_model(model), m_depthMm(depthMm) {
  m_model.validate();
  if (!(depthMm >= 10.0 && depthMm <= 300.0))
    throw std::invalid_argument("imaging.depthMm = " + std::to_string(depthMm) +
                                " is out of range (10 to 300)");
  // Three samples per axial resolution cell (half the spatial pulse length).
  const double axialResolutionMm = 0.5 * m_model.pulseCycles * m_model.wavelengthMm();
  m_samples = std::clamp(static_cast<int>(std::ceil(depthMm / (axialResolutionMm / 3.0))) + 1, 256, 2048);
  m_sampleSpacingMm = depthMm / (m_samples - 1);
  buildLines();
  buildTable();
}

void ScanGeometry::buildLines() {
  const int count = m_model.lines;
  m_origins.resize(static_cast<std::size_t>(count));
  m_directions.resize(static_cast<std::size_t>(count));
  const int width = m_model.imageWidth;
  const int height = m_model.imageHeight;
  if (m_model.kind == ProbeKind::Curvilinear) {
    const double half = core::degToRad(m_model.sectorDeg) / 2.0;
    const double radius = m_model.radiusMm;
    m_lineStep = 2.0 * half / (count - 1);
    for (int line = 0; line < count; ++line) {
      const double theta = -half + line * m_lineStep;
      const core::Vec2 direction{std::sin(theta), std::cos(theta)};
      m_directions[static_cast<std::size_t>(line)] = direction;
      m_origins[static_cast<std::size_t>(line)] = core::Vec2{0.0, -radius} + radius * direction;
    }
    const double topMm = radius * (1.0 - std::cos(half));  // Face edges lie above the face centre.
    const double extentXMm = 2.0 * (radius + m_depthMm) * std::sin(half);
    m_pixelMm = std::max((m_depthMm + topMm) / (height - 1), extentXMm / (width - 1));
    m_faceCentreImageMm = {(width - 1) * m_pixelMm / 2.0, topMm};
  } else {
    m_lineStep = m_model.widthMm / (count - 1);
    for (int line = 0; line < count; ++line) {
      m_origins[static_cast<std::size_t>(line)] = {-m_model.widthMm / 2.0 + line * m_lineStep, 0.0};
      m_directions[static_cast<std::size_t>(line)] = {0.0, 1.0};
    }
    m_pixelMm = std::max(m_depthMm / (height - 1), m_model.widthMm / (width - 1));
    m_faceCentreImageMm = {(width - 1) * m_pixelMm / 2.0, 0.0};
  }
}

double ScanGeometry::lineSpacingMm(int sample) const {
  if (m_model.kind == ProbeKind::Linear) return m_lineStep;
  return (m_model.radiusMm + sample * m_sampleSpacingMm) * m_lineStep;
}

core::Transform3 ScanGeometry::imageToProbe() const {
  core::Transform3 transform = core::Transform3::Identity();
  transform.translation() = core::Vec3{-m_faceCentreImageMm.x(), -m_faceCentreImageMm.y(), 0.0};
  return transform;
}

bool ScanGeometry::polarOf(const core::Vec2& probeMm, double& line, double& sample) const {
  if (m_model.kind == ProbeKind::Curvilinear) {
    const double radius = m_model.radiusMm;
    const double dy = probeMm.y() + radius;
    const double theta = std::atan2(probeMm.x(), dy);
    line = (theta + core::degToRad(m_model.sectorDeg) / 2.0) / m_lineStep;
    sample = (std::hypot(probeMm.x(), dy) - radius) / m_sampleSpacingMm;
  } else {
    line = (probeMm.x() + m_model.widthMm / 2.0) / m_lineStep;
    sample = probeMm.y() / m_sampleSpacingMm;
  }
  return line >= 0.0 && line <= m_model.lines - 1 && sample >= 0.0 && sample <= m_samples - 1;
}

core::Vec2 ScanGeometry::probeOf(double line, double sample) const {
  const double depthMm = sample * m_sampleSpacingMm;
  if (m_model.kind == ProbeKind::Linear) return {-m_model.widthMm / 2.0 + line * m_lineStep, depthMm};
  const double theta = -core::degToRad(m_model.sectorDeg) / 2.0 + line * m_lineStep;
  const double radius = m_model.radiusMm + depthMm;
  return core::Vec2{radius * std::sin(theta), radius * std::cos(theta) - m_model.radiusMm};
}

void ScanGeometry::buildTable() {
  const int width = m_model.imageWidth;
  const int height = m_model.imageHeight;
  m_table.assign(static_cast<std::size_t>(width) * height, Entry{});
  for (int row = 0; row < height; ++row) {
    for (int column = 0; column < width; ++column) {
      const core::Vec2 probeMm = core::Vec2{column * m_pixelMm, row * m_pixelMm} - m_faceCentreImageMm;
      double line = 0;
      double sample = 0;
      if (!polarOf(probeMm, line, sample)) continue;
      const int line0 = std::min(static_cast<int>(line), m_model.lines - 2);
      const int sample0 = std::min(static_cast<int>(sample), m_samples - 2);
      Entry& entry = m_table[static_cast<std::size_t>(row) * width + column];
      entry.base = line0 * m_samples + sample0;
      entry.lineWeight = static_cast<std::uint8_t>(std::clamp(std::lround((line - line0) * 256.0), 0L, 255L));
      entry.sampleWeight =
          static_cast<std::uint8_t>(std::clamp(std::lround((sample - sample0) * 256.0), 0L, 255L));
    }
  }
}

void ScanGeometry::convert(const std::vector<std::uint8_t>& polar, std::vector<std::uint8_t>& image) const {
  if (polar.size() != static_cast<std::size_t>(m_model.lines) * m_samples)
    throw std::invalid_argument("ScanGeometry::convert: polar grid has " + std::to_string(polar.size()) +
                                " values, expected lines × samples");
  image.resize(m_table.size());
  const std::uint8_t* source = polar.data();
  const int nextLine = m_samples;
  for (std::size_t pixel = 0; pixel < m_table.size(); ++pixel) {
    const Entry entry = m_table[pixel];
    if (entry.base < 0) {
      image[pixel] = 0;
      continue;
    }
    const std::uint8_t* p = source + entry.base;
    const unsigned ws = entry.sampleWeight;
    const unsigned wl = entry.lineWeight;
    const unsigned top = p[0] * (256 - ws) + p[1] * ws;
    const unsigned bottom = p[nextLine] * (256 - ws) + p[nextLine + 1] * ws;
    image[pixel] = static_cast<std::uint8_t>((top * (256 - wl) + bottom * wl + 32768) >> 16);
  }
}

}  // namespace hipguide::acquisition
