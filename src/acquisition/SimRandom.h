#pragma once
/// Deterministic hashing and Gaussian tables for the simulator's scatterers and noise.

#include <array>
#include <cmath>
#include <cstdint>

namespace hipguide::acquisition::sim {

/// Mixes a 32-bit value (the murmur3 finaliser).
inline std::uint32_t mix32(std::uint32_t h) {
  h ^= h >> 16;
  h *= 0x85ebca6bU;
  h ^= h >> 13;
  h *= 0xc2b2ae35U;
  h ^= h >> 16;
  return h;
}

/// Hash of an integer 3D cell and a seed; uniform over 32 bits.
inline std::uint32_t hashCell(std::int32_t x, std::int32_t y, std::int32_t z, std::uint32_t seed) {
  const std::uint32_t h = static_cast<std::uint32_t>(x) * 0x8da6b343U +
                          static_cast<std::uint32_t>(y) * 0xd8163841U +
                          static_cast<std::uint32_t>(z) * 0xcb1ab31fU + seed * 0x9e3779b9U;
  return mix32(h ^ (h >> 15) * 0x2c1b3c6dU);
}

/// Floor of a float as int, fast for the ray march.
inline std::int32_t floorToInt(float value) {
  const auto truncated = static_cast<std::int32_t>(value);
  return truncated - (value < static_cast<float>(truncated) ? 1 : 0);
}

/// A fixed table of independent complex Gaussian values (each part N(0, 1/2), so E|z|² = 1),
/// indexed by hash bits. Identical on every platform (own generator).
class GaussianTable {
 public:
  static constexpr std::uint32_t kSize = 4096;
  static constexpr std::uint32_t kMask = kSize - 1;

  GaussianTable() {
    std::uint32_t state = 0x12345678U;
    const auto uniform = [&state] {
      state = mix32(state + 0x9e3779b9U);
      return (static_cast<double>(state) + 0.5) / 4294967296.0;
    };
    for (std::uint32_t index = 0; index < kSize; ++index) {
      const double radius = std::sqrt(-std::log(uniform()));  // Rayleigh with E r² = 1.
      const double phase = 2.0 * 3.14159265358979323846 * uniform();
      m_re[index] = static_cast<float>(radius * std::cos(phase));
      m_im[index] = static_cast<float>(radius * std::sin(phase));
    }
  }
  float re(std::uint32_t hash) const { return m_re[hash & kMask]; }
  float im(std::uint32_t hash) const { return m_im[hash & kMask]; }

 private:
  std::array<float, kSize> m_re{};
  std::array<float, kSize> m_im{};
};

/// The shared table (built once, thread-safe).
inline const GaussianTable& gaussianTable() {
  static const GaussianTable table;
  return table;
}

}  // namespace hipguide::acquisition::sim
