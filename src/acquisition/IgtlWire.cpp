#include "IgtlWire.h"

#include <igtl_header.h>
#include <igtl_util.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>

namespace hipguide::acquisition::detail {
namespace {

/// A fixed-size field that may lack its terminating NUL.
std::string fieldText(const char* field, std::size_t size) {
  return std::string(field, strnlen(field, size));
}

/// Type names are upper-case ASCII letters, digits and '_' (GET_IMAGE, STT_TDATA, ...).
bool plausibleType(const std::string& type) {
  if (type.empty()) return false;
  return std::all_of(type.begin(), type.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; });
}

ReadResult disconnected(IoStatus status, std::string_view what) {
  ReadResult result;
  result.kind = ReadResult::Kind::Disconnected;
  switch (status) {
    case IoStatus::Closed: result.detail = "server closed the connection"; break;
    case IoStatus::Timeout: result.detail = "server went silent in the middle of " + std::string(what); break;
    case IoStatus::Stopped: result.detail = "stopped"; break;
    default: result.detail = "read error while receiving " + std::string(what); break;
  }
  return result;
}

ReadResult refused(RefusalReason reason, bool streamLost, std::string detail) {
  return {ReadResult::Kind::Refused, reason, streamLost, std::move(detail)};
}

}  // namespace

std::string_view toString(RefusalReason reason) {
  switch (reason) {
    case RefusalReason::BadCrc: return "bad CRC";
    case RefusalReason::ImpossibleSize: return "impossible size";
    case RefusalReason::Oversized: return "body over the size limit";
    case RefusalReason::Unsupported: return "unsupported";
    case RefusalReason::Malformed: return "malformed";
  }
  return "unknown";
}

ReadResult IgtlMessageReader::read(TcpSocket& socket, std::stop_token stop, IgtlMessage& message) {
  igtl_header header{};
  static_assert(sizeof header == IGTL_HEADER_SIZE);
  if (const IoStatus status = socket.readExact(&header, sizeof header, kMidMessageTimeoutMs, stop);
      status != IoStatus::Done)
    return disconnected(status, "a header");
  igtl_header_convert_byte_order(&header);
  message.type = fieldText(header.name, sizeof header.name);
  message.deviceName = fieldText(header.device_name, sizeof header.device_name);
  const std::string where = "'" + message.type + "' message from '" + message.deviceName + "'";
  if ((header.version != 1 && header.version != 2) || !plausibleType(message.type))
    return refused(RefusalReason::ImpossibleSize, true,
                   "not an OpenIGTLink header (version " + std::to_string(header.version) + ", type '" +
                       message.type + "'); the byte stream is out of step");
  if (header.body_size > kImpossibleBodyBytes)
    return refused(RefusalReason::ImpossibleSize, true,
                   where + " announces a body of " + std::to_string(header.body_size) + " bytes");
  if (header.body_size > m_maxBodyBytes) {
    if (ReadResult skipped = skipBody(socket, stop, header.body_size);
        skipped.kind != ReadResult::Kind::Message)
      return skipped;
    return refused(RefusalReason::Oversized, false,
                   where + " body of " + std::to_string(header.body_size) + " bytes is over the limit of " +
                       std::to_string(m_maxBodyBytes));
  }
  message.body.resize(header.body_size);
  if (const IoStatus status =
          socket.readExact(message.body.data(), message.body.size(), kMidMessageTimeoutMs, stop);
      status != IoStatus::Done)
    return disconnected(status, "a message body");
  if (header.version != 1)
    return refused(RefusalReason::Unsupported, false,
                   where + " uses header version " + std::to_string(header.version) +
                       "; HipGuide speaks version 1 (set the sender to header version 1)");
  const igtl_uint64 crc = crc64(message.body.data(), message.body.size(), 0ull);
  if (crc != header.crc) return refused(RefusalReason::BadCrc, false, where + " failed its CRC-64 check");
  message.timestampWallNs = igtlTimestampToNs(header.timestamp);
  return ReadResult{};
}

ReadResult IgtlMessageReader::skipBody(TcpSocket& socket, std::stop_token stop, std::uint64_t size) {
  std::array<std::uint8_t, 64 * 1024> sink{};
  while (size > 0) {
    const std::size_t chunk = static_cast<std::size_t>(std::min<std::uint64_t>(size, sink.size()));
    if (const IoStatus status = socket.readExact(sink.data(), chunk, kMidMessageTimeoutMs, stop);
        status != IoStatus::Done)
      return disconnected(status, "an oversized body");
    size -= chunk;
  }
  return ReadResult{};
}

std::int64_t wallClockNowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::int64_t igtlTimestampToNs(std::uint64_t timestamp) {
  const std::uint64_t seconds = timestamp >> 32;
  const std::uint64_t fraction = timestamp & 0xFFFFFFFFull;
  return static_cast<std::int64_t>(seconds * 1'000'000'000ull + ((fraction * 1'000'000'000ull) >> 32));
}

void nsToIgtlSecondsAndFraction(std::int64_t wallNs, std::uint32_t& seconds, std::uint32_t& fraction) {
  const auto ns = static_cast<std::uint64_t>(std::max<std::int64_t>(0, wallNs));
  seconds = static_cast<std::uint32_t>(ns / 1'000'000'000ull);
  fraction = static_cast<std::uint32_t>(((ns % 1'000'000'000ull) << 32) / 1'000'000'000ull);
}

}  // namespace hipguide::acquisition::detail
