#include "IgtlCodec.h"
#include "IgtlTcp.h"
#include "IgtlWire.h"

#include <hipguide/acquisition/IgtlServer.h>
#include <hipguide/core/Logging.h>
#include <hipguide/core/SteadyClock.h>

#include <array>
#include <atomic>
#include <condition_variable>
#include <list>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace hipguide::acquisition {
namespace {

using detail::PackedMessage;

/// One latest-wins slot per kind of message, sent in this order.
enum Channel : std::size_t { kImage, kNeedle, kPath, kStatus, kChannelCount };
constexpr int kAcceptPollMs = 100;
constexpr auto kIncomingCheck = std::chrono::milliseconds(200);

/// Wall-clock time of a frame's acquisition (its steady-clock time moved onto the wall clock).
std::int64_t frameWallNs(const core::Frame& frame) {
  const std::int64_t wallNow = detail::wallClockNowNs();
  if (frame.deviceTimestampNs == 0) return wallNow;
  return wallNow - (core::steadyNowNs() - frame.deviceTimestampNs);
}

core::Transform3 imageToOutput(const core::Frame& frame) {
  return frame.imageToReference().value_or(core::Transform3::Identity());
}

void checkDeviceName(const std::string& name, const char* field) {
  if (name.empty() || name.size() > 20)
    throw std::invalid_argument(std::string("OpenIGTLink server: ") + field + " '" + name +
                                "' must have 1 to 20 characters");
}

}  // namespace

/// A connected client: its socket belongs to its sender thread; `pending` is shared.
struct ClientConnection {
  detail::TcpSocket socket;
  std::mutex mutex;
  std::condition_variable_any wake;
  std::array<PackedMessage, kChannelCount> pending;
  std::atomic<bool> alive{true};
  std::jthread sender;  // Last member: joined before the others die.
};

struct IgtlServer::Impl {
  IgtlServerSettings settings;
  detail::TcpSocket listener;
  mutable std::mutex mutex;  ///< Guards clients and latest.
  std::list<std::unique_ptr<ClientConnection>> clients;
  std::array<PackedMessage, kChannelCount> latest;  ///< Sent to clients as they join.
  std::atomic<std::uint64_t> accepted{0}, refused{0}, dropped{0}, sent{0}, skipped{0};
  std::jthread acceptor;  // Last member.

  void acceptLoop(std::stop_token stop);
  void addClient(detail::TcpSocket socket);
  void reapClients();
  void sendLoop(ClientConnection& client, std::stop_token stop);
  void broadcast(Channel channel, PackedMessage message);
  bool anyClient() const {
    std::lock_guard lock(mutex);
    return !clients.empty();
  }
};

IgtlServer::IgtlServer(IgtlServerSettings settings) : m_impl(std::make_unique<Impl>()) {
  checkDeviceName(settings.imageDevice, "imageDevice");
  checkDeviceName(settings.needleDevice, "needleDevice");
  checkDeviceName(settings.pathDevice, "pathDevice");
  checkDeviceName(settings.statusDevice, "statusDevice");
  if (settings.port < 0 || settings.port > 65535)
    throw std::invalid_argument("OpenIGTLink server: port must be 0 to 65535 (got " +
                                std::to_string(settings.port) + ")");
  if (settings.maxClients == 0)
    throw std::invalid_argument("OpenIGTLink server: maxClients must be at least 1");
  m_impl->settings = std::move(settings);
  m_impl->listener = detail::TcpSocket::listenOn(m_impl->settings.bindAddress, m_impl->settings.port, 8);
  m_impl->acceptor = std::jthread([impl = m_impl.get()](std::stop_token stop) { impl->acceptLoop(stop); });
  core::logger("acquisition")
      ->info("OpenIGTLink server listening on {}:{}", m_impl->settings.bindAddress, port());
}

IgtlServer::~IgtlServer() {
  m_impl->acceptor.request_stop();
  if (m_impl->acceptor.joinable()) m_impl->acceptor.join();
  std::lock_guard lock(m_impl->mutex);
  m_impl->clients.clear();  // Each client's jthread stops and joins.
}

int IgtlServer::port() const { return m_impl->listener.localPort(); }
const IgtlServerSettings& IgtlServer::settings() const { return m_impl->settings; }

void IgtlServer::Impl::acceptLoop(std::stop_token stop) {
  while (!stop.stop_requested()) {
    detail::TcpSocket socket = listener.acceptClient(kAcceptPollMs);
    reapClients();
    if (socket.valid()) addClient(std::move(socket));
  }
}

