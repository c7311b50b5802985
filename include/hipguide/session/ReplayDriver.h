#pragma once
/// A probe driver that replays any readable recording as if it were live.

#include <hipguide/acquisition/Capabilities.h>
#include <hipguide/acquisition/ProbeDriver.h>
#include <hipguide/session/RecordingReader.h>

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>

namespace hipguide::session {

/// How a replay starts.
struct ReplayOptions {
  double speed = 1.0;        ///< 0.25 to 4; 1 = original timing.
  bool loop = false;         ///< Start again after the last frame (else pause there).
  bool startPaused = false;  ///< Publish the first frame, then wait for play().
};

/// Replays a recording (native, .igs.mha/.mhd/.igs.nrrd) on the driver's thread with the
/// recording's own timing scaled by speed. Controls are thread-safe and take effect at once:
/// play/pause, step (one frame while paused), seek to a frame or a time (the sought frame is
/// published even while paused), speed, loop. Frames keep their recorded frameId and
/// deviceTimestampNs; hostReceiveNs is the replay time. Tracker-only recordings are refused.
/// Freeze (FreezeControl) is pause.
class ReplayDriver final : public acquisition::ProbeDriver, public acquisition::FreezeControl {
 public:
  /// Opens the recording; throws std::runtime_error naming it when unreadable.
  explicit ReplayDriver(const std::filesystem::path& path, ReplayOptions options = {});
  ~ReplayDriver() override;
  std::string description() const override;

  void play();
  void pause();
  bool paused() const;
  /// Publishes the next `frames` frames (negative: earlier ones) and pauses.
  void step(std::int64_t frames = 1);
  /// Jumps to frame `index` (clamped to the recording).
  void seekToFrame(std::int64_t index);
  /// Jumps to the frame shown `offsetNs` after the first frame.
  void seekToTime(std::int64_t offsetNs);
  /// Throws std::invalid_argument outside 0.25..4.
  void setSpeed(double speed);
  double speed() const;
  void setLoop(bool loop);
  /// Index of the frame most recently published (or about to be, after a seek).
  std::int64_t currentFrameIndex() const;
  std::int64_t frameCount() const { return m_frameCount; }
  const RecordingInfo& info() const { return m_info; }

  /// Shows every frame at `mm` per pixel (both axes): a pixel size measured on the image (depth
  /// ticks) for a recording without a calibration, such as a video; nullopt: the recording's own.
  /// The current frame is published again at once, even while paused. Throws
  /// std::invalid_argument unless `mm` is in (0, core::kMaxCalibratedSpacingMm].
  void setPixelSizeMm(std::optional<double> mm);
  std::optional<double> pixelSizeMm() const;

  /// A recorded event with the index of the frame it falls on.
  struct TimelineEvent {
    std::int64_t frameIndex = 0;
    SessionEvent event;
  };
  /// Every recorded event except tracker estimates (alerts, bookmarks, annotations, settings),
  /// in time order, for timeline markers. Computed when the recording is opened.
  const std::vector<TimelineEvent>& timeline() const { return m_timeline; }

  /// Every recorded event (tracker estimates, alerts, settings, ...), in frame order.
  const std::vector<SessionEvent>& events() const { return m_events; }
  /// The recorded events that name `frameId` (tracker estimates, alerts, ...).
  std::vector<SessionEvent> eventsForFrame(std::uint64_t frameId) const;
  /// The recorded tracker estimate of `frameId`, if one was recorded.
  std::optional<core::NeedleEstimate> recordedEstimate(std::uint64_t frameId) const;

  void setFrozen(bool frozen) override { frozen ? pause() : play(); }
  bool frozen() const override { return paused(); }

 protected:
  void run(std::stop_token stop) override;

 private:
  void publishIndex(std::int64_t index);

  std::unique_ptr<RecordingReader> m_reader;  ///< Used on the driver thread only (after start).
  RecordingInfo m_info;
  std::int64_t m_frameCount = 0;
  std::vector<SessionEvent> m_events;  ///< Sorted by frameId for lookups.
  std::vector<TimelineEvent> m_timeline;
  std::filesystem::path m_path;

  mutable std::mutex m_mutex;  ///< Guards the control state below.
  std::condition_variable_any m_changed;
  bool m_paused = false;
  bool m_loop = false;
  double m_speed = 1.0;
  std::int64_t m_nextIndex = 0;         ///< The frame the loop publishes next.
  std::int64_t m_shownIndex = -1;       ///< The frame published last.
  std::int64_t m_pendingSteps = 0;      ///< Frames to publish while paused.
  bool m_seekPending = true;            ///< Publish m_nextIndex now, whatever the timing.
  std::optional<double> m_pixelSizeMm;  ///< Replaces the frames' spacing when set.
};

}  // namespace hipguide::session
