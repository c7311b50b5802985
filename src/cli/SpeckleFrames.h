#pragma once
/// Synthetic B-mode-like frames for the recording and seeking benchmarks.

#include <hipguide/core/Frame.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

namespace hipguide::cli {

/// A speckle texture twice the frame height; frame i is a window into it starting 7·i rows
/// down (mod height), so consecutive frames differ without costing the producer time. zlib
/// compresses them only 1.1:1 (real B-mode compresses better), a worst case for file size.
class SpeckleFrames {
 public:
  SpeckleFrames(int width, int height) : m_width(width), m_height(height) {
    m_texture.resize(static_cast<std::size_t>(width) * height * 2);
    std::mt19937 random(42);
    std::gamma_distribution<double> speckle(2.0, 20.0);
    for (std::size_t i = 0; i < m_texture.size(); ++i) {
      const double depthGain = 1.0 + static_cast<double>(i / width % height) / 400.0;
      m_texture[i] = static_cast<std::uint8_t>(std::min(255.0, speckle(random) * depthGain));
    }
  }

  /// Frame `index` (frameId index + 1), 0.15 mm pixels, stamped `timestampNs` (device and host).
  core::FramePtr frame(std::uint64_t index, std::int64_t timestampNs) const {
    auto frame = std::make_shared<core::Frame>();
    frame->width = m_width;
    frame->height = m_height;
    frame->spacingMm = {0.15, 0.15};
    const std::size_t pixels = static_cast<std::size_t>(m_width) * m_height;
    const auto start = static_cast<std::ptrdiff_t>(index * 7 % static_cast<std::uint64_t>(m_height) *
                                                   static_cast<std::uint64_t>(m_width));
    frame->grey.assign(m_texture.begin() + start,
                       m_texture.begin() + start + static_cast<std::ptrdiff_t>(pixels));
    frame->frameId = index + 1;
    frame->deviceTimestampNs = frame->hostReceiveNs = timestampNs;
    return frame;
  }

 private:
  int m_width;
  int m_height;
  std::vector<std::uint8_t> m_texture;
};

}  // namespace hipguide::cli
