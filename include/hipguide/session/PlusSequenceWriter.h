#pragma once
/// Writer of PLUS tracked-sequence files (.igs.mha, .igs.nrrd) that 3D Slicer and PLUS open.

#include <hipguide/session/RecordedFrame.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace hipguide::session {

/// How a sequence is written.
struct PlusWriterOptions {
  bool compress = false;                ///< .mha: CompressedData (zlib); .nrrd: encoding gz.
  std::string imageOrientation = "MF";  ///< UltrasoundImageOrientation.
};

/// Streams frames to a PLUS sequence: `PlusSequenceWriter writer(path); writer.append(frame);
/// ... writer.close();`. The container follows the extension (`.mha` or `.nrrd`). Pixels
/// (8-bit grey) and per-frame fields go to two temporary files beside `path` as they arrive,
/// so memory stays flat; close() writes the header (DimSize needs the frame count) and moves
/// everything into `path`. Per frame: FrameNumber (frameId), Timestamp (deviceTimestampNs in
/// seconds, 6 decimals), ImageStatus (MetaImage) or Status (NRRD), every transform with its
/// status. All frames must share the first frame's size; spacing comes from the first frame.
/// Owned and used by one thread.
class PlusSequenceWriter {
 public:
  /// Throws std::invalid_argument for an unknown extension, std::runtime_error when the
  /// temporary files cannot be created.
  explicit PlusSequenceWriter(const std::filesystem::path& path, PlusWriterOptions options = {});
  /// Closes when close() was not called, logging (not throwing) a failure.
  ~PlusSequenceWriter();
  PlusSequenceWriter(const PlusSequenceWriter&) = delete;
  PlusSequenceWriter& operator=(const PlusSequenceWriter&) = delete;

  /// A live frame: writes ImageToProbeTransform and ProbeToReferenceTransform (with status).
  void append(const core::Frame& frame);
  /// A recorded frame with all its transforms and fields (used by convert).
  void append(const RecordedFrame& frame);
  /// Writes `path`; throws std::runtime_error when no frame was appended or writing fails.
  void close();
  std::int64_t frameCount() const;

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

}  // namespace hipguide::session
