#pragma once
/// Minimal POSIX TCP sockets for OpenIGTLink: connect with a time limit, listen on a chosen
/// address, and reads and writes that a stop request can interrupt. libopenigtlink 1.11's own
/// sockets cannot do these (its ConnectToServer has no time limit, its ServerSocket binds every
/// interface), so the bytes travel here and libopenigtlink packs and checks the messages.

#include <cstddef>
#include <cstdint>
#include <stop_token>
#include <string>

namespace hipguide::acquisition::detail {

/// Outcome of a read or write.
enum class IoStatus { Done, Timeout, Closed, Failed, Stopped };

/// An owned socket descriptor (move-only), always in non-blocking mode. Not thread-safe: one
/// thread reads and writes it at a time.
class TcpSocket {
 public:
  TcpSocket() = default;
  ~TcpSocket();
  TcpSocket(TcpSocket&& other) noexcept;
  TcpSocket& operator=(TcpSocket&& other) noexcept;
  TcpSocket(const TcpSocket&) = delete;
  TcpSocket& operator=(const TcpSocket&) = delete;

  /// Connects to host:port within timeoutMs; an invalid socket and `error` set on failure.
  static TcpSocket connectTo(const std::string& host, int port, int timeoutMs, std::string& error);
  /// Listens on address:port (port 0 = a free port); throws std::runtime_error naming both.
  static TcpSocket listenOn(const std::string& address, int port, int backlog);

  bool valid() const { return m_fd >= 0; }
  void close();
  /// The local port (after listenOn or connectTo).
  int localPort() const;

  /// Waits up to timeoutMs for a pending connection; an invalid socket when none came.
  TcpSocket acceptClient(int timeoutMs);
  /// Waits up to timeoutMs until bytes can be read (or the peer closed).
  bool waitReadable(int timeoutMs) const;
  /// Reads exactly `size` bytes. Gives up with Timeout when the peer sends nothing for
  /// idleTimeoutMs in the middle of it; checks `stop` between waits.
  IoStatus readExact(void* data, std::size_t size, int idleTimeoutMs, std::stop_token stop);
  /// Writes all bytes; Timeout when the peer accepts nothing for idleTimeoutMs; checks `stop`
  /// between waits.
  IoStatus writeAll(const void* data, std::size_t size, int idleTimeoutMs, std::stop_token stop);
  /// Reads and throws away whatever the peer sent; Closed when it has hung up.
  IoStatus discardIncoming();

 private:
  explicit TcpSocket(int fd) : m_fd(fd) {}
  int m_fd = -1;
};

}  // namespace hipguide::acquisition::detail
