#pragma once
/// Carries frames from a driver's thread to the GUI thread, newest frame wins.

#include <hipguide/acquisition/ProbeDriver.h>
#include <hipguide/core/LatestSlot.h>

#include <QObject>

#include <atomic>
#include <memory>

namespace hipguide::app {

/// Owns the current source driver. Frames published on the driver's thread go into a
/// LatestSlot; the GUI thread is woken once per burst (coalesced) and gets only the newest
/// frame through frameArrived(), so a slow screen skips frames instead of queueing them.
/// Construct, setDriver and read on the GUI thread.
class FramePump : public QObject {
  Q_OBJECT
 public:
  explicit FramePump(QObject* parent = nullptr);
  ~FramePump() override;

  /// Stops the old driver, starts the new one (nullptr: no source).
  void setDriver(std::unique_ptr<acquisition::ProbeDriver> driver);
  acquisition::ProbeDriver* driver() const { return m_driver.get(); }
  /// The slot every consumer (tracker, views) reads the newest frame from.
  core::LatestSlot<core::FramePtr>& slot() { return *m_slot; }
  /// Frames received from the driver since the last setDriver().
  std::uint64_t framesIn() const { return m_framesIn.load(); }

 signals:
  /// The newest frame, on the GUI thread.
  void frameArrived(const hipguide::core::FramePtr& frame);

 private:
  void deliver();

  std::unique_ptr<acquisition::ProbeDriver> m_driver;
  std::shared_ptr<core::LatestSlot<core::FramePtr>> m_slot;
  std::atomic<bool> m_wakePending{false};
  std::atomic<std::uint64_t> m_framesIn{0};
  std::uint64_t m_deliveredSequence = 0;
};

}  // namespace hipguide::app
