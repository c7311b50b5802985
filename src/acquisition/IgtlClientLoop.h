#pragma once
/// The connection life of an OpenIGTLink client, shared by the image driver (IgtlClientDriver)
/// and the pose receiver (IgtlTrackerClient): connect with a time limit, read checked messages
/// until the peer goes or the stream is lost, wait with a doubling delay, connect again.

#include "IgtlWire.h"

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>

namespace hipguide::acquisition::detail {

/// Where to connect and how patient to be. Seconds.
struct IgtlConnectPolicy {
  std::string host;
  int port = 0;
  double connectTimeoutSeconds = 2.0;
  double reconnectInitialSeconds = 0.25;  ///< First wait after a failed or lost connection...
  double reconnectMaxSeconds = 4.0;       ///< ...doubling up to this.
  std::uint64_t maxBodyBytes = 64ull << 20;
};

/// What the loop tells its owner, all on the loop's thread. Every member may be empty.
struct IgtlClientHandlers {
  std::function<void()> connected;                                 ///< A connection was made.
  std::function<void(const IgtlMessage&)> message;                 ///< A checked message arrived.
  std::function<void(RefusalReason, const std::string&)> refused;  ///< A message was refused.
  std::function<void()> poll;                                      ///< Every few ms while connected (timers).
  std::function<void()> disconnected;                              ///< A connection ended (also on stop).
  std::function<void(const std::string&)> waiting;  ///< Not connected: why, and the retry wait.
};

/// Runs until `stop` is requested. `name` starts the reasons given to `waiting` (e.g.
/// "OpenIGTLink client igtl://host:port"). A peer that sent messages resets the wait to the
/// initial one; one that hangs up at once is retried more and more slowly.
void runIgtlClientLoop(std::stop_token stop, const IgtlConnectPolicy& policy, const std::string& name,
                       const IgtlClientHandlers& handlers);

}  // namespace hipguide::acquisition::detail
