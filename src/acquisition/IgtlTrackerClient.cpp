#include "IgtlClientLoop.h"
#include "IgtlCodec.h"

#include <hipguide/acquisition/IgtlTrackerClient.h>
#include <hipguide/acquisition/SourceSpec.h>
#include <hipguide/core/Logging.h>
#include <hipguide/core/SteadyClock.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace hipguide::acquisition {
namespace {

constexpr std::size_t kMaxDeviceNameChars = 20;  ///< OpenIGTLink version 1 device name field.

}  // namespace

IgtlTrackerSettings igtlTrackerSettingsFor(std::string_view address) {
  std::string text(address);
  if (text.find("://") == std::string::npos) text = "igtl://" + text;
  SourceSpec spec;
  try {
    spec = parseSourceSpec(text);
  } catch (const std::invalid_argument&) {
    spec.kind = SourceSpec::Kind::Simulator;
  }
  if (spec.kind != SourceSpec::Kind::OpenIGTLink)
    throw std::invalid_argument("tracker address '" + std::string(address) +
                                "' is not igtl://host:port or host:port");
  IgtlTrackerSettings settings;
  settings.host = spec.host;
  settings.port = spec.port;
  return settings;
}

void validate(const IgtlTrackerSettings& settings) {
  if (settings.host.empty()) throw std::invalid_argument("tracker settings: host is empty");
  if (settings.port <= 0 || settings.port > 65535)
    throw std::invalid_argument("tracker settings: port must be 1 to 65535 (got " +
                                std::to_string(settings.port) + ")");
  for (const auto& [field, name] :
       {std::pair{"probeDevice", &settings.probeDevice}, std::pair{"needleDevice", &settings.needleDevice},
        std::pair{"phantomDevice", &settings.phantomDevice}})
    if (name->size() > kMaxDeviceNameChars)
      throw std::invalid_argument(std::string("tracker settings: ") + field + " '" + *name +
                                  "' is longer than 20 characters");
  if (settings.probeDevice.empty() && settings.needleDevice.empty())
    throw std::invalid_argument("tracker settings: probeDevice and needleDevice are both empty");
  if (!(settings.connectTimeoutSeconds > 0 && settings.reconnectInitialSeconds > 0 &&
        settings.reconnectMaxSeconds >= settings.reconnectInitialSeconds))
    throw std::invalid_argument(
        "tracker settings: connectTimeoutSeconds and reconnectInitialSeconds must be > 0 and "
        "reconnectMaxSeconds >= reconnectInitialSeconds");
}

struct IgtlTrackerClient::Impl {
  explicit Impl(IgtlTrackerSettings settings) : settings(std::move(settings)) {
    snapshot.reason =
        "connecting to igtl://" + this->settings.host + ":" + std::to_string(this->settings.port);
  }

  std::string description() const {
    return "OpenIGTLink tracker igtl://" + settings.host + ":" + std::to_string(settings.port);
  }

  /// The slot a device's poses go to, or nullptr when it is not one of ours.
  std::optional<TrackedPose>* slotFor(const std::string& device) {
    if (device.empty()) return nullptr;
    if (device == settings.probeDevice) return &snapshot.probe;
    if (device == settings.needleDevice) return &snapshot.needle;
    if (device == settings.phantomDevice) return &snapshot.phantom;
    return nullptr;
  }

  void onMessage(const detail::IgtlMessage& message) {
    const bool pose = message.type == "TRANSFORM" || message.type == "POSITION";
    std::lock_guard lock(mutex);
    ++snapshot.messages;
    std::optional<TrackedPose>* slot = pose ? slotFor(message.deviceName) : nullptr;
    if (pose && std::find(snapshot.transformDevicesSeen.begin(), snapshot.transformDevicesSeen.end(),
                          message.deviceName) == snapshot.transformDevicesSeen.end())
      snapshot.transformDevicesSeen.push_back(message.deviceName);
    if (!slot) {
      ++snapshot.ignored;
      return;
    }
    core::Transform3 transform;
    const auto error = message.type == "TRANSFORM" ? detail::decodeTransform(message.body, transform)
                                                   : detail::decodePosition(message.body, transform);
    if (error) return onRefused(error->reason, error->detail, lock);
    const std::uint64_t count = *slot ? (*slot)->count + 1 : 1;
    *slot = TrackedPose{transform, core::steadyNowNs(), message.timestampWallNs, count};
  }

  void onRefused(detail::RefusalReason reason, const std::string& detail,
                 const std::lock_guard<std::mutex>&) {
    ++snapshot.refused;
    snapshot.lastRefusal = std::string(toString(reason)) + ": " + detail;
    core::logger("acquisition")
        ->warn("{}: refused a message ({}): {}", description(), toString(reason), detail);
  }

  void run(std::stop_token stop) {
    const detail::IgtlConnectPolicy policy{settings.host,
                                           settings.port,
                                           settings.connectTimeoutSeconds,
                                           settings.reconnectInitialSeconds,
                                           settings.reconnectMaxSeconds,
                                           settings.maxBodyBytes};
    detail::IgtlClientHandlers handlers;
    handlers.connected = [this] {
      std::lock_guard lock(mutex);
      snapshot.connected = true;
      snapshot.reason.clear();
      ++snapshot.connections;
    };
    handlers.message = [this](const detail::IgtlMessage& message) { onMessage(message); };
    handlers.refused = [this](detail::RefusalReason reason, const std::string& detail) {
      std::lock_guard lock(mutex);
      onRefused(reason, detail, lock);
    };
    handlers.disconnected = [this] {
      std::lock_guard lock(mutex);
      snapshot.connected = false;
      snapshot.reason = "disconnected";
    };
    handlers.waiting = [this](const std::string& reason) {
      std::lock_guard lock(mutex);
      snapshot.connected = false;
      snapshot.reason = reason;
    };
    try {
      detail::runIgtlClientLoop(stop, policy, description(), handlers);
    } catch (const std::exception& error) {
      std::lock_guard lock(mutex);
      snapshot.connected = false;
      snapshot.reason = description() + " stopped: " + error.what();
      core::logger("acquisition")->error("{}", snapshot.reason);
    }
  }

  const IgtlTrackerSettings settings;
  mutable std::mutex mutex;
  TrackerSnapshot snapshot;  ///< Guarded by mutex.
  std::jthread thread;       ///< Last: stopped and joined before the members above go.
};

IgtlTrackerClient::IgtlTrackerClient(IgtlTrackerSettings settings) {
  validate(settings);
  m_impl = std::make_unique<Impl>(std::move(settings));
  m_impl->thread = std::jthread([impl = m_impl.get()](std::stop_token stop) { impl->run(stop); });
}

IgtlTrackerClient::~IgtlTrackerClient() {
  m_impl->thread.request_stop();
  if (m_impl->thread.joinable()) m_impl->thread.join();
}

const IgtlTrackerSettings& IgtlTrackerClient::settings() const { return m_impl->settings; }

std::string IgtlTrackerClient::description() const { return m_impl->description(); }

TrackerSnapshot IgtlTrackerClient::snapshot() const {
  std::lock_guard lock(m_impl->mutex);
  return m_impl->snapshot;
}

}  // namespace hipguide::acquisition
