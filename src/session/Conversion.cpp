#include <hipguide/session/Conversion.h>
#include <hipguide/session/EventLog.h>
#include <hipguide/session/NativeRecording.h>
#include <hipguide/session/PlusSequenceWriter.h>

namespace hipguide::session {
namespace {

bool isPlusPath(const std::filesystem::path& path) {
  return path.extension() == ".mha" || path.extension() == ".nrrd";
}

template <typename Writer>
std::int64_t copyFrames(RecordingReader& reader, Writer& writer, const ProgressCallback& progress) {
  const std::int64_t total = reader.frameCount();
  for (std::int64_t i = 0; i < total; ++i) {
    writer.append(reader.readFrame(i));
    if (progress) progress(i + 1, total);
  }
  return total;
}

}  // namespace

std::int64_t convertRecording(RecordingReader& reader, const std::filesystem::path& out, bool compress,
                              const ProgressCallback& progress) {
  if (reader.info().trackerOnly)
    throw std::runtime_error(out.string() +
                             ": the input is tracker-only; only recordings with images convert");
  if (isPlusPath(out)) {
    PlusSequenceWriter writer(out, {.compress = compress});
    const std::int64_t frames = copyFrames(reader, writer, progress);
    writer.close();
    if (!reader.events().empty()) {
      std::filesystem::remove(plusSidecarPath(out));
      EventLogWriter events(plusSidecarPath(out));
      for (const SessionEvent& event : reader.events()) events.append(event);
    }
    return frames;
  }
  NativeRecordingWriter writer(
      out, {.compressPixels = true, .metadata = {{"converted_from", reader.info().formatName}}});
  const std::int64_t frames = copyFrames(reader, writer, progress);
  for (const SessionEvent& event : reader.events()) writer.appendEvent(event);
  writer.close();
  return frames;
}

}  // namespace hipguide::session
