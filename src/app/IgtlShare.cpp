#include <hipguide/acquisition/IgtlServer.h>
#include <hipguide/app/IgtlShare.h>

namespace hipguide::app {

IgtlShare::IgtlShare() = default;
IgtlShare::~IgtlShare() = default;

bool IgtlShare::start(int port, const QString& bindAddress, QString* error) {
  acquisition::IgtlServerSettings settings;
  settings.port = port;
  settings.bindAddress = bindAddress.toStdString();
  try {
    m_server = std::make_unique<acquisition::IgtlServer>(settings);
  } catch (const std::exception& failure) {
    if (error) *error = QString::fromStdString(failure.what());
    return false;
  }
  return true;
}

void IgtlShare::stop() { m_server.reset(); }

int IgtlShare::port() const { return m_server ? m_server->port() : 0; }

void IgtlShare::publish(const guidance::GuidedFrame& guided) {
  if (!m_server || !guided.frame) return;
  const core::Frame& frame = *guided.frame;
  m_server->publishFrame(frame);
  const guidance::GuidanceState& state = guided.guidance;
  if (!state.estimate.detected) return;
  m_server->publishNeedle(state.estimate, frame);
  if (state.path)
    m_server->publishPath({core::Vec3(state.path->startImageMm.x(), state.path->startImageMm.y(), 0.0),
                           core::Vec3(state.path->endImageMm.x(), state.path->endImageMm.y(), 0.0)},
                          frame);
}

void IgtlShare::publishStatus(const QString& text) {
  if (m_server) m_server->publishStatus(text.toStdString());
}

QString IgtlShare::summary() const {
  if (!m_server) return {};
  return QStringLiteral("sharing on %1:%2, %3 client(s)")
      .arg(QString::fromStdString(m_server->settings().bindAddress))
      .arg(m_server->port())
      .arg(m_server->stats().clients);
}

}  // namespace hipguide::app
