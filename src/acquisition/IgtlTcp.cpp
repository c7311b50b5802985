#include "IgtlTcp.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace hipguide::acquisition::detail {
namespace {

constexpr int kPollSliceMs = 50;  ///< How often blocking waits look at the stop token.

void makeNonBlocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL, 0) | O_NONBLOCK); }

void setNoDelay(int fd) {
  const int on = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

/// poll() for one event; true when it fired (or the socket has an error to report).
bool pollFor(int fd, short events, int timeoutMs) {
  pollfd entry{fd, events, 0};
  int result = 0;
  do {
    result = ::poll(&entry, 1, timeoutMs);
  } while (result < 0 && errno == EINTR);
  return result > 0;
}

std::string errnoText() { return std::strerror(errno); }

/// Tries one resolved address; the connected socket or -1 with `error` set.
int connectOne(const addrinfo& address, int timeoutMs, std::string& error) {
  const int fd = ::socket(address.ai_family, address.ai_socktype, address.ai_protocol);
  if (fd < 0) {
    error = "socket(): " + errnoText();
    return -1;
  }
  makeNonBlocking(fd);
  if (::connect(fd, address.ai_addr, address.ai_addrlen) == 0) return fd;
  if (errno != EINPROGRESS) {
    error = errnoText();
  } else if (!pollFor(fd, POLLOUT, timeoutMs)) {
    error = "no answer within " + std::to_string(timeoutMs) + " ms";
  } else {
    int socketError = 0;
    socklen_t length = sizeof socketError;
    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &socketError, &length);
    if (socketError == 0) return fd;
    error = std::strerror(socketError);
  }
  ::close(fd);
  return -1;
}

}  // namespace

TcpSocket::~TcpSocket() { close(); }

TcpSocket::TcpSocket(TcpSocket&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

TcpSocket& TcpSocket::operator=(TcpSocket&& other) noexcept {
  if (this != &other) {
    close();
    m_fd = std::exchange(other.m_fd, -1);
  }
  return *this;
}

void TcpSocket::close() {
  if (m_fd >= 0) ::close(m_fd);
  m_fd = -1;
}

TcpSocket TcpSocket::connectTo(const std::string& host, int port, int timeoutMs, std::string& error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (const int code = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); code != 0) {
    error = "cannot resolve '" + host + "': " + ::gai_strerror(code);
    return {};
  }
  int fd = -1;
  for (const addrinfo* entry = found; entry && fd < 0; entry = entry->ai_next)
    fd = connectOne(*entry, timeoutMs, error);
  ::freeaddrinfo(found);
  if (fd < 0) return {};
  setNoDelay(fd);
  return TcpSocket(fd);
}

TcpSocket TcpSocket::listenOn(const std::string& address, int port, int backlog) {
  const std::string where = address + ":" + std::to_string(port);
  sockaddr_in endpoint{};
  endpoint.sin_family = AF_INET;
  endpoint.sin_port = htons(static_cast<std::uint16_t>(port));
  if (::inet_pton(AF_INET, address.c_str(), &endpoint.sin_addr) != 1)
    throw std::runtime_error("OpenIGTLink server: '" + address + "' is not an IPv4 address (e.g. 127.0.0.1)");
  TcpSocket socket(::socket(AF_INET, SOCK_STREAM, 0));
  if (!socket.valid()) throw std::runtime_error("OpenIGTLink server: socket(): " + errnoText());
  const int on = 1;
  ::setsockopt(socket.m_fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  if (::bind(socket.m_fd, reinterpret_cast<const sockaddr*>(&endpoint), sizeof endpoint) != 0)
    throw std::runtime_error("OpenIGTLink server: cannot listen on " + where + ": " + errnoText());
  if (::listen(socket.m_fd, backlog) != 0)
    throw std::runtime_error("OpenIGTLink server: listen() on " + where + ": " + errnoText());
  makeNonBlocking(socket.m_fd);
  return socket;
}

int TcpSocket::localPort() const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (m_fd < 0 || ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return 0;
  if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
  return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
}

TcpSocket TcpSocket::acceptClient(int timeoutMs) {
  if (!pollFor(m_fd, POLLIN, timeoutMs)) return {};
  const int fd = ::accept(m_fd, nullptr, nullptr);
  if (fd < 0) return {};
  makeNonBlocking(fd);
  setNoDelay(fd);
  return TcpSocket(fd);
}

bool TcpSocket::waitReadable(int timeoutMs) const { return pollFor(m_fd, POLLIN, timeoutMs); }

IoStatus TcpSocket::readExact(void* data, std::size_t size, int idleTimeoutMs, std::stop_token stop) {
  auto* bytes = static_cast<std::uint8_t*>(data);
  std::size_t done = 0;
  int idleMs = 0;
  while (done < size) {
    const ssize_t got = ::recv(m_fd, bytes + done, size - done, 0);
    if (got > 0) {
      done += static_cast<std::size_t>(got);
      idleMs = 0;
      continue;
    }
    if (got == 0) return IoStatus::Closed;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return IoStatus::Failed;
    if (stop.stop_requested()) return IoStatus::Stopped;
    if (idleMs >= idleTimeoutMs) return IoStatus::Timeout;
    if (!pollFor(m_fd, POLLIN, kPollSliceMs)) idleMs += kPollSliceMs;
  }
  return IoStatus::Done;
}

IoStatus TcpSocket::writeAll(const void* data, std::size_t size, int idleTimeoutMs, std::stop_token stop) {
  const auto* bytes = static_cast<const std::uint8_t*>(data);
  std::size_t done = 0;
  int idleMs = 0;
  while (done < size) {
    const ssize_t sent = ::send(m_fd, bytes + done, size - done, MSG_NOSIGNAL);
    if (sent > 0) {
      done += static_cast<std::size_t>(sent);
      idleMs = 0;
      continue;
    }
    if (sent < 0 && errno == EINTR) continue;
    if (sent < 0 && errno == EPIPE) return IoStatus::Closed;
    if (sent < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return IoStatus::Failed;
    if (stop.stop_requested()) return IoStatus::Stopped;
    if (idleMs >= idleTimeoutMs) return IoStatus::Timeout;
    if (!pollFor(m_fd, POLLOUT, kPollSliceMs)) idleMs += kPollSliceMs;
  }
  return IoStatus::Done;
}

IoStatus TcpSocket::discardIncoming() {
  std::uint8_t sink[4096];
  while (true) {
    const ssize_t got = ::recv(m_fd, sink, sizeof sink, 0);
    if (got > 0) continue;
    if (got == 0) return IoStatus::Closed;
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK ? IoStatus::Done : IoStatus::Failed;
  }
}

}  // namespace hipguide::acquisition::detail
