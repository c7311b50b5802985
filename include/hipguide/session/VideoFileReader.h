#pragma once
/// Reader of a video file (a screen recording of a scanner, or a clip shared by another group).

#include <hipguide/session/RecordingReader.h>

#include <filesystem>
#include <memory>

namespace cv {
class VideoCapture;
}

namespace hipguide::session {

/// MP4, AVI, MOV, MKV and the other containers OpenCV's FFmpeg backend opens. Counts the frames
/// once on opening (containers only estimate their count), then decodes frames as asked: in
/// order by reading on, elsewhere by seeking, checked and redone from the start when the
/// codec's seek lands elsewhere. Not calibrated (1 mm per pixel: `track --spacing` gives the pixel
/// size); timestamps from the file's frame rate (20 fps when it gives none). Not thread-safe.
class VideoFileReader final : public RecordingReader {
 public:
  /// Throws std::runtime_error naming the file when it cannot be opened or holds no frame.
  explicit VideoFileReader(const std::filesystem::path& path);
  ~VideoFileReader() override;

  const RecordingInfo& info() const override { return m_info; }
  std::int64_t timestampNs(std::int64_t index) const override;
  RecordedFrame readFrame(std::int64_t index) override;
  const std::vector<SessionEvent>& events() const override { return m_events; }

  /// Whether the file's extension is one of a video container.
  static bool isVideoFile(const std::filesystem::path& path);

 private:
  void open();
  /// Positions the capture so that the next read returns frame `index`.
  void seek(std::int64_t index);

  std::filesystem::path m_path;
  std::unique_ptr<cv::VideoCapture> m_capture;
  std::int64_t m_next = 0;  ///< Index of the frame the next read returns.
  double m_framesPerSecond = 0.0;
  RecordingInfo m_info;
  std::vector<SessionEvent> m_events;
};

}  // namespace hipguide::session
