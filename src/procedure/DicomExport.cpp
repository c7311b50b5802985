#include <hipguide/procedure/DicomExport.h>

#include <hipguide/core/Logging.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QImage>

#include <cstdio>
#include <string>

namespace hipguide::procedure {
namespace {

/// Study and series identity shared by the images of one export.
struct SeriesIdentity {
  std::string studyUid;
  std::string seriesUid;
};

std::string newUid() {
  char uid[100];
  dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT);
  return uid;
}

std::string dicomDate(const QDateTime& time) { return time.toUTC().toString("yyyyMMdd").toStdString(); }
std::string dicomTime(const QDateTime& time) { return time.toUTC().toString("HHmmss").toStdString(); }

void put(DcmDataset& data, const DcmTagKey& tag, const std::string& value, const std::string& file) {
  if (data.putAndInsertString(tag, value.c_str()).bad())
    throw ProcedureError("cannot set DICOM tag " + std::string(DcmTag(tag).toString().c_str()) + " for '" +
                         file + "'");
}

/// Patient, study, series and equipment attributes (the same on every image).
void putHeader(DcmDataset& data, const Procedure& procedure, const SeriesIdentity& identity,
               const std::string& file) {
  put(data, DCM_SOPClassUID, UID_SecondaryCaptureImageStorage, file);
  put(data, DCM_PatientID, procedure.patientId, file);
  put(data, DCM_PatientName, "", file);
  put(data, DCM_PatientBirthDate, "", file);
  put(data, DCM_PatientSex, "", file);
  put(data, DCM_StudyInstanceUID, identity.studyUid, file);
  put(data, DCM_SeriesInstanceUID, identity.seriesUid, file);
  put(data, DCM_StudyDate, dicomDate(procedure.startedAt), file);
  put(data, DCM_StudyTime, dicomTime(procedure.startedAt), file);
  put(data, DCM_StudyID, std::to_string(procedure.id), file);
  put(data, DCM_AccessionNumber, "", file);
  put(data, DCM_ReferringPhysicianName, "", file);
  put(data, DCM_StudyDescription, procedureTypeInfo(procedure.type).title, file);
  put(data, DCM_OperatorsName, procedure.operatorName, file);
  put(data, DCM_Modality, "US", file);
  put(data, DCM_SeriesNumber, "1", file);
  put(data, DCM_SeriesDescription, "Key images with guidance overlay", file);
  put(data, DCM_BodyPartExamined, "HIP", file);
  put(data, DCM_Laterality, procedure.side == Side::Left ? "L" : "R", file);
  put(data, DCM_Manufacturer, "HipGuide", file);
  put(data, DCM_ConversionType, "WSD", file);
  put(data, DCM_ImageType, "DERIVED\\SECONDARY", file);
  put(data, DCM_BurnedInAnnotation, "NO", file);  // Measurements only, nothing identifying.
}

/// Image attributes and RGB pixels (interleaved, 8 bits).
void putImage(DcmDataset& data, const KeyImage& key, int number, const std::string& file) {
  const QImage rgb = key.image.convertToFormat(QImage::Format_RGB888);
  put(data, DCM_SOPInstanceUID, newUid(), file);
  put(data, DCM_InstanceNumber, std::to_string(number), file);
  put(data, DCM_ContentDate, dicomDate(key.capturedAt), file);
  put(data, DCM_ContentTime, dicomTime(key.capturedAt), file);
  put(data, DCM_ImageComments, key.caption, file);
  put(data, DCM_PhotometricInterpretation, "RGB", file);
  if (key.pixelSpacingMm > 0) {
    char spacing[64];
    std::snprintf(spacing, sizeof spacing, "%.6g\\%.6g", key.pixelSpacingMm, key.pixelSpacingMm);
    put(data, DCM_PixelSpacing, spacing, file);
    put(data, DCM_NominalScannedPixelSpacing, spacing, file);
  }
  data.putAndInsertUint16(DCM_SamplesPerPixel, 3);
  data.putAndInsertUint16(DCM_PlanarConfiguration, 0);
  data.putAndInsertUint16(DCM_Rows, static_cast<Uint16>(rgb.height()));
  data.putAndInsertUint16(DCM_Columns, static_cast<Uint16>(rgb.width()));
  data.putAndInsertUint16(DCM_BitsAllocated, 8);
  data.putAndInsertUint16(DCM_BitsStored, 8);
  data.putAndInsertUint16(DCM_HighBit, 7);
  data.putAndInsertUint16(DCM_PixelRepresentation, 0);
  std::vector<Uint8> pixels;
  pixels.reserve(static_cast<std::size_t>(rgb.width()) * rgb.height() * 3);
  for (int row = 0; row < rgb.height(); ++row) {
    const auto* line = rgb.constScanLine(row);
    pixels.insert(pixels.end(), line, line + static_cast<std::ptrdiff_t>(rgb.width()) * 3);
  }
  if (data.putAndInsertUint8Array(DCM_PixelData, pixels.data(), static_cast<unsigned long>(pixels.size()))
          .bad())
    throw ProcedureError("cannot store the pixels of '" + file + "'");
}

}  // namespace

std::vector<std::filesystem::path> exportKeyImagesDicom(const Procedure& procedure,
                                                        const std::filesystem::path& folder) {
  if (procedure.keyImages.empty())
    throw ProcedureError("procedure " + std::to_string(procedure.id) + " has no key image to export");
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) throw ProcedureError("cannot create DICOM folder '" + folder.string() + "': " + error.message());
  const SeriesIdentity identity{newUid(), newUid()};
  std::vector<std::filesystem::path> written;
  for (std::size_t i = 0; i < procedure.keyImages.size(); ++i) {
    const auto path = folder / ("keyimage-" + std::to_string(i + 1) + ".dcm");
    DcmFileFormat format;
    DcmDataset& data = *format.getDataset();
    putHeader(data, procedure, identity, path.string());
    putImage(data, procedure.keyImages[i], static_cast<int>(i + 1), path.string());
    const OFCondition status = format.saveFile(path.c_str(), EXS_LittleEndianExplicit);
    if (status.bad())
      throw ProcedureError("cannot write DICOM file '" + path.string() + "': " + status.text());
    written.push_back(path);
  }
  core::logger("procedure")
      ->info("exported {} key images of procedure {} as DICOM", written.size(), procedure.id);
  return written;
}

}  // namespace hipguide::procedure
