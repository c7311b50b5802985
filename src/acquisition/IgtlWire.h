#pragma once
/// Reading OpenIGTLink messages off a socket without trusting the sender: every header is
/// checked (version, type, body size against a limit) and every body's CRC-64 is verified with
/// libopenigtlink before anything else looks at it. Also the protocol's timestamp format.

#include "IgtlTcp.h"

#include <cstdint>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

namespace hipguide::acquisition::detail {

/// Why a message was refused.
enum class RefusalReason { BadCrc, ImpossibleSize, Oversized, Unsupported, Malformed };
std::string_view toString(RefusalReason reason);

/// One checked message; header fields in host byte order.
struct IgtlMessage {
  std::string type;                  ///< e.g. "IMAGE", "TRANSFORM".
  std::string deviceName;            ///< e.g. "Image_Reference".
  std::int64_t timestampWallNs = 0;  ///< Sender's wall-clock time (Unix epoch), 0 when unset.
  std::vector<std::uint8_t> body;    ///< Reused between reads; never larger than the limit.
};

/// What read() found.
struct ReadResult {
  enum class Kind { Message, Refused, Disconnected };
  Kind kind = Kind::Message;
  RefusalReason reason = RefusalReason::Malformed;  ///< With Refused.
  bool streamLost = false;                          ///< With Refused: message boundaries are lost, reconnect.
  std::string detail;                               ///< Human-readable, names the field and the value.
};

/// Reads one message at a time from a connected socket (on the driver's thread).
class IgtlMessageReader {
 public:
  /// maxBodyBytes: larger bodies are skipped in small chunks and refused; bodies beyond
  /// kImpossibleBodyBytes cannot be skipped in reasonable time and end the connection.
  explicit IgtlMessageReader(std::uint64_t maxBodyBytes) : m_maxBodyBytes(maxBodyBytes) {}
  /// Waits for the whole message (the caller waits for readability first).
  ReadResult read(TcpSocket& socket, std::stop_token stop, IgtlMessage& message);

  static constexpr std::uint64_t kImpossibleBodyBytes = 1ull << 30;
  static constexpr int kMidMessageTimeoutMs = 3000;  ///< A sender silent this long mid-message is gone.

 private:
  ReadResult skipBody(TcpSocket& socket, std::stop_token stop, std::uint64_t size);
  std::uint64_t m_maxBodyBytes;
};

/// Wall-clock time now in ns since the Unix epoch (OpenIGTLink timestamps use this clock).
std::int64_t wallClockNowNs();
/// An OpenIGTLink timestamp (32-bit seconds, 32-bit fraction) in ns since the epoch.
std::int64_t igtlTimestampToNs(std::uint64_t timestamp);
/// ns since the epoch as OpenIGTLink seconds and fraction.
void nsToIgtlSecondsAndFraction(std::int64_t wallNs, std::uint32_t& seconds, std::uint32_t& fraction);

}  // namespace hipguide::acquisition::detail
