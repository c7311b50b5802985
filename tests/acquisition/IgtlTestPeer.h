#pragma once
/// Real OpenIGTLink peers for tests, built directly on libopenigtlink (as PLUS and Slicer are).

#include <igtlClientSocket.h>
#include <igtlImageMessage.h>
#include <igtlMessageHeader.h>
#include <igtlPointMessage.h>
#include <igtlPositionMessage.h>
#include <igtlServerSocket.h>
#include <igtlStringMessage.h>
#include <igtlTransformMessage.h>
#include <igtl_util.h>

#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace hipguide::test {

/// Wall-clock ns since the epoch (OpenIGTLink's clock).
inline std::int64_t wallNowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

/// Sets a message's timestamp from wall-clock ns.
inline void stamp(igtl::MessageBase& message, std::int64_t wallNs) {
  igtl::TimeStamp::Pointer timestamp = igtl::TimeStamp::New();
  timestamp->SetTime(static_cast<igtlUint32>(wallNs / 1'000'000'000),
                     static_cast<igtlUint32>(wallNs % 1'000'000'000));
  message.SetTimeStamp(timestamp);
}

/// The bytes of a packed message.
inline std::vector<std::uint8_t> bytesOf(igtl::MessageBase& message) {
  const auto* data = static_cast<const std::uint8_t*>(message.GetPackPointer());
  return {data, data + message.GetPackSize()};
}

/// An 8-bit image whose first two pixels carry `index` (low byte, high byte) and whose other
/// pixels are a gradient; spacing and orientation as given, centred at `centre`.
inline std::vector<std::uint8_t> packImage(const std::string& device, int width, int height, int index,
                                           std::int64_t wallNs, float spacingX = 0.2f, float spacingY = 0.3f,
                                           int components = 1, const float centre[3] = nullptr) {
  igtl::ImageMessage::Pointer image = igtl::ImageMessage::New();
  image->SetDimensions(width, height, 1);
  image->SetSpacing(spacingX, spacingY, 1.0f);
  image->SetScalarTypeToUint8();
  image->SetNumComponents(components);
  image->SetDeviceName(device.c_str());
  if (centre) image->SetOrigin(centre[0], centre[1], centre[2]);
  image->AllocateScalars();
  auto* pixels = static_cast<std::uint8_t*>(image->GetScalarPointer());
  const std::size_t count = static_cast<std::size_t>(width) * height * components;
  for (std::size_t i = 0; i < count; ++i) pixels[i] = static_cast<std::uint8_t>((i / components) % 251);
  pixels[0] = static_cast<std::uint8_t>(index & 0xFF);
  pixels[components] = static_cast<std::uint8_t>((index >> 8) & 0xFF);
  stamp(*image, wallNs);
  image->Pack();
  return bytesOf(*image);
}

/// A TRANSFORM that translates by (x, y, z) mm.
inline std::vector<std::uint8_t> packTranslation(const std::string& device, float x, float y, float z,
                                                 std::int64_t wallNs) {
  igtl::TransformMessage::Pointer transform = igtl::TransformMessage::New();
  transform->SetDeviceName(device.c_str());
  igtl::Matrix4x4 matrix;
  igtl::IdentityMatrix(matrix);
  matrix[0][3] = x;
  matrix[1][3] = y;
  matrix[2][3] = z;
  transform->SetMatrix(matrix);
  stamp(*transform, wallNs);
  transform->Pack();
  return bytesOf(*transform);
}

/// A TRANSFORM of a 4×4 matrix given row by row (the last row is not sent).
inline std::vector<std::uint8_t> packMatrix(const std::string& device, const double (&rowMajor)[16],
                                            std::int64_t wallNs) {
  igtl::TransformMessage::Pointer transform = igtl::TransformMessage::New();
  transform->SetDeviceName(device.c_str());
  igtl::Matrix4x4 matrix;
  for (int row = 0; row < 4; ++row)
    for (int column = 0; column < 4; ++column)
      matrix[row][column] = static_cast<float>(rowMajor[row * 4 + column]);
  transform->SetMatrix(matrix);
  stamp(*transform, wallNs);
  transform->Pack();
  return bytesOf(*transform);
}

/// A POSITION message (position and quaternion x, y, z, w).
inline std::vector<std::uint8_t> packPosition(const std::string& device, const float position[3],
                                              const float quaternion[4], std::int64_t wallNs) {
  igtl::PositionMessage::Pointer message = igtl::PositionMessage::New();
  message->SetDeviceName(device.c_str());
  message->SetPosition(position[0], position[1], position[2]);
  message->SetQuaternion(quaternion[0], quaternion[1], quaternion[2], quaternion[3]);
  stamp(*message, wallNs);
  message->Pack();
  return bytesOf(*message);
}

/// Rewrites the header's CRC after a test changed the body on purpose.
inline void fixCrc(std::vector<std::uint8_t>& message) {
  std::uint64_t crc = crc64(message.data() + 58, message.size() - 58, 0ull);
  for (int i = 7; i >= 0; --i) {
    message[50 + i] = static_cast<std::uint8_t>(crc & 0xFF);
    crc >>= 8;
  }
}

/// Sets the header's body-size field (big-endian uint64 at byte 42).
inline void setBodySizeField(std::vector<std::uint8_t>& message, std::uint64_t size) {
  for (int i = 7; i >= 0; --i) {
    message[42 + i] = static_cast<std::uint8_t>(size & 0xFF);
    size >>= 8;
  }
}

/// libopenigtlink's ServerSocket, but with SO_REUSEADDR: libopenigtlink 1.11 does not set it,
/// so a server restarted on its port would wait a minute for the old connection's TIME_WAIT.
class RebindableServerSocket : public igtl::ServerSocket {
 public:
  typedef RebindableServerSocket Self;
  typedef igtl::ServerSocket Superclass;
  typedef igtl::SmartPointer<Self> Pointer;
  igtlTypeMacro(RebindableServerSocket, igtl::ServerSocket);
  igtlNewMacro(Self);

  /// As CreateServer(), with the address reusable; 0 on success.
  int CreateRebindableServer(int port) {
    m_SocketDescriptor = CreateSocket();
    if (m_SocketDescriptor < 0) return -1;
    const int on = 1;
    setsockopt(m_SocketDescriptor, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (BindSocket(m_SocketDescriptor, port) != 0 || Listen(m_SocketDescriptor) != 0) {
      CloseSocket(m_SocketDescriptor);
      m_SocketDescriptor = -1;
      return -1;
    }
    return 0;
  }
};

/// An OpenIGTLink server on libopenigtlink's ServerSocket, with one client at a time.
class IgtlTestServer {
 public:
  /// Listens on `port` (0 = a free port, as PLATFORM.md advises). `rebindable`: can listen on
  /// the port of a server that just died (see RebindableServerSocket).
  explicit IgtlTestServer(int port = 0, bool rebindable = false) {
    if (rebindable) {
      RebindableServerSocket::Pointer server = RebindableServerSocket::New();
      m_ok = server->CreateRebindableServer(port) >= 0;
      m_server = server.GetPointer();
    } else {
      m_server = igtl::ServerSocket::New();
      m_ok = m_server->CreateServer(port) >= 0;
    }
    m_port = m_server->GetServerPort();
  }
  ~IgtlTestServer() { close(); }
  bool ok() const { return m_ok; }
  int port() const { return m_port; }

  /// Waits for the driver to connect; true when a client is connected.
  bool waitForClient(unsigned long timeoutMs) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < deadline) {
      m_client = m_server->WaitForConnection(100);
      if (m_client.IsNotNull()) return true;
    }
    return false;
  }

  bool send(const std::vector<std::uint8_t>& bytes) {
    return m_client.IsNotNull() && m_client->Send(bytes.data(), static_cast<int>(bytes.size())) == 1;
  }

  /// Closes the client connection only (the server keeps listening).
  void dropClient() {
    if (m_client.IsNotNull()) m_client->CloseSocket();
    m_client = nullptr;
  }

  /// Closes the client and the listening socket: the server is gone.
  void close() {
    dropClient();
    if (m_server.IsNotNull()) m_server->CloseSocket();
  }

 private:
  igtl::ServerSocket::Pointer m_server;
  igtl::ClientSocket::Pointer m_client;
  int m_port = 0;
  bool m_ok = false;
};

/// A libopenigtlink client that reads messages the way 3D Slicer's connector does.
class SlicerLikeClient {
 public:
  bool connect(int port) {
    m_socket = igtl::ClientSocket::New();
    return m_socket->ConnectToServer("127.0.0.1", port) == 0;
  }

  /// Reads one message; its header (type, device) and the unpacked message of that type.
  igtl::MessageBase::Pointer receive() {
    igtl::MessageHeader::Pointer header = igtl::MessageHeader::New();
    header->InitPack();
    if (m_socket->Receive(header->GetPackPointer(), header->GetPackSize()) != header->GetPackSize())
      return nullptr;
    header->Unpack();
    igtl::MessageBase::Pointer message = create(header->GetDeviceType());
    message->SetMessageHeader(header);
    message->AllocatePack();
    if (m_socket->Receive(message->GetPackBodyPointer(), message->GetPackBodySize()) !=
        message->GetPackBodySize())
      return nullptr;
    const int status = message->Unpack(1);
    return (status & igtl::MessageHeader::UNPACK_BODY) ? message : nullptr;
  }

  /// Reads until one message of each listed type arrived; keyed by type.
  std::map<std::string, igtl::MessageBase::Pointer> receiveTypes(const std::vector<std::string>& types) {
    std::map<std::string, igtl::MessageBase::Pointer> found;
    while (found.size() < types.size()) {
      igtl::MessageBase::Pointer message = receive();
      if (message.IsNull()) break;
      const std::string type = message->GetDeviceType();
      if (std::find(types.begin(), types.end(), type) != types.end()) found[type] = message;
    }
    return found;
  }

 private:
  static igtl::MessageBase::Pointer create(const std::string& type) {
    if (type == "IMAGE") return igtl::ImageMessage::New().GetPointer();
    if (type == "TRANSFORM") return igtl::TransformMessage::New().GetPointer();
    if (type == "POINT") return igtl::PointMessage::New().GetPointer();
    if (type == "STRING") return igtl::StringMessage::New().GetPointer();
    return igtl::MessageBase::New().GetPointer();
  }
  igtl::ClientSocket::Pointer m_socket;
};

}  // namespace hipguide::test
