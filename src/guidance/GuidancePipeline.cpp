#include <hipguide/core/Logging.h>
#include <hipguide/core/SteadyClock.h>
#include <hipguide/guidance/GuidancePipeline.h>
#include <hipguide/guidance/PlaneContourCache.h>
#include <hipguide/tracking/NeedleTracker.h>

namespace hipguide::guidance {

GuidancePipeline::GuidancePipeline(core::LatestSlot<core::FramePtr>& frames,
                                   tracking::TrackerConfig trackerConfig, GuidanceEngine engine,
                                   Callback callback)
    : m_frames(frames),
      m_trackerConfig(trackerConfig),
      m_engine(std::make_unique<GuidanceEngine>(std::move(engine))),
      m_callback(std::move(callback)) {}

GuidancePipeline::~GuidancePipeline() { stop(); }

void GuidancePipeline::start() {
  if (m_thread.joinable()) return;
  m_thread = std::jthread([this](std::stop_token stop) { run(stop); });
}

void GuidancePipeline::stop() {
  if (!m_thread.joinable()) return;
  m_thread.request_stop();
  m_thread.join();
}

void GuidancePipeline::setEngine(GuidanceEngine engine) {
  std::lock_guard lock(m_engineMutex);
  m_pendingEngine = std::make_unique<GuidanceEngine>(std::move(engine));
}

void GuidancePipeline::run(std::stop_token stop) {
  tracking::NeedleTracker tracker(m_trackerConfig);
  PlaneContourCache outlines;
  std::uint64_t seen = 0;
  std::uint64_t lastFrameId = 0;
  while (auto entry = m_frames.waitNewer(seen, stop)) {
    if (seen != 0 && entry->sequence > seen + 1) m_skipped += entry->sequence - seen - 1;
    seen = entry->sequence;
    {
      std::lock_guard lock(m_engineMutex);
      if (m_pendingEngine) {
        m_engine = std::move(m_pendingEngine);
        outlines.clear();
      }
    }
    const core::FramePtr& frame = entry->value;
    try {
      if (frame->frameId <= lastFrameId) tracker.reset();  // a new source or a replay seek
      lastFrameId = frame->frameId;
      const core::NeedleEstimate estimate = tracker.process(*frame);
      const std::optional<core::Transform3> imageToReference = frame->imageToReference();
      GuidedFrame result{frame, m_engine->update(estimate, imageToReference, frame->deviceTimestampNs), {}};
      if (imageToReference && m_engine->anatomy())
        result.contours = outlines.contours(
            *m_engine->anatomy(),
            anatomy::PlaneGrid{*imageToReference, frame->spacingMm, frame->width, frame->height});
      ++m_processed;
      // Publish before telling: a consumer woken by the callback must find this result in
      // results(), or it sees the previous one and misses this until the next wakes it.
      m_results.publish(result);
      if (m_callback) m_callback(result);
    } catch (const std::exception& error) {
      core::logger("guidance")->error("frame {}: {}", frame->frameId, error.what());
    }
  }
}

}  // namespace hipguide::guidance
