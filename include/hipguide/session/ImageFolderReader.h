#pragma once
/// Reader of a folder of still images, one frame each, as needle datasets are often shared.

#include <hipguide/session/RecordingReader.h>

#include <filesystem>
#include <string>
#include <vector>

namespace hipguide::session {

/// The frames are the folder's PNG, JPEG, BMP, TIFF and PGM files in natural name order
/// (frame2 before frame10). Not calibrated (1 mm per pixel: `track --spacing` gives the pixel
/// size); 20 frames per second assumed. Each image is read when asked for; one whose size differs
/// from the first's, or that cannot be decoded, is refused with its name. Not thread-safe.
class ImageFolderReader final : public RecordingReader {
 public:
  /// Throws std::runtime_error when the folder holds no image or its first cannot be read.
  explicit ImageFolderReader(const std::filesystem::path& folder);

  const RecordingInfo& info() const override { return m_info; }
  std::int64_t timestampNs(std::int64_t index) const override;
  RecordedFrame readFrame(std::int64_t index) override;
  const std::vector<SessionEvent>& events() const override { return m_events; }

  /// The image files of `folder` in the order they are frames (empty when there are none).
  static std::vector<std::filesystem::path> imageFiles(const std::filesystem::path& folder);

 private:
  std::vector<std::filesystem::path> m_files;
  RecordingInfo m_info;
  std::vector<SessionEvent> m_events;
};

}  // namespace hipguide::session
