#pragma once
/// Conversion of stored pixels (any PLUS pixel type, 1 to 4 channels) to HipGuide's 8-bit grey.

#include <hipguide/core/Frame.h>
#include <hipguide/session/SequenceHeader.h>

#include <cstdint>
#include <vector>

namespace hipguide::session::detail {

/// Fills frame.grey (and frame.rgb for 3 or 4 channels) from one stored frame. Values are
/// clamped to 0..255; colour becomes grey as 0.299 R + 0.587 G + 0.114 B.
void storedPixelsToFrame(const std::vector<std::uint8_t>& stored, const SequenceHeader& header,
                         core::Frame& frame);

}  // namespace hipguide::session::detail
