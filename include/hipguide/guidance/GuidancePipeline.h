#pragma once
/// The live processing thread: newest frame → needle tracker → guidance → one result.

#include <hipguide/core/Frame.h>
#include <hipguide/core/LatestSlot.h>
#include <hipguide/guidance/GuidanceEngine.h>
#include <hipguide/tracking/TrackerConfig.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace hipguide::guidance {

/// A frame with the tracker's estimate, the guidance drawn from it and the anatomy's outlines
/// on its plane (when anatomy and pose are known): what the views show.
struct GuidedFrame {
  core::FramePtr frame;
  GuidanceState guidance;
  std::vector<anatomy::StructureContours> contours;
};

/// Waits on the source's latest-frame slot, tracks the newest frame, runs the guidance engine
/// and hands the result to a callback (on the pipeline's thread) and to its own latest slot.
/// It only reads the frame slot, so the source never waits for it; frames that arrive while it
/// is busy are skipped and counted. The engine can be replaced while running (e.g. when the
/// anatomy has been loaded). start/stop/setEngine from one controlling thread.
class GuidancePipeline {
 public:
  using Callback = std::function<void(const GuidedFrame&)>;

  GuidancePipeline(core::LatestSlot<core::FramePtr>& frames, tracking::TrackerConfig trackerConfig,
                   GuidanceEngine engine, Callback callback = {});
  ~GuidancePipeline();
  GuidancePipeline(const GuidancePipeline&) = delete;
  GuidancePipeline& operator=(const GuidancePipeline&) = delete;

  void start();
  void stop();
  /// Replaces the guidance engine from the next frame on (thread-safe).
  void setEngine(GuidanceEngine engine);
  core::LatestSlot<GuidedFrame>& results() { return m_results; }
  std::uint64_t processedFrames() const { return m_processed.load(); }
  std::uint64_t skippedFrames() const { return m_skipped.load(); }

 private:
  void run(std::stop_token stop);

  core::LatestSlot<core::FramePtr>& m_frames;
  tracking::TrackerConfig m_trackerConfig;
  std::mutex m_engineMutex;
  std::unique_ptr<GuidanceEngine> m_pendingEngine;  ///< Taken by the thread at its next frame.
  std::unique_ptr<GuidanceEngine> m_engine;         ///< Used on the pipeline thread only.
  Callback m_callback;
  core::LatestSlot<GuidedFrame> m_results;
  std::atomic<std::uint64_t> m_processed{0};
  std::atomic<std::uint64_t> m_skipped{0};
  std::jthread m_thread;
};

}  // namespace hipguide::guidance
