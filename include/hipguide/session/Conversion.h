#pragma once
/// Whole-recording operations behind `hipguide-cli convert` and `export-video`.

#include <hipguide/session/RecordingReader.h>

#include <cstdint>
#include <filesystem>
#include <functional>

namespace hipguide::session {

/// Called after each frame with (frames done, total), on the caller's thread.
using ProgressCallback = std::function<void(std::int64_t done, std::int64_t total)>;

/// Copies every frame, transform and field of `reader`, and its events, to `out`: `.mha` or
/// `.nrrd` makes a PLUS sequence (events in `<out>.events.jsonl`), anything else a native
/// recording folder. `compress` asks for zlib/gz in PLUS files (pixels stay identical).
/// Returns the frames written; throws std::runtime_error naming the file on failure.
std::int64_t convertRecording(RecordingReader& reader, const std::filesystem::path& out, bool compress,
                              const ProgressCallback& progress = {});

/// Writes the recording to a video file through OpenCV's FFmpeg backend: H.264 (avc1), else
/// MPEG-4 Part 2 (mp4v) with `fallbackNote` saying so. `overlays` draws the recorded tracker
/// estimates (shaft, tip, confidence). Frame rate: the recording's, else 30. Returns frames.
std::int64_t exportVideo(RecordingReader& reader, const std::filesystem::path& out, bool overlays,
                         std::string& fallbackNote, const ProgressCallback& progress = {});

}  // namespace hipguide::session
