#pragma once
/// Test helper: writes ultrasound cine loops as DICOM files, the way scanners export them.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hipguide::test {

/// What the written file says and how its pixels are stored.
struct DicomCineOptions {
  std::string photometric = "MONOCHROME2";  ///< MONOCHROME1/2 (1 sample) or RGB (3 samples).
  bool planar = false;                      ///< RGB stored plane by plane.
  std::optional<double> regionDeltaCm;      ///< A 2D tissue ultrasound region with this pixel size.
  std::optional<double> pixelSpacingMm;     ///< Pixel Spacing.
  std::optional<double> frameTimeMs;        ///< Frame Time.
  std::vector<double> frameTimeVectorMs;    ///< Frame Time Vector (increments; the first 0).
  int bitsAllocated = 8;
  std::optional<int> statedSide;  ///< Rows and Columns said to be this, whatever the pixels hold.
  enum class Storage { Raw, Rle, JpegBaseline } storage = Storage::Raw;
};

/// Writes `frames` (each width × height × samples bytes, interleaved) as an Ultrasound
/// Multi-frame Image; throws std::runtime_error when DCMTK refuses.
void writeDicomCine(const std::filesystem::path& path, int width, int height,
                    const std::vector<std::vector<std::uint8_t>>& frames,
                    const DicomCineOptions& options = {});

}  // namespace hipguide::test
