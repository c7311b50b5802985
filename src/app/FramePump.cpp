#include <hipguide/app/FramePump.h>

#include <QMetaObject>

namespace hipguide::app {

FramePump::FramePump(QObject* parent)
    : QObject(parent), m_slot(std::make_shared<core::LatestSlot<core::FramePtr>>()) {
  qRegisterMetaType<core::FramePtr>("hipguide::core::FramePtr");
}

FramePump::~FramePump() { setDriver(nullptr); }

void FramePump::setDriver(std::unique_ptr<acquisition::ProbeDriver> driver) {
  if (m_driver) m_driver->stop();
  m_driver = std::move(driver);
  m_framesIn = 0;
  if (!m_driver) return;
  m_driver->subscribe([this](const core::FramePtr& frame) {
    ++m_framesIn;
    m_slot->publish(frame);
    // Wake the GUI once per burst; deliver() clears the flag before reading the slot.
    if (!m_wakePending.exchange(true))
      QMetaObject::invokeMethod(this, &FramePump::deliver, Qt::QueuedConnection);
  });
  m_driver->start();
}

void FramePump::deliver() {
  m_wakePending = false;
  const auto entry = m_slot->latest();
  if (!entry || entry->sequence == m_deliveredSequence) return;
  m_deliveredSequence = entry->sequence;
  emit frameArrived(entry->value);
}

}  // namespace hipguide::app
