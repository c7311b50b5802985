#pragma once
/// Key images of a procedure as DICOM files a PACS or 3D Slicer accepts (through DCMTK).

#include <hipguide/procedure/Procedure.h>

#include <filesystem>
#include <vector>

namespace hipguide::procedure {

/// Writes each key image of `procedure` as a DICOM Secondary Capture Image (RGB, 8 bits,
/// explicit little endian, Part 10 file) into `folder` (created): `<folder>/keyimage-<n>.dcm`.
/// All images share one study and one series (new UIDs per export); they carry the patient id
/// (Patient Name, Birth Date and Sex stay empty, as the record holds no more), the study date
/// and time (procedure start), the content time (capture), Modality US, body part HIP, the
/// laterality, the operator and the pixel spacing when known. Returns the paths written.
/// Throws ProcedureError when the record has no key image or a file cannot be written.
std::vector<std::filesystem::path> exportKeyImagesDicom(const Procedure& procedure,
                                                        const std::filesystem::path& folder);

}  // namespace hipguide::procedure
