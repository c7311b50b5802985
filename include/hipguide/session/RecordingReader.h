#pragma once
/// Read access to any recording: PLUS sequences and HipGuide's native recordings.

#include <hipguide/session/RecordedFrame.h>
#include <hipguide/session/SessionEvent.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace hipguide::session {

/// What `hipguide-cli info` prints; filled when the recording is opened (header/index only).
struct RecordingInfo {
  std::string formatName;  ///< e.g. "PLUS MetaImage (.igs.mha), zlib".
  int width = 0;
  int height = 0;
  int channels = 1;
  core::Vec2 spacingMm{1.0, 1.0};
  std::int64_t frameCount = 0;
  double durationSec = 0.0;                  ///< Last minus first timestamp.
  double framesPerSecond = 0.0;              ///< (frameCount - 1) / durationSec, 0 when unknown.
  bool seekable = true;                      ///< false: one compressed stream, see prepareForSeeking().
  bool trackerOnly = false;                  ///< No real pixels (1×1 placeholder or none).
  std::vector<std::string> frameFieldNames;  ///< Per-frame fields present in any frame.
  std::vector<std::string> transformNames;   ///< `<A>To<B>Transform` names present in any frame.
  std::vector<TextField> globalFields;       ///< Header fields, for display.
};

/// A recording opened for reading. Opening reads only headers and indexes; frames are read on
/// demand. Not thread-safe: one thread at a time (the replay driver's, or a command's).
class RecordingReader {
 public:
  virtual ~RecordingReader() = default;
  virtual const RecordingInfo& info() const = 0;
  std::int64_t frameCount() const { return info().frameCount; }
  /// Timestamp of frame `index` (the frames' deviceTimestampNs), without reading pixels.
  virtual std::int64_t timestampNs(std::int64_t index) const = 0;
  /// Frame `index` in [0, frameCount); throws std::out_of_range or std::runtime_error naming
  /// the file when the data cannot be read.
  virtual RecordedFrame readFrame(std::int64_t index) = 0;
  /// Starts whatever makes later reads at random frames fast (for a one-stream compressed PLUS
  /// file, a background pass that indexes the stream) and returns at once. Call it from the
  /// reading thread before seeking around (the replay driver does); no-op by default.
  virtual void prepareForSeeking() {}
  /// The sidecar's events (tracker estimates, alerts, ...) in time order; may be empty.
  virtual const std::vector<SessionEvent>& events() const = 0;

  /// The last frame whose timestamp is <= timestampNs (0 when before the first).
  std::int64_t frameIndexAtTime(std::int64_t timestampNs) const;
};

/// Opens a recording by what it is: a native recording folder, a folder of images, a DICOM file
/// (a scanner's cine loop), a video file, `.mha`/`.mhd` or `.nrrd`.
/// Throws std::runtime_error naming the file and the problem.
std::unique_ptr<RecordingReader> openRecording(const std::filesystem::path& path);

/// The sidecar path of a PLUS file: `<file>.events.jsonl`.
std::filesystem::path plusSidecarPath(const std::filesystem::path& sequenceFile);
/// The events of the sidecar beside `file` (plusSidecarPath), or none when there is no sidecar.
std::vector<SessionEvent> readSidecarEvents(const std::filesystem::path& file);

}  // namespace hipguide::session
