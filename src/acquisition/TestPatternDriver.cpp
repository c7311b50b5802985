#include <hipguide/acquisition/TestPatternDriver.h>
#include <hipguide/core/SteadyClock.h>

#include <cmath>

namespace hipguide::acquisition {

TestPatternDriver::TestPatternDriver(double framesPerSecond, int width, int height)
    : m_framesPerSecond(framesPerSecond), m_width(width), m_height(height) {}

TestPatternDriver::~TestPatternDriver() { stop(); }

void TestPatternDriver::run(std::stop_token stop) {
  setState(DriverState::Streaming);
  const std::int64_t periodNs = m_framesPerSecond > 0 ? core::secondsToNs(1.0 / m_framesPerSecond) : 0;
  std::int64_t next = core::steadyNowNs();
  for (std::uint64_t index = 0; !stop.stop_requested(); ++index) {
    publish(makeFrame(index));
    next += periodNs;
    if (periodNs > 0 && !sleepUntilNs(stop, next)) break;
  }
}

core::Frame TestPatternDriver::makeFrame(std::uint64_t index) const {
  core::Frame frame;
  frame.width = m_width;
  frame.height = m_height;
  frame.spacingMm = {0.15, 0.15};
  frame.grey.assign(static_cast<std::size_t>(m_width) * m_height, 0);
  const double apexX = m_width / 2.0;
  const double apexY = -m_height * 0.25;
  const double phase = static_cast<double>(index) * 0.05;
  const double needleAngle = core::degToRad(25.0 + 10.0 * std::sin(phase));
  for (int row = 0; row < m_height; ++row) {
    for (int column = 0; column < m_width; ++column) {
      const double dx = column - apexX;
      const double dy = row - apexY;
      const double radius = std::hypot(dx, dy);
      const double angle = std::atan2(dx, dy);
      if (std::abs(angle) > 0.6 || radius < m_height * 0.3 || radius > m_height * 1.2) continue;
      const double band = 60.0 + 40.0 * std::sin(radius * 0.08 - phase * 4.0);
      // A bright line from the upper left, like a needle entering at needleAngle.
      const double distance = std::abs(std::sin(needleAngle) * column - std::cos(needleAngle) * (row - 40));
      const double line = distance < 2.0 && column < m_width * 0.6 ? 150.0 : 0.0;
      frame.grey[static_cast<std::size_t>(row) * m_width + column] =
          static_cast<std::uint8_t>(std::min(255.0, band + line + ((column * 7 + row * 13) % 17)));
    }
  }
  return frame;
}

}  // namespace hipguide::acquisition
