#pragma once
/// One decoded DICOM frame (any colour model HipGuide reads) as 8-bit grey, and colour.

#include <hipguide/core/Frame.h>

#include <cstdint>
#include <string>
#include <vector>

namespace hipguide::session::detail {

/// How one decoded frame's bytes are laid out.
struct DicomFrameLayout {
  int width = 0;
  int height = 0;
  std::string colourModel;  ///< MONOCHROME1/2, RGB, YBR_FULL or YBR_FULL_422, as decoded.
  bool planar = false;      ///< Colour planes one after the other (RGB or YBR_FULL only).
};

/// Fills frame.grey (and frame.rgb for colour) from `decoded`. MONOCHROME1 is inverted; YBR is
/// turned into RGB (ITU-R BT.601, full range), and colour into grey as PLUS files are. Throws
/// std::runtime_error naming `source` for a colour model it does not read or too few bytes.
void dicomFrameToFrame(const std::vector<std::uint8_t>& decoded, const DicomFrameLayout& layout,
                       core::Frame& frame, const std::string& source);

}  // namespace hipguide::session::detail
