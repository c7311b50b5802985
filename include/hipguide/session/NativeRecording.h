#pragma once
/// HipGuide's native recording: a folder `NAME.hgrec/` that survives a killed process and
/// seeks to any frame in a few milliseconds (layout in docs/recording-format.md).

#include <hipguide/session/EventLog.h>
#include <hipguide/session/RecordingReader.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>

namespace hipguide::session {

namespace detail {
class PixelCodec;
}

/// How a native recording is written.
struct NativeWriterOptions {
  bool compressPixels = false;  ///< zlib (fastest level) per frame; seekable, but costs CPU.
  nlohmann::json metadata = nlohmann::json::object();  ///< Stored in recording.json ("metadata").
};

/// Appends frames and events to a native recording. Each frame is one write(2) to frames.bin
/// followed by its 32-byte index entry, so a killed process loses nothing already appended;
/// sync() (called at least every second by the Recorder) fsyncs for power loss. Owned and
/// used by one thread.
class NativeRecordingWriter {
 public:
  /// Creates the folder (it must not exist, or be empty); throws std::runtime_error.
  NativeRecordingWriter(const std::filesystem::path& folder, NativeWriterOptions options = {});
  /// Closes when close() was not called, logging a failure.
  ~NativeRecordingWriter();
  NativeRecordingWriter(const NativeRecordingWriter&) = delete;
  NativeRecordingWriter& operator=(const NativeRecordingWriter&) = delete;

  void append(const core::Frame& frame);
  void append(const RecordedFrame& frame);
  void appendEvent(const SessionEvent& event);
  /// fdatasync()s frames, index and events.
  void sync();
  /// Syncs and marks recording.json closed, adding `summary` (counts, drops) to it.
  void close(const nlohmann::json& summary = nlohmann::json::object());
  std::int64_t frameCount() const { return m_frameCount; }
  std::uint64_t bytesWritten() const { return m_offset; }

 private:
  void writeManifest(bool closed, const nlohmann::json& summary);

  std::filesystem::path m_folder;
  NativeWriterOptions m_options;
  int m_framesFd = -1;
  int m_indexFd = -1;
  std::unique_ptr<EventLogWriter> m_events;
  std::unique_ptr<detail::PixelCodec> m_codec;  ///< Null when pixels are stored raw.
  std::vector<std::uint8_t> m_record;
  std::uint64_t m_offset = 0;
  std::int64_t m_frameCount = 0;
  bool m_closed = false;
};

/// Reads a native recording: loads index.bin (32 bytes a frame), drops entries past the end
/// of frames.bin and recovers valid records written after the last index entry (a killed
/// writer), so whatever reached the disk opens. Frames are read at random with one pread.
class NativeRecordingReader final : public RecordingReader {
 public:
  explicit NativeRecordingReader(const std::filesystem::path& folder);
  ~NativeRecordingReader() override;

  const RecordingInfo& info() const override { return m_info; }
  std::int64_t timestampNs(std::int64_t index) const override;
  RecordedFrame readFrame(std::int64_t index) override;
  const std::vector<SessionEvent>& events() const override { return m_events; }
  /// recording.json as written (metadata, and "closed": false after a crash).
  const nlohmann::json& manifest() const { return m_manifest; }

 private:
  struct Entry {
    std::uint64_t offset;
    std::uint32_t recordBytes;
    std::int64_t deviceTimestampNs;
  };
  void loadIndex(std::uint64_t framesBytes);
  void recoverTail(std::uint64_t framesBytes);
  /// The first of the first ten frames that decodes (info's size and names), logging failures.
  std::optional<RecordedFrame> firstReadableFrame();
  void fillInfo();

  std::filesystem::path m_folder;
  nlohmann::json m_manifest;
  int m_framesFd = -1;
  std::vector<Entry> m_entries;
  RecordingInfo m_info;
  std::vector<SessionEvent> m_events;
  std::vector<std::uint8_t> m_record;
  std::unique_ptr<detail::PixelCodec> m_codec;
};

/// True when `path` is a native recording folder (it holds recording.json).
bool isNativeRecording(const std::filesystem::path& path);

}  // namespace hipguide::session
