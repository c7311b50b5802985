#include <hipguide/session/DicomCineReader.h>
#include <hipguide/session/EventLog.h>
#include <hipguide/session/ImageFolderReader.h>
#include <hipguide/session/NativeRecording.h>
#include <hipguide/session/PlusSequenceReader.h>
#include <hipguide/session/RecordingReader.h>
#include <hipguide/session/VideoFileReader.h>

#include <stdexcept>

namespace hipguide::session {

std::int64_t RecordingReader::frameIndexAtTime(std::int64_t timestampNs) const {
  std::int64_t low = 0;
  std::int64_t high = frameCount() - 1;
  if (high < 0 || this->timestampNs(0) >= timestampNs) return 0;
  while (low < high) {  // last index with timestamp <= timestampNs
    const std::int64_t middle = low + (high - low + 1) / 2;
    if (this->timestampNs(middle) <= timestampNs)
      low = middle;
    else
      high = middle - 1;
  }
  return low;
}

std::filesystem::path plusSidecarPath(const std::filesystem::path& sequenceFile) {
  return sequenceFile.string() + ".events.jsonl";
}

std::vector<SessionEvent> readSidecarEvents(const std::filesystem::path& file) {
  const std::filesystem::path sidecar = plusSidecarPath(file);
  return std::filesystem::exists(sidecar) ? readEventLog(sidecar) : std::vector<SessionEvent>{};
}

std::unique_ptr<RecordingReader> openRecording(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) throw std::runtime_error(path.string() + ": no such file or folder");
  if (isNativeRecording(path)) return std::make_unique<NativeRecordingReader>(path);
  if (std::filesystem::is_directory(path)) {
    if (ImageFolderReader::imageFiles(path).empty())
      throw std::runtime_error(path.string() +
                               ": a folder with neither recording.json nor images is not a recording");
    return std::make_unique<ImageFolderReader>(path);
  }
  if (looksLikeDicomFile(path) || path.extension() == ".dcm") return std::make_unique<DicomCineReader>(path);
  if (VideoFileReader::isVideoFile(path)) return std::make_unique<VideoFileReader>(path);
  return std::make_unique<PlusSequenceReader>(path);
}

}  // namespace hipguide::session
