#pragma once
/// Reader of PLUS tracked-sequence files: .igs.mha, .igs.mhd + .raw/.zraw, .igs.nrrd.

#include <hipguide/session/RecordingReader.h>
#include <hipguide/session/SequenceHeader.h>

#include <filesystem>
#include <memory>

namespace hipguide::session {

namespace detail {
class PixelStream;
}

/// Opens a PLUS sequence: reads and checks the header (never the pixels), then reads frames on
/// demand: uncompressed files at random, one-stream compressed files in order (sequential
/// reads cost one frame; going back restarts the stream). Pixels become 8-bit grey (see
/// RecordedFrame). Loads `<file>.events.jsonl` when present. Throws std::runtime_error naming
/// the file and the field for malformed files. Not thread-safe.
class PlusSequenceReader final : public RecordingReader {
 public:
  explicit PlusSequenceReader(const std::filesystem::path& path);
  ~PlusSequenceReader() override;

  const RecordingInfo& info() const override { return m_info; }
  std::int64_t timestampNs(std::int64_t index) const override;
  RecordedFrame readFrame(std::int64_t index) override;
  const std::vector<SessionEvent>& events() const override { return m_events; }
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
