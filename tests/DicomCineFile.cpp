#include "DicomCineFile.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcrleerg.h>
#include <dcmtk/dcmdata/dcrlerp.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmimage/diregist.h>  // colour images for the JPEG encoder
#include <dcmtk/dcmjpeg/djencode.h>
#include <dcmtk/dcmjpeg/djrploss.h>

#include <mutex>
#include <stdexcept>
#include <string>

namespace hipguide::test {
namespace {

void check(const OFCondition& status, const std::string& what) {
  if (status.bad()) throw std::runtime_error("writing a test DICOM cine: " + what + ": " + status.text());
}

std::string uid() {
  char text[100];
  return dcmGenerateUniqueIdentifier(text, SITE_INSTANCE_UID_ROOT);
}

void putRegion(DcmDataset& data, int width, int height, double deltaCm) {
  DcmItem* region = nullptr;
  check(data.findOrCreateSequenceItem(DCM_SequenceOfUltrasoundRegions, region, -2), "region");
  region->putAndInsertUint16(DCM_RegionSpatialFormat, 1);  // 2D
  region->putAndInsertUint16(DCM_RegionDataType, 1);       // tissue
  region->putAndInsertUint32(DCM_RegionFlags, 0);
  region->putAndInsertUint32(DCM_RegionLocationMinX0, 0);
  region->putAndInsertUint32(DCM_RegionLocationMinY0, 0);
  region->putAndInsertUint32(DCM_RegionLocationMaxX1, static_cast<Uint32>(width - 1));
  region->putAndInsertUint32(DCM_RegionLocationMaxY1, static_cast<Uint32>(height - 1));
  region->putAndInsertUint16(DCM_PhysicalUnitsXDirection, 3);  // cm
  region->putAndInsertUint16(DCM_PhysicalUnitsYDirection, 3);
  region->putAndInsertFloat64(DCM_PhysicalDeltaX, deltaCm);
  region->putAndInsertFloat64(DCM_PhysicalDeltaY, deltaCm);
}

}  // namespace

void writeDicomCine(const std::filesystem::path& path, int width, int height,
                    const std::vector<std::vector<std::uint8_t>>& frames, const DicomCineOptions& options) {
  static std::once_flag encoders;
  std::call_once(encoders, [] {
    DcmRLEEncoderRegistration::registerCodecs();
    DJEncoderRegistration::registerCodecs();
  });
  const bool colour = options.photometric == "RGB";
  const int samples = colour ? 3 : 1;
  DcmFileFormat file;
  DcmDataset& data = *file.getDataset();
  data.putAndInsertString(DCM_SOPClassUID, UID_UltrasoundMultiframeImageStorage);
  data.putAndInsertString(DCM_SOPInstanceUID, uid().c_str());
  data.putAndInsertString(DCM_StudyInstanceUID, uid().c_str());
  data.putAndInsertString(DCM_SeriesInstanceUID, uid().c_str());
  data.putAndInsertString(DCM_Modality, "US");
  data.putAndInsertString(DCM_Manufacturer, "HipGuide test");
  data.putAndInsertString(DCM_PhotometricInterpretation, options.photometric.c_str());
  data.putAndInsertUint16(DCM_SamplesPerPixel, static_cast<Uint16>(samples));
  if (colour) data.putAndInsertUint16(DCM_PlanarConfiguration, options.planar ? 1 : 0);
  data.putAndInsertUint16(DCM_Rows, static_cast<Uint16>(height));
  data.putAndInsertUint16(DCM_Columns, static_cast<Uint16>(width));
  data.putAndInsertUint16(DCM_BitsAllocated, static_cast<Uint16>(options.bitsAllocated));
  data.putAndInsertUint16(DCM_BitsStored, static_cast<Uint16>(options.bitsAllocated));
  data.putAndInsertUint16(DCM_HighBit, static_cast<Uint16>(options.bitsAllocated - 1));
  data.putAndInsertUint16(DCM_PixelRepresentation, 0);
  data.putAndInsertString(DCM_NumberOfFrames, std::to_string(frames.size()).c_str());
  if (options.regionDeltaCm) putRegion(data, width, height, *options.regionDeltaCm);
  if (options.pixelSpacingMm) {
    const std::string spacing =
        std::to_string(*options.pixelSpacingMm) + "\\" + std::to_string(*options.pixelSpacingMm);
    data.putAndInsertString(DCM_PixelSpacing, spacing.c_str());
  }
  if (options.frameTimeMs)
    data.putAndInsertString(DCM_FrameTime, std::to_string(*options.frameTimeMs).c_str());
  if (!options.frameTimeVectorMs.empty()) {
    std::string vector;
    for (double increment : options.frameTimeVectorMs)
      vector += (vector.empty() ? "" : "\\") + std::to_string(increment);
    data.putAndInsertString(DCM_FrameTimeVector, vector.c_str());
  }
  const std::size_t frameBytes = std::size_t(width) * height * samples * (options.bitsAllocated / 8);
  std::vector<Uint8> pixels;
  for (const auto& frame : frames) {
    if (frame.size() != std::size_t(width) * height * samples)
      throw std::runtime_error("writing a test DICOM cine: a frame of the wrong size");
    if (!options.planar) {
      pixels.insert(pixels.end(), frame.begin(), frame.end());
      continue;
    }
    const std::size_t count = std::size_t(width) * height;
    for (int c = 0; c < samples; ++c)
      for (std::size_t p = 0; p < count; ++p) pixels.push_back(frame[p * samples + c]);
  }
  if (options.bitsAllocated == 16) {  // the same values, two bytes each
    std::vector<Uint16> wide(pixels.begin(), pixels.end());
    check(data.putAndInsertUint16Array(DCM_PixelData, wide.data(), static_cast<unsigned long>(wide.size())),
          "pixels");
  } else {
    check(data.putAndInsertUint8Array(DCM_PixelData, pixels.data(),
                                      static_cast<unsigned long>(frameBytes * frames.size())),
          "pixels");
  }
  if (options.statedSide) {
    data.putAndInsertUint16(DCM_Rows, static_cast<Uint16>(*options.statedSide));
    data.putAndInsertUint16(DCM_Columns, static_cast<Uint16>(*options.statedSide));
  }
  E_TransferSyntax transfer = EXS_LittleEndianExplicit;
  if (options.storage == DicomCineOptions::Storage::Rle) {
    transfer = EXS_RLELossless;
    const DcmRLERepresentationParameter parameters;
    check(data.chooseRepresentation(transfer, &parameters), "RLE");
  } else if (options.storage == DicomCineOptions::Storage::JpegBaseline) {
    transfer = EXS_JPEGProcess1;
    const DJ_RPLossy parameters(90);
    check(data.chooseRepresentation(transfer, &parameters), "JPEG");
  }
  check(file.saveFile(path.c_str(), transfer), "save " + path.string());
}

}  // namespace hipguide::test
