#pragma once
/// HipGuide's OpenIGTLink output: what the workstation sees, for 3D Slicer (SlicerOpenIGTLink).

#include <hipguide/core/Frame.h>
#include <hipguide/core/NeedleEstimate.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace hipguide::acquisition {

/// Where the server listens and what its messages are called (device names: at most 20 chars).
struct IgtlServerSettings {
  std::string bindAddress = "127.0.0.1";        ///< Loopback only by default; "0.0.0.0" for every interface.
  int port = 18944;                             ///< 0 = any free port (ask IgtlServer::port()).
  std::size_t maxClients = 8;                   ///< Further connections are closed at once and counted.
  double sendTimeoutSeconds = 2.0;              ///< A client that takes nothing for this long is dropped.
  std::string imageDevice = "Image";            ///< IMAGE: the current B-mode frame.
  std::string needleDevice = "NeedleTip";       ///< TRANSFORM: needle tip, x axis along the shaft.
  std::string pathDevice = "PredictedPath";     ///< POINT: the predicted needle path.
  std::string statusDevice = "HipGuideStatus";  ///< STRING: source and tracking status.
};

/// Counters of the server (a snapshot).
struct IgtlServerStats {
  std::size_t clients = 0;  ///< Connected now.
  std::uint64_t clientsAccepted = 0;
  std::uint64_t clientsRefused = 0;   ///< Over maxClients.
  std::uint64_t clientsDropped = 0;   ///< Hung up, or stopped taking data for sendTimeoutSeconds.
  std::uint64_t messagesSent = 0;     ///< Summed over clients.
  std::uint64_t messagesSkipped = 0;  ///< Replaced by a newer one before a slow client took it.
};

/// Streams the current image, needle, predicted path and status to any number of OpenIGTLink
/// clients (header version 1). Coordinates: when the frame has imageToReference the output is
/// in reference mm, otherwise in image mm (x right, y down from the first pixel's centre, z out
/// of the plane); the IMAGE message carries the same transform, so Slicer shows all in place.
///
/// Threads: the publish* functions may be called from any thread; they pack each message once
/// and hand it to every client's own sender thread through a latest-wins slot per message kind,
/// so a slow or stalled client skips old messages and never delays the caller. An accept thread
/// takes new clients. Construction listens (throws std::runtime_error naming address and port
/// when it cannot); destruction closes every connection and joins the threads.
class IgtlServer {
 public:
  explicit IgtlServer(IgtlServerSettings settings);
  ~IgtlServer();
  IgtlServer(const IgtlServer&) = delete;
  IgtlServer& operator=(const IgtlServer&) = delete;

  /// The port listened on (the chosen one when settings.port was 0).
  int port() const;
  const IgtlServerSettings& settings() const;

  /// Sends the frame's grey image with its spacing and transform (skipped while no client).
  void publishFrame(const core::Frame& frame);
  /// Sends the needle tip as a TRANSFORM (translation = tip; x axis = entry→tip direction, z axis
  /// = image normal). `frame` is the frame the estimate came from. Nothing is sent when the
  /// needle was not detected: the status says so.
  void publishNeedle(const core::NeedleEstimate& estimate, const core::Frame& frame);
  /// Sends a predicted path, points in image mm of `frame`, as POINT elements.
  void publishPath(const std::vector<core::Vec3>& pointsImageMm, const core::Frame& frame);
  /// Sends a short status text as a STRING.
  void publishStatus(const std::string& text);

  IgtlServerStats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace hipguide::acquisition
