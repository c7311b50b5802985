#include "DicomCineHeader.h"

#include "FrameTiming.h"
#include "HeaderFields.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <cmath>
#include <optional>
#include <stdexcept>

namespace hipguide::session::detail {
namespace {

/// Sequence of Ultrasound Regions codes: Region Spatial Format 2D, Physical Units cm.
constexpr Uint16 kSpatialFormat2d = 1;
constexpr Uint16 kUnitsCentimetre = 3;

std::string text(DcmItem& data, const DcmTagKey& tag) {
  OFString value;
  if (data.findAndGetOFStringArray(tag, value).bad()) return {};
  return value.c_str();
}

/// The pixel size of the largest 2D region measured in cm (a scanner's B-mode image; the
/// screen around it, Doppler strips and M-mode have other or no units).
std::optional<core::Vec2> regionSpacingMm(DcmItem& data) {
  DcmSequenceOfItems* regions = nullptr;
  if (data.findAndGetSequence(DCM_SequenceOfUltrasoundRegions, regions).bad() || regions == nullptr)
    return std::nullopt;
  std::optional<core::Vec2> best;
  double bestArea = 0.0;
  for (unsigned long i = 0; i < regions->card(); ++i) {
    DcmItem* region = regions->getItem(i);
    Uint16 format = 0, unitsX = 0, unitsY = 0;
    Float64 deltaX = 0.0, deltaY = 0.0;
    Uint32 x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    region->findAndGetUint16(DCM_RegionSpatialFormat, format);
    region->findAndGetUint16(DCM_PhysicalUnitsXDirection, unitsX);
    region->findAndGetUint16(DCM_PhysicalUnitsYDirection, unitsY);
    region->findAndGetFloat64(DCM_PhysicalDeltaX, deltaX);
    region->findAndGetFloat64(DCM_PhysicalDeltaY, deltaY);
    region->findAndGetUint32(DCM_RegionLocationMinX0, x0);
    region->findAndGetUint32(DCM_RegionLocationMinY0, y0);
    region->findAndGetUint32(DCM_RegionLocationMaxX1, x1);
    region->findAndGetUint32(DCM_RegionLocationMaxY1, y1);
    if (format != kSpatialFormat2d || unitsX != kUnitsCentimetre || unitsY != kUnitsCentimetre) continue;
    if (!(deltaX > 0.0) || !(deltaY > 0.0)) continue;
    const double area = (double(x1) - x0 + 1.0) * (double(y1) - y0 + 1.0);
    if (best && area <= bestArea) continue;
    best = core::Vec2(10.0 * std::abs(deltaX), 10.0 * std::abs(deltaY));
    bestArea = area;
  }
  return best;
}

std::optional<core::Vec2> pixelSpacingMm(DcmItem& data) {
  Float64 row = 0.0, column = 0.0;
  if (data.findAndGetFloat64(DCM_PixelSpacing, row, 0).bad() ||
      data.findAndGetFloat64(DCM_PixelSpacing, column, 1).bad() || !(row > 0.0) || !(column > 0.0))
    return std::nullopt;
  return core::Vec2(column, row);
}

/// Frame start times (ns) from the increments of the Frame Time Vector (ms, the first is 0).
std::optional<std::vector<std::int64_t>> fromFrameTimeVector(DcmItem& data, std::int64_t frames) {
  std::vector<std::int64_t> times;
  double ms = 0.0;
  for (std::int64_t i = 0; i < frames; ++i) {
    Float64 increment = 0.0;
    if (data.findAndGetFloat64(DCM_FrameTimeVector, increment, static_cast<unsigned long>(i)).bad() ||
        !(increment >= 0.0))
      return std::nullopt;
    ms += i == 0 ? 0.0 : increment;
    times.push_back(std::llround(ms * 1e6));
  }
  return times;
}

std::vector<std::int64_t> evenlySpaced(std::int64_t frames, double framesPerSecond) {
  std::vector<std::int64_t> times;
  for (std::int64_t i = 0; i < frames; ++i) times.push_back(evenFrameTimestampNs(i, frames, framesPerSecond));
  return times;
}

void fillTiming(DcmItem& data, DicomCineHeader& header) {
  if (auto times = fromFrameTimeVector(data, header.frameCount); times && header.frameCount > 1) {
    header.timestampsNs = std::move(*times);
    header.timingSource = "Frame Time Vector";
    return;
  }
  Float64 frameTimeMs = 0.0;
  if (data.findAndGetFloat64(DCM_FrameTime, frameTimeMs).good() && frameTimeMs > 0.0) {
    header.timestampsNs = evenlySpaced(header.frameCount, 1000.0 / frameTimeMs);
    header.timingSource = "Frame Time";
    return;
  }
  for (const auto& [tag, name] :
       {std::pair{DCM_CineRate, "Cine Rate"},
        std::pair{DCM_RecommendedDisplayFrameRate, "Recommended Display Frame Rate"}}) {
    Sint32 rate = 0;
    if (data.findAndGetSint32(tag, rate).good() && rate > 0) {
      header.timestampsNs = evenlySpaced(header.frameCount, rate);
      header.timingSource = name;
      return;
    }
  }
  header.timestampsNs = evenlySpaced(header.frameCount, kAssumedFramesPerSecond);
  header.timingSource = "no frame time in the file: 20 fps assumed";
}

void fillIdentity(DcmItem& data, DicomCineHeader& header) {
  OFString sopClass;
  if (data.findAndGetOFString(DCM_SOPClassUID, sopClass).good())
    header.fields.emplace_back("SOP class", dcmFindNameOfUID(sopClass.c_str(), sopClass.c_str()));
  for (const auto& [tag, name] :
       {std::pair{DCM_Modality, "Modality"}, std::pair{DCM_Manufacturer, "Manufacturer"},
        std::pair{DCM_ManufacturerModelName, "Model"}, std::pair{DCM_TransducerData, "Transducer"},
        std::pair{DCM_PhotometricInterpretation, "Photometric Interpretation"}})
    if (std::string value = text(data, tag); !value.empty()) header.fields.emplace_back(name, value);
  header.fields.emplace_back("Pixel size from",
                             header.spacingSource.empty() ? "none (1 mm assumed)" : header.spacingSource);
  header.fields.emplace_back("Timing from", header.timingSource);
}

}  // namespace

DicomCineHeader readDicomCineHeader(DcmItem& data, const std::string& source) {
  DicomCineHeader header;
  Uint16 rows = 0, columns = 0, samples = 1, bitsAllocated = 0, planar = 0;
  if (data.findAndGetUint16(DCM_Rows, rows).bad() || data.findAndGetUint16(DCM_Columns, columns).bad() ||
      rows == 0 || columns == 0 || !data.tagExists(DCM_PixelData))
    throw std::runtime_error(source + ": a DICOM file without an image (no Rows, Columns or Pixel Data)");
  data.findAndGetUint16(DCM_SamplesPerPixel, samples);
  data.findAndGetUint16(DCM_BitsAllocated, bitsAllocated);
  data.findAndGetUint16(DCM_PlanarConfiguration, planar);
  if (bitsAllocated != 8)
    throw std::runtime_error(source + ": Bits Allocated is " + std::to_string(bitsAllocated) +
                             "; HipGuide reads 8-bit ultrasound images (export B-mode with 8 bits)");
  if (samples != 1 && samples != 3)
    throw std::runtime_error(source + ": Samples per Pixel is " + std::to_string(samples) + ", not 1 or 3");
  if (std::int64_t(rows) * columns * samples > kMaxFrameBytes)
    throw std::runtime_error(source + ": a frame of " + std::to_string(columns) + " x " +
                             std::to_string(rows) + " pixels is larger than HipGuide reads (" +
                             std::to_string(kMaxFrameBytes) + " bytes)");
  header.width = columns;
  header.height = rows;
  header.samplesPerPixel = samples;
  header.planar = planar == 1;
  Sint32 frames = 1;
  if (data.findAndGetSint32(DCM_NumberOfFrames, frames).good() && frames < 1)
    throw std::runtime_error(source + ": Number of Frames is " + std::to_string(frames));
  header.frameCount = frames;
  if (auto spacing = regionSpacingMm(data)) {
    header.spacingMm = *spacing;
    header.spacingSource = "ultrasound region";
  } else if (auto spacing = pixelSpacingMm(data)) {
    header.spacingMm = *spacing;
    header.spacingSource = "Pixel Spacing";
  }
  fillTiming(data, header);
  fillIdentity(data, header);
  return header;
}

}  // namespace hipguide::session::detail
