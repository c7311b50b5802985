#pragma once
/// The polar scanline grid of a probe and the lookup table that scan-converts it to an image.

#include <hipguide/acquisition/ProbeModel.h>
#include <hipguide/core/Geometry.h>

#include <cstdint>
#include <vector>

namespace hipguide::acquisition {

/// Scanline geometry for one (probe model, depth): `lines` × `samples` beam samples in probe mm,
/// the image size and spacing, and a precomputed bilinear scan-conversion table. Built once per
/// geometry (a few ms) and then immutable; thread-safe to read.
///
/// Polar grid: line l runs from `lineOrigin(l)` along `lineDirection(l)`; sample s lies
/// s × sampleSpacingMm() further. Image: the probe origin (face centre) is at image mm
/// faceCentreImageMm(); probe x = image x − its x, probe y = image y − its y (square pixels).
class ScanGeometry {
 public:
  /// Throws std::invalid_argument for an invalid model or depth.
  ScanGeometry(const ProbeModel& model, double depthMm);

  const ProbeModel& model() const { return m_model; }
  double depthMm() const { return m_depthMm; }
  int lines() const { return m_model.lines; }
  int samples() const { return m_samples; }
  double sampleSpacingMm() const { return m_sampleSpacingMm; }
  /// Probe mm (z = 0) of the first sample of line l, and the line's unit direction.
  core::Vec2 lineOrigin(int line) const { return m_origins[static_cast<std::size_t>(line)]; }
  core::Vec2 lineDirection(int line) const { return m_directions[static_cast<std::size_t>(line)]; }
  /// Distance in mm between neighbouring lines at sample s.
  double lineSpacingMm(int sample) const;

  int imageWidth() const { return m_model.imageWidth; }
  int imageHeight() const { return m_model.imageHeight; }
  double pixelSpacingMm() const { return m_pixelMm; }
  core::Vec2 faceCentreImageMm() const { return m_faceCentreImageMm; }
  /// Image mm → probe mm (the image plane is the probe's z = 0 plane).
  core::Transform3 imageToProbe() const;
  /// Continuous (line, sample) of an in-plane probe point; false when outside the grid.
  bool polarOf(const core::Vec2& probeMm, double& line, double& sample) const;
  /// In-plane probe point of a continuous (line, sample); the inverse of polarOf().
  core::Vec2 probeOf(double line, double sample) const;

  /// Writes the image of a polar 8-bit grid (line-major, lines × samples) into `image`
  /// (width × height, resized); pixels outside the sector are exactly 0.
  void convert(const std::vector<std::uint8_t>& polar, std::vector<std::uint8_t>& image) const;
  /// True when the pixel maps into the sector.
  bool insideSector(int column, int row) const {
    return m_table[static_cast<std::size_t>(row) * imageWidth() + column].base >= 0;
  }

 private:
  struct Entry {
    std::int32_t base = -1;         ///< line × samples + sample of the top-left neighbour, -1 outside.
    std::uint8_t lineWeight = 0;    ///< Weight of line + 1, of 256.
    std::uint8_t sampleWeight = 0;  ///< Weight of sample + 1, of 256.
  };
  void buildLines();
  void buildTable();

  ProbeModel m_model;
  double m_depthMm;
  int m_samples = 0;
  double m_sampleSpacingMm = 0;
  double m_pixelMm = 0;
  core::Vec2 m_faceCentreImageMm{0, 0};
  double m_lineStep = 0;  ///< Radians (curvilinear) or mm (linear) between lines.
  std::vector<core::Vec2> m_origins;
  std::vector<core::Vec2> m_directions;
  std::vector<Entry> m_table;
};

}  // namespace hipguide::acquisition
