#include "IgtlClientLoop.h"

#include "IgtlTcp.h"
#include "StopSleep.h"

#include <hipguide/core/Logging.h>
#include <hipguide/core/SteadyClock.h>

#include <algorithm>
#include <cstdio>

namespace hipguide::acquisition::detail {
namespace {

constexpr int kPollMs = 5;  ///< How often the receive loop looks at its owner's timers.

std::string secondsText(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", seconds);
  return text;
}

/// Reads messages until the peer goes, the stream is lost or stop is requested; why it ended.
/// `talked` becomes true when at least one message passed the checks.
std::string receiveMessages(TcpSocket& socket, std::stop_token stop, std::uint64_t maxBodyBytes,
                            const IgtlClientHandlers& handlers, bool& talked) {
  IgtlMessageReader reader(maxBodyBytes);
  IgtlMessage message;
  std::string ended = "stopped";
  while (!stop.stop_requested()) {
    if (socket.waitReadable(kPollMs)) {
      const ReadResult result = reader.read(socket, stop, message);
      if (result.kind == ReadResult::Kind::Disconnected) {
        ended = result.detail;
        break;
      }
      if (result.kind == ReadResult::Kind::Refused) {
        if (handlers.refused) handlers.refused(result.reason, result.detail);
        if (result.streamLost) {
          ended = "connection reset after " + result.detail;
          break;
        }
      } else {
        talked = true;
        if (handlers.message) handlers.message(message);
      }
    }
    if (handlers.poll) handlers.poll();
  }
  return ended;
}

}  // namespace

void runIgtlClientLoop(std::stop_token stop, const IgtlConnectPolicy& policy, const std::string& name,
                       const IgtlClientHandlers& handlers) {
  const auto log = core::logger("acquisition");
  double waitSeconds = policy.reconnectInitialSeconds;
  while (!stop.stop_requested()) {
    std::string why;
    TcpSocket socket = TcpSocket::connectTo(policy.host, policy.port,
                                            static_cast<int>(policy.connectTimeoutSeconds * 1000), why);
    if (socket.valid()) {
      log->info("{}: connected", name);
      if (handlers.connected) handlers.connected();
      bool talked = false;
      why = receiveMessages(socket, stop, policy.maxBodyBytes, handlers, talked);
      if (handlers.disconnected) handlers.disconnected();
      if (stop.stop_requested()) break;
      // A server that talked resets the wait; one that hangs up at once is retried slowly.
      if (talked) waitSeconds = policy.reconnectInitialSeconds;
    }
    const std::string reason = name + ": " + why + "; retrying in " + secondsText(waitSeconds);
    log->warn("{}", reason);
    if (handlers.waiting) handlers.waiting(reason);
    if (!sleepUntilSteadyNs(stop, core::steadyNowNs() + core::secondsToNs(waitSeconds))) break;
    waitSeconds = std::min(waitSeconds * 2.0, policy.reconnectMaxSeconds);
  }
}

}  // namespace hipguide::acquisition::detail
