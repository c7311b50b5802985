#pragma once
/// The tracker's CSV output and the simulator's ground-truth CSV, read and written.

#include <hipguide/core/NeedleEstimate.h>

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace hipguide::tracking {

/// Header of a track file (`hipguide-cli track`).
inline constexpr const char* kTrackCsvHeader =
    "frame,timestamp_s,detected,tip_x_mm,tip_y_mm,angle_deg,confidence";
/// Header of a ground-truth file (`hipguide-cli simulate --truth`).
inline constexpr const char* kTruthCsvHeader =
    "frame,timestamp_s,needle_visible,tip_x_mm,tip_y_mm,angle_deg,visible_length_mm";

/// One row of a track file. `frame` is the frame's id (in PLUS files index + 1, as in the
/// simulator's truth files).
struct TrackRow {
  std::int64_t frame = 0;
  double timestampS = 0.0;
  bool detected = false;
  double tipXMm = 0.0;
  double tipYMm = 0.0;
  double angleDeg = 0.0;
  double confidence = 0.0;
};

/// One row of a ground-truth file.
struct TruthRow {
  std::int64_t frame = 0;
  double timestampS = 0.0;
  bool needleVisible = false;
  double tipXMm = 0.0;
  double tipYMm = 0.0;
  double angleDeg = 0.0;
  double visibleLengthMm = 0.0;
};

/// The track row of an estimate (zeros for position, angle and confidence when not detected).
TrackRow trackRowFrom(const core::NeedleEstimate& estimate);
/// Writes the header line.
void writeTrackHeader(std::ostream& out);
/// Writes one row (mm and degrees with 4 decimals, confidence with 3).
void writeTrackRow(std::ostream& out, const TrackRow& row);

/// Reads a track file; throws std::runtime_error naming the file, line and field when the
/// header is not kTrackCsvHeader or a value is malformed. The first three fields are required;
/// the others may be empty (NaN), as the truth file leaves them while no needle is inside.
std::vector<TrackRow> readTrackCsv(const std::filesystem::path& file);
/// Reads a ground-truth file; same errors as readTrackCsv.
std::vector<TruthRow> readTruthCsv(const std::filesystem::path& file);

}  // namespace hipguide::tracking
