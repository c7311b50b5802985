#pragma once
/// Reader of PLUS tracked-sequence files: .igs.mha, .igs.mhd + .raw/.zraw, .igs.nrrd.

#include <hipguide/session/RecordingReader.h>
#include <hipguide/session/SequenceHeader.h>

#include <filesystem>
#include <memory>
#include <string>

namespace hipguide::session {

namespace detail {
class PixelStream;
}

/// How far the seek index of a one-stream compressed sequence has got.
struct SeekIndexStatus {
  std::int64_t checkpoints = 0;   ///< Resume points, one per spacingBytes of decoded pixels.
  std::int64_t spacingBytes = 0;  ///< Decoded bytes between checkpoints (0: not compressed).
  std::int64_t memoryBytes = 0;   ///< Held by the index (32 KiB a checkpoint).
  std::int64_t indexedBytes = 0;  ///< Decoded offset up to which the index is complete.
  bool complete = false;          ///< The index covers the whole stream.
  std::string failure;            ///< Why the background pass stopped (corrupt data, bad checksum), or "".
};

/// How a PLUS sequence is read.
struct PlusReaderOptions {
  /// Decoded bytes between the seek-index checkpoints of a compressed file (at least 32 KiB);
  /// 0 picks 2 MiB, widened for streams over 4 GiB so that the index stays under 64 MiB.
  std::int64_t seekSpacingBytes = 0;
};

/// Opens a PLUS sequence: reads and checks the header (never the pixels), then reads frames on
/// demand: uncompressed files at random with one read; one-stream compressed files through a
/// seek index (zlib checkpoints every few MiB of decoded pixels, built as frames are read and,
/// after prepareForSeeking(), by a background pass), so that once indexed any frame costs at
/// most one checkpoint spacing of decoding (docs/recording-format.md). Pixels become 8-bit grey (see
/// RecordedFrame). Loads `<file>.events.jsonl` when present. Throws std::runtime_error naming
/// the file and the field for malformed files. Not thread-safe.
class PlusSequenceReader final : public RecordingReader {
 public:
  explicit PlusSequenceReader(const std::filesystem::path& path, PlusReaderOptions options = {});
  ~PlusSequenceReader() override;

  const RecordingInfo& info() const override { return m_info; }
  std::int64_t timestampNs(std::int64_t index) const override;
  RecordedFrame readFrame(std::int64_t index) override;
  const std::vector<SessionEvent>& events() const override { return m_events; }
  /// Compressed files: starts the background pass that indexes the whole stream (returns at
  /// once; the pass stops when the reader is destroyed). No-op for raw files.
  void prepareForSeeking() override;
  /// Waits until the background pass started by prepareForSeeking() ends.
  void waitForSeekIndex();
  SeekIndexStatus seekIndexStatus() const;
  const SequenceHeader& header() const { return m_header; }

 private:
  void fillInfo();

  std::filesystem::path m_path;
  SequenceHeader m_header;
  RecordingInfo m_info;
  std::unique_ptr<detail::PixelStream> m_pixels;
  std::vector<std::int64_t> m_timestampsNs;  ///< For frames with metadata; later frames repeat the last.
  std::vector<SessionEvent> m_events;
  std::vector<std::uint8_t> m_stored;  ///< Scratch buffer for one stored frame.
};

/// Reads a sequence file's header text (up to and including `ElementDataFile`, or the NRRD
/// blank line) and parses it; headerBytes is set to where the pixels start.
SequenceHeader readSequenceHeader(const std::filesystem::path& path);

}  // namespace hipguide::session