void IgtlServer::Impl::addClient(detail::TcpSocket socket) {
  std::lock_guard lock(mutex);
  if (clients.size() >= settings.maxClients) {
    ++refused;
    core::logger("acquisition")
        ->warn("OpenIGTLink server: refused a client, {} are connected already", clients.size());
    return;
  }
  auto client = std::make_unique<ClientConnection>();
  client->socket = std::move(socket);
  client->pending = latest;
  ClientConnection& added = *client;
  client->sender = std::jthread([this, &added](std::stop_token stop) { sendLoop(added, stop); });
  clients.push_back(std::move(client));
  ++accepted;
  core::logger("acquisition")->info("OpenIGTLink server: client connected ({} now)", clients.size());
}

void IgtlServer::Impl::reapClients() {
  std::list<std::unique_ptr<ClientConnection>> gone;
  {
    std::lock_guard lock(mutex);
    for (auto it = clients.begin(); it != clients.end();) {
      auto next = std::next(it);
      if (!(*it)->alive) gone.splice(gone.end(), clients, it);
      it = next;
    }
  }
  dropped += gone.size();  // Their threads have ended; destruction joins them outside the lock.
}

void IgtlServer::Impl::sendLoop(ClientConnection& client, std::stop_token stop) {
  const int timeoutMs = static_cast<int>(settings.sendTimeoutSeconds * 1000);
  while (!stop.stop_requested()) {
    std::array<PackedMessage, kChannelCount> batch;
    {
      std::unique_lock lock(client.mutex);
      client.wake.wait_for(lock, stop, kIncomingCheck, [&] {
        for (const auto& message : client.pending)
          if (message) return true;
        return false;
      });
      batch.swap(client.pending);
    }
    // Clients may send requests (GET_*, STT_*); this server streams regardless and drops them.
    bool ok = client.socket.discardIncoming() == detail::IoStatus::Done;
    for (const PackedMessage& message : batch) {
      if (!ok || !message) continue;
      ok =
          client.socket.writeAll(message->data(), message->size(), timeoutMs, stop) == detail::IoStatus::Done;
      if (ok) ++sent;
    }
    if (!ok) {
      core::logger("acquisition")->info("OpenIGTLink server: client gone or not reading; dropped");
      break;
    }
  }
  client.alive = false;
}

void IgtlServer::Impl::broadcast(Channel channel, PackedMessage message) {
  std::lock_guard lock(mutex);
  latest[channel] = message;
  for (const auto& client : clients) {
    if (!client->alive) continue;
    {
      std::lock_guard clientLock(client->mutex);
      if (client->pending[channel]) ++skipped;
      client->pending[channel] = message;
    }
    client->wake.notify_one();
  }
}

void IgtlServer::publishFrame(const core::Frame& frame) {
  const bool complete = frame.grey.size() == static_cast<std::size_t>(frame.width) * frame.height;
  if (frame.empty() || !complete || !m_impl->anyClient()) return;
  m_impl->broadcast(kImage, detail::packImage(frame, imageToOutput(frame), m_impl->settings.imageDevice,
                                              frameWallNs(frame)));
}

void IgtlServer::publishNeedle(const core::NeedleEstimate& estimate, const core::Frame& frame) {
  if (!estimate.detected) return;
  const core::Vec2 along = estimate.directionToTip();
  core::Transform3 needle = core::Transform3::Identity();
  needle.linear().col(0) = core::Vec3(along.x(), along.y(), 0.0);
  needle.linear().col(1) = core::Vec3(-along.y(), along.x(), 0.0);
  needle.linear().col(2) = core::Vec3(0.0, 0.0, 1.0);
  if (along.isZero()) needle.linear().setIdentity();
  needle.translation() = core::Vec3(estimate.tipMm.x(), estimate.tipMm.y(), 0.0);
  m_impl->broadcast(kNeedle, detail::packTransform(imageToOutput(frame) * needle,
                                                   m_impl->settings.needleDevice, frameWallNs(frame)));
}

void IgtlServer::publishPath(const std::vector<core::Vec3>& pointsImageMm, const core::Frame& frame) {
  const core::Transform3 toOutput = imageToOutput(frame);
  std::vector<core::Vec3> points;
  points.reserve(pointsImageMm.size());
  for (const core::Vec3& point : pointsImageMm) points.push_back(toOutput * point);
  m_impl->broadcast(kPath,
                    detail::packPoints(points, m_impl->settings.pathDevice, "HipGuide", frameWallNs(frame)));
}

void IgtlServer::publishStatus(const std::string& text) {
  m_impl->broadcast(kStatus,
                    detail::packString(text, m_impl->settings.statusDevice, detail::wallClockNowNs()));
}

IgtlServerStats IgtlServer::stats() const {
  IgtlServerStats stats;
  {
    std::lock_guard lock(m_impl->mutex);
    for (const auto& client : m_impl->clients) stats.clients += client->alive ? 1 : 0;
  }
  stats.clientsAccepted = m_impl->accepted;
  stats.clientsRefused = m_impl->refused;
  stats.clientsDropped = m_impl->dropped;
  stats.messagesSent = m_impl->sent;
  stats.messagesSkipped = m_impl->skipped;
  return stats;
}

}  // namespace hipguide::acquisition
