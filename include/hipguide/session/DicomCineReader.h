#pragma once
/// Reader of DICOM ultrasound cine loops (multi-frame US images, as scanners export them).

#include <hipguide/session/RecordingReader.h>

#include <filesystem>
#include <memory>

namespace hipguide::session {

/// Opens a DICOM file holding one or more ultrasound frames: Ultrasound Multi-frame Image
/// Storage from a scanner, or any other image storage with 8-bit pixels. Pixels may be
/// uncompressed, RLE, JPEG (baseline, extended, lossless) or JPEG-LS; MONOCHROME1/2, RGB and
/// YBR_FULL(_422) become 8-bit grey (colour as 0.299 R + 0.587 G + 0.114 B, and kept in `rgb`).
/// The pixel size comes from the Sequence of Ultrasound Regions (the largest 2D tissue region
/// in cm), else Pixel Spacing, else 1 mm (not calibrated, as in PLUS). Timestamps come from the
/// Frame Time Vector, Frame Time, Cine Rate or Recommended Display Frame Rate, else 20 fps
/// (said in info().formatName). Frames are decoded on demand, one at a time. Loads
/// `<file>.events.jsonl` when present. Throws std::runtime_error naming the file and what is
/// wrong. Not thread-safe.
class DicomCineReader final : public RecordingReader {
 public:
  explicit DicomCineReader(const std::filesystem::path& path);
  ~DicomCineReader() override;

  const RecordingInfo& info() const override;
  std::int64_t timestampNs(std::int64_t index) const override;
  RecordedFrame readFrame(std::int64_t index) override;
  const std::vector<SessionEvent>& events() const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// Whether the file starts as a DICOM file does (128-byte preamble, then "DICM").
bool looksLikeDicomFile(const std::filesystem::path& path);

}  // namespace hipguide::session
