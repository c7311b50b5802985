#include "IgtlClientLoop.h"
#include "IgtlCodec.h"
#include "IgtlPoseMatcher.h"
#include "IgtlStreamMonitor.h"
#include "IgtlWire.h"

#include <hipguide/acquisition/IgtlClientDriver.h>
#include <hipguide/core/Logging.h>
#include <hipguide/core/SteadyClock.h>

#include <algorithm>
#include <cstdio>

namespace hipguide::acquisition {
namespace {

std::string secondsText(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", seconds);
  return text;
}

}  // namespace

IgtlClientDriver::IgtlClientDriver(IgtlClientSettings settings)
    : m_settings(std::move(settings)),
      m_monitor(std::make_unique<detail::IgtlStreamMonitor>()),
      m_poses(std::make_unique<detail::IgtlPoseMatcher>(
          static_cast<std::int64_t>(m_settings.poseToleranceMs * 1e6))),
      m_imageDevice(m_settings.imageDevice),
      m_probeTransform(m_settings.probeTransform) {
  validate(m_settings);
  m_monitor->selectImageDevice(m_imageDevice);
  m_monitor->selectProbeTransform(m_probeTransform);
}

IgtlClientDriver::~IgtlClientDriver() { stop(); }

std::string IgtlClientDriver::description() const {
  return "OpenIGTLink client igtl://" + m_settings.host + ":" + std::to_string(m_settings.port);
}

IgtlClientStats IgtlClientDriver::stats() const { return m_monitor->snapshot(); }

void IgtlClientDriver::run(std::stop_token stop) {
  const detail::IgtlConnectPolicy policy{m_settings.host,
                                         m_settings.port,
                                         m_settings.connectTimeoutSeconds,
                                         m_settings.reconnectInitialSeconds,
                                         m_settings.reconnectMaxSeconds,
                                         m_settings.maxBodyBytes};
  detail::IgtlClientHandlers handlers;
  handlers.connected = [this] {
    m_monitor->countConnection();
    m_anchor.reset();
    m_poses->clear();
    m_monitor->resetIntervals();
    m_lastImageHostNs = core::steadyNowNs();
  };
  handlers.message = [this](const detail::IgtlMessage& message) {
    m_monitor->countMessage();
    handle(message);
  };
  handlers.refused = [this](detail::RefusalReason reason, const std::string& detail) {
    refuse(reason, detail);
  };
  handlers.poll = [this] { checkTimers(); };
  handlers.disconnected = [this] {
    if (m_pending) publishPending();
  };
  handlers.waiting = [this](const std::string& reason) { setState(DriverState::Connecting, reason); };
  detail::runIgtlClientLoop(stop, policy, description(), handlers);
}

void IgtlClientDriver::handle(const detail::IgtlMessage& message) {
  if (message.type == "IMAGE") return handleImage(message);
  if (message.type == "TRANSFORM" || message.type == "POSITION") return handlePose(message);
  m_monitor->countIgnored();
}

void IgtlClientDriver::handleImage(const detail::IgtlMessage& message) {
  m_monitor->noteImageDevice(message.deviceName);
  if (m_imageDevice.empty()) {
    m_imageDevice = message.deviceName;
    m_monitor->selectImageDevice(message.deviceName);
    core::logger("acquisition")->info("{}: showing IMAGE device '{}'", description(), message.deviceName);
  } else if (m_imageDevice != message.deviceName) {
    return m_monitor->countIgnored();
  }
  PendingFrame pending;
  if (auto error = detail::decodeImage(message.body, pending.frame))
    return refuse(error->reason, error->detail);
  const std::int64_t hostNs = core::steadyNowNs();
  m_lastImageHostNs = hostNs;
  countLostAtSource(m_monitor->recordImage(message.timestampWallNs, detail::wallClockNowNs()));
  pending.frame.hostReceiveNs = hostNs;
  if (message.timestampWallNs != 0) {
    const std::optional<std::int64_t> anchored = m_anchor.toHostNs(message.timestampWallNs, hostNs);
    if (!anchored) return countTimestampRefused();
    pending.frame.deviceTimestampNs = *anchored;
  }
  if (m_pending) publishPending();
  pending.wallNs = message.timestampWallNs;
  pending.deadlineNs = hostNs + m_poses->toleranceNs();
  m_pending = std::move(pending);
  if (message.timestampWallNs == 0 || !m_poses->expectingPoses() ||
      m_poses->hasPoseAtOrAfter(message.timestampWallNs))
    publishPending();
}

void IgtlClientDriver::handlePose(const detail::IgtlMessage& message) {
  m_monitor->noteTransformDevice(message.deviceName);
  if (m_probeTransform.empty()) {
    m_probeTransform = message.deviceName;
    m_monitor->selectProbeTransform(message.deviceName);
    core::logger("acquisition")->info("{}: probe pose from '{}'", description(), message.deviceName);
  } else if (m_probeTransform != message.deviceName) {
    return m_monitor->countIgnored();
  }
  core::Transform3 pose;
  const auto error = message.type == "TRANSFORM" ? detail::decodeTransform(message.body, pose)
                                                 : detail::decodePosition(message.body, pose);
  if (error) return refuse(error->reason, error->detail);
  m_monitor->countPose();
  const std::int64_t wallNs =
      message.timestampWallNs != 0 ? message.timestampWallNs : detail::wallClockNowNs();
  m_poses->add(wallNs, pose);
  if (m_pending && m_poses->hasPoseAtOrAfter(m_pending->wallNs)) publishPending();
}

void IgtlClientDriver::refuse(detail::RefusalReason reason, const std::string& detail) {
  countMessageRefused();
  m_monitor->countRefusal(reason, detail);
  core::logger("acquisition")
      ->warn("{}: refused a message ({}): {}", description(), toString(reason), detail);
}

void IgtlClientDriver::publishPending() {
  PendingFrame pending = std::move(*m_pending);
  m_pending.reset();
  if (const auto pose = m_poses->nearest(pending.wallNs); pose && pending.wallNs != 0)
    pending.frame.probeToReference = {*pose, true};
  m_monitor->countFrame(pending.frame.probeToReference.valid);
  publish(std::move(pending.frame));
  if (state() != DriverState::Streaming) setState(DriverState::Streaming);
}

void IgtlClientDriver::checkTimers() {
  const std::int64_t nowNs = core::steadyNowNs();
  if (m_pending && nowNs >= m_pending->deadlineNs) publishPending();
  const double silentSeconds = core::nsToSeconds(nowNs - m_lastImageHostNs);
  if (silentSeconds < m_settings.stallAfterSeconds || state() == DriverState::Stalled) return;
  setState(DriverState::Stalled,
           "connected, but no image from " +
               (m_imageDevice.empty() ? std::string("any IMAGE device") : "'" + m_imageDevice + "'") +
               " for " + secondsText(m_settings.stallAfterSeconds));
}

}  // namespace hipguide::acquisition
