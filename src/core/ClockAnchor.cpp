#include <hipguide/core/ClockAnchor.h>

namespace hipguide::core {

std::optional<std::int64_t> ClockAnchor::toHostNs(std::int64_t deviceNs, std::int64_t hostReceiveNs) {
  if (!m_deviceAtFirstNs) {
    m_deviceAtFirstNs = deviceNs;
    m_hostAtFirstNs = hostReceiveNs;
    m_lastDeviceNs = deviceNs;
    return hostReceiveNs;
  }
  if (deviceNs < m_lastDeviceNs) {
    ++m_refused;
    return std::nullopt;
  }
  m_lastDeviceNs = deviceNs;
  return m_hostAtFirstNs + (deviceNs - *m_deviceAtFirstNs);
}

void ClockAnchor::reset() { m_deviceAtFirstNs.reset(); }

}  // namespace hipguide::core
