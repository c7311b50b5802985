#pragma once
/// What a DICOM image's attributes say about its frames: size, pixel format, pixel size, timing.

#include <hipguide/core/Geometry.h>
#include <hipguide/session/RecordedFrame.h>

#include <cstdint>
#include <string>
#include <vector>

class DcmItem;

namespace hipguide::session::detail {

/// The frames of a DICOM image as its attributes describe them.
struct DicomCineHeader {
  int width = 0;
  int height = 0;
  int samplesPerPixel = 1;
  std::int64_t frameCount = 1;
  bool planar = false;  ///< Planar Configuration 1: colour planes one after the other.
  core::Vec2 spacingMm{1.0, 1.0};
  std::string spacingSource;  ///< "ultrasound region", "Pixel Spacing", or empty (not calibrated).
  std::vector<std::int64_t> timestampsNs;  ///< One per frame, from 0.
  std::string timingSource;                ///< The attribute the timestamps come from, or "20 fps assumed".
  std::vector<TextField> fields;           ///< Identifying attributes for `info` (manufacturer, model, ...).
};

/// Reads and checks the attributes; throws std::runtime_error naming `source` and the attribute
/// when the image is not one HipGuide can show (not 8 bits, no pixels, a colour model it does
/// not know).
DicomCineHeader readDicomCineHeader(DcmItem& data, const std::string& source);

}  // namespace hipguide::session::detail
