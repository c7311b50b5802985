#pragma once
/// The header text PlusSequenceWriter puts before the per-frame fields and pixels.

#include <hipguide/core/Geometry.h>
#include <hipguide/session/RecordedFrame.h>

#include <cstdint>
#include <string>

namespace hipguide::session::detail {

/// What the global part of a written header says.
struct WrittenGeometry {
  int width = 0;
  int height = 0;
  std::int64_t frameCount = 0;
  core::Vec2 spacingMm{1.0, 1.0};
  bool compressed = false;
  std::int64_t compressedBytes = 0;
  std::string imageOrientation = "MF";
};

/// MetaImage global fields, ObjectType first and NDims second (ElementDataFile comes last,
/// after the frame fields: see metaImageHeaderEnd()).
std::string metaImageHeaderStart(const WrittenGeometry& geometry);
std::string metaImageHeaderEnd();
/// NRRD magic and fields; the frame fields follow, then nrrdHeaderEnd() (the blank line).
std::string nrrdHeaderStart(const WrittenGeometry& geometry);
std::string nrrdHeaderEnd();

/// The `Seq_FrameNNNN_*` lines of one frame, `separator` " = " (MetaImage) or ":=" (NRRD);
/// the image status is ImageStatus (MetaImage) or Status (NRRD).
std::string frameFieldLines(const RecordedFrame& frame, std::int64_t index, bool nrrd);

}  // namespace hipguide::session::detail
