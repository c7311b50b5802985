#include "StopSleep.h"

#include <hipguide/acquisition/ProbeDriver.h>
#include <hipguide/core/Logging.h>
#include <hipguide/core/SteadyClock.h>

#include <algorithm>
#include <exception>

namespace hipguide::acquisition {

ProbeDriver::~ProbeDriver() { stop(); }

void ProbeDriver::start() {
  if (m_thread.joinable()) return;
  setState(DriverState::Connecting);
  m_thread = std::jthread([this](std::stop_token stop) { threadMain(stop); });
}

void ProbeDriver::stop() {
  if (!m_thread.joinable()) return;
  m_thread.request_stop();
  m_thread.join();
  if (state() != DriverState::Error) setState(DriverState::Stopped);
}

void ProbeDriver::threadMain(std::stop_token stop) {
  try {
    run(stop);
  } catch (const std::exception& error) {
    core::logger("acquisition")->error("{}: {}", description(), error.what());
    setState(DriverState::Error, error.what());
  }
}

std::string ProbeDriver::lastError() const {
  std::lock_guard lock(m_mutex);
  return m_lastError;
}

DriverCounters ProbeDriver::counters() const {
  return {m_published.load(), m_lostAtSource.load(), m_timestampsRefused.load(), m_messagesRefused.load()};
}

int ProbeDriver::subscribe(FrameSubscriber subscriber) {
  std::lock_guard lock(m_mutex);
  m_subscribers.emplace_back(m_nextHandle, std::move(subscriber));
  return m_nextHandle++;
}

void ProbeDriver::unsubscribe(int handle) {
  std::lock_guard lock(m_mutex);
  std::erase_if(m_subscribers, [handle](const auto& entry) { return entry.first == handle; });
}

void ProbeDriver::publish(core::Frame frame) {
  if (frame.frameId == 0) frame.frameId = m_nextFrameId;
  m_nextFrameId = frame.frameId + 1;
  if (frame.hostReceiveNs == 0) frame.hostReceiveNs = core::steadyNowNs();
  if (frame.deviceTimestampNs == 0) frame.deviceTimestampNs = frame.hostReceiveNs;
  const core::FramePtr shared = std::make_shared<const core::Frame>(std::move(frame));
  ++m_published;
  std::lock_guard lock(m_mutex);
  for (const auto& [handle, subscriber] : m_subscribers) subscriber(shared);
}

void ProbeDriver::setState(DriverState state, std::string reason) {
  {
    std::lock_guard lock(m_mutex);
    if (state == DriverState::Error || state == DriverState::Stalled || !reason.empty())
      m_lastError = std::move(reason);
    else if (state == DriverState::Streaming)
      m_lastError.clear();
  }
  m_state.store(state);
}

bool ProbeDriver::sleepUntilNs(std::stop_token stop, std::int64_t deadlineNs) {
  return detail::sleepUntilSteadyNs(stop, deadlineNs);
}

}  // namespace hipguide::acquisition
