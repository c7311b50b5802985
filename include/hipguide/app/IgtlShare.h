#pragma once
/// Shares what the workstation sees over OpenIGTLink (image, needle tip, predicted path,
/// status), so that 3D Slicer users follow the procedure live.

#include <hipguide/guidance/GuidancePipeline.h>

#include <QString>

#include <memory>

namespace hipguide::acquisition {
class IgtlServer;
}

namespace hipguide::app {

/// Owns the OpenIGTLink server while sharing is on. GUI thread; publishing never waits for a
/// client (the server's per-client latest-wins slots absorb slow clients).
class IgtlShare {
 public:
  IgtlShare();
  ~IgtlShare();

  /// Starts listening on `bindAddress:port` (port 0 = any free port). False with the reason in
  /// `error` when the port cannot be opened (e.g. in use).
  bool start(int port, const QString& bindAddress, QString* error);
  void stop();
  bool active() const { return m_server != nullptr; }
  /// The port listened on, 0 when not sharing.
  int port() const;

  /// Sends the frame, and the needle and its predicted path when the tracker found it.
  void publish(const guidance::GuidedFrame& guided);
  /// Sends a status line (source state, tracking) to the clients.
  void publishStatus(const QString& text);
  /// "sharing on 127.0.0.1:18944, 2 clients" or empty when not sharing.
  QString summary() const;

 private:
  std::unique_ptr<acquisition::IgtlServer> m_server;
};

}  // namespace hipguide::app
