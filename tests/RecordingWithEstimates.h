#pragma once
/// A small native recording with needle estimates recorded for its even frames, for tests of
/// everything that reads recorded estimates (CLI export, replay overlays).

#include <hipguide/session/Recorder.h>
#include <hipguide/session/SessionEvent.h>

#include <filesystem>
#include <memory>

namespace hipguide::test {

/// Writes `frames` grey frames of width × height (0.2 mm pixels, 50 ms apart, ids from 1) to
/// `folder`; each even frame k has a detected estimate entering at (0, 0) mm with its tip at
/// (1.5 k, 2) mm times `tipScale`. Returns the folder.
inline std::filesystem::path writeRecordingWithEstimates(const std::filesystem::path& folder, int frames = 5,
                                                         int width = 32, int height = 24,
                                                         double tipScale = 1.0) {
  session::Recorder recorder(folder);
  for (std::uint64_t id = 1; id <= static_cast<std::uint64_t>(frames); ++id) {
    core::Frame frame;
    frame.width = width;
    frame.height = height;
    frame.grey.assign(static_cast<std::size_t>(width) * height, static_cast<std::uint8_t>(id * 10));
    frame.spacingMm = {0.2, 0.2};
    frame.frameId = id;
    frame.deviceTimestampNs = static_cast<std::int64_t>(id) * 50'000'000;
    recorder.recordFrame(std::make_shared<const core::Frame>(std::move(frame)));
    if (id % 2 != 0) continue;
    core::NeedleEstimate estimate;
    estimate.frameId = id;
    estimate.deviceTimestampNs = static_cast<std::int64_t>(id) * 50'000'000;
    estimate.detected = true;
    estimate.tipMm = {1.5 * id * tipScale, 2.0 * tipScale};
    estimate.entryMm = {0, 0};
    estimate.angleDeg = 30;
    estimate.confidence = 0.9;
    recorder.recordEvent(session::needleEstimateEvent(estimate));
  }
  recorder.stop();
  return folder;
}

}  // namespace hipguide::test
