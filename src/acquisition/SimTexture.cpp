#include "SimTexture.h"

#include "SimRandom.h"

#include <algorithm>
#include <cmath>

namespace hipguide::acquisition::sim {
namespace {

/// Layered texture of one tissue kind (mm). Between consecutive layer boundaries (spacing) lies
/// one septum at a random offset, so septa are irregularly spaced (0.3-1.7 × spacing); a septum
/// shows only in some cells (presence), each cell with its own brightness, so septa break into
/// segments of varying length and brightness; the tissue between septa varies per layer.
struct LayerTexture {
  float spacingMm;
  float halfThicknessMm;
  float warpMm;           ///< Amplitude of the layers' waviness.
  float segmentAcrossMm;  ///< Cell size across the limb (LPS x, y).
  float segmentAlongMm;   ///< Cell size along the limb (LPS z): septa run along the fibres.
  float presence;         ///< Share of cells where a septum shows.
  float septumGain;       ///< Peak amplitude added by a septum of full brightness.
  float backgroundLow, backgroundHigh;
  float perSpacing = 1.0f / spacingMm;  ///< Reciprocals, for the per-sample loop.
  float perSegmentAcross = 1.0f / segmentAcrossMm;
  float perSegmentAlong = 1.0f / segmentAlongMm;
};

// Muscle in long axis: dark fascicles between bright perimysial septa 1-4 mm apart; fat:
// hypoechoic lobules with sparse, more oblique septa; fibrous tissue: fibrils below resolution.
constexpr LayerTexture kMuscle{2.8f, 0.25f, 1.0f, 4.0f, 9.0f, 0.65f, 7.0f, 0.25f, 0.65f};
constexpr LayerTexture kFat{4.0f, 0.22f, 2.5f, 3.0f, 6.0f, 0.5f, 8.0f, 0.60f, 1.00f};
constexpr LayerTexture kFibrous{0.5f, 0.07f, 0.3f, 2.0f, 6.0f, 0.85f, 1.5f, 0.80f, 1.10f};

/// Samples between evaluations of the (slowly varying) layer coordinate along a ray.
constexpr int kCoarse = 8;
/// Body voxels are counted on every kCentroidStride-th voxel along each axis.
constexpr int kCentroidStride = 4;

/// Uniform [0, 1) from 24 bits of a hash.
inline float unit(std::uint32_t hash) { return static_cast<float>(hash >> 8) * (1.0f / 16777216.0f); }

const LayerTexture& layerTexture(TissueTexture texture) {
  switch (texture) {
    case TissueTexture::Muscle: return kMuscle;
    case TissueTexture::Fat: return kFat;
    default: return kFibrous;
  }
}

}  // namespace

TextureField TextureField::forVolume(const anatomy::LabelVolume& volume, std::uint32_t seed,
                                     double contrast) {
  double sumX = 0.0, sumY = 0.0;
  std::size_t count = 0;
  for (int k = 0; k < volume.size[2]; k += kCentroidStride)
    for (int j = 0; j < volume.size[1]; j += kCentroidStride)
      for (int i = 0; i < volume.size[0]; i += kCentroidStride) {
        if (volume.labels[volume.index(i, j, k)] == 0) continue;
        const core::Vec3 point = volume.indexToPhysical(core::Vec3(i, j, k));
        sumX += point.x();
        sumY += point.y();
        ++count;
      }
  TextureField field;
  if (count > 0) field.axisMm = {sumX / count, sumY / count};
  field.seed = mix32(seed ^ 0x7f4a7c15U);
  field.contrast = static_cast<float>(std::clamp(contrast, 0.0, 4.0));
  std::uint32_t state = field.seed;
  const auto next = [&state] {
    state = mix32(state + 0x9e3779b9U);
    return unit(state);
  };
  for (Wave& wave : field.waves) {
    // Wavelengths 15-45 mm, mostly along the limb (z) so the layers undulate along the fibres.
    const float wavelengthMm = 15.0f + 30.0f * next();
    const float azimuth = 6.2831853f * next();
    const float along = 0.5f + 0.5f * next();
    const float across = std::sqrt(1.0f - along * along);
    const float k = 6.2831853f / wavelengthMm;
    wave = {k * across * std::cos(azimuth), k * across * std::sin(azimuth), k * along, 6.2831853f * next()};
  }
  return field;
}

float TextureField::radiusMm(float x, float y) const {
  return std::hypot(x - static_cast<float>(axisMm.x()), y - static_cast<float>(axisMm.y()));
}

float TextureField::warp(float x, float y, float z) const {
  float sum = 0.0f;
  for (const Wave& wave : waves) sum += std::sin(wave.kx * x + wave.ky * y + wave.kz * z + wave.phase);
  return sum * (1.0f / static_cast<float>(waves.size()));
}

TextureRay::TextureRay(const TextureField& field, const core::Vec3& startMm, const core::Vec3& stepMm,
                       int samples)
    : m_field(&field),
      m_x(static_cast<float>(startMm.x())),
      m_y(static_cast<float>(startMm.y())),
      m_z(static_cast<float>(startMm.z())),
      m_dx(static_cast<float>(stepMm.x())),
      m_dy(static_cast<float>(stepMm.y())),
      m_dz(static_cast<float>(stepMm.z())) {
  const int points = samples / kCoarse + 2;
  m_radius.resize(static_cast<std::size_t>(points));
  m_warp.resize(static_cast<std::size_t>(points));
  for (int point = 0; point < points; ++point) {
    const float t = static_cast<float>(point * kCoarse);
    const float x = m_x + t * m_dx, y = m_y + t * m_dy, z = m_z + t * m_dz;
    m_radius[static_cast<std::size_t>(point)] = field.radiusMm(x, y);
    m_warp[static_cast<std::size_t>(point)] = field.warp(x, y, z);
  }
}

float TextureRay::gain(TissueTexture texture, int t) {
  if (texture == TissueTexture::None) return 1.0f;
  const LayerTexture& layer = layerTexture(texture);
  const float coarse = static_cast<float>(t) * (1.0f / kCoarse);
  const int index = std::min(static_cast<int>(coarse), static_cast<int>(m_radius.size()) - 2);
  const float fraction = coarse - static_cast<float>(index);
  const auto at = [index, fraction](const std::vector<float>& values) {
    const auto i = static_cast<std::size_t>(index);
    return values[i] + fraction * (values[i + 1] - values[i]);
  };
  const float layerMm = at(m_radius) + layer.warpMm * at(m_warp);
  const float position = layerMm * layer.perSpacing;
  const std::int32_t k = floorToInt(position);
  const std::uint32_t seed = m_field->seed + static_cast<std::uint32_t>(texture) * 0x632be5abU;
  const float contrast = m_field->contrast;
  if (k != m_layer || texture != m_layerTexture) {  // The layer changes rarely along a ray.
    const float background =
        layer.backgroundLow + (layer.backgroundHigh - layer.backgroundLow) * unit(hashCell(k, 0, 0, seed));
    m_layer = k;
    m_layerTexture = texture;
    m_layerBase = 1.0f + contrast * (background - 1.0f);
  }
  const float base = m_layerBase;
  // Each cell of the layer places its septum segment at its own depth in the layer: segments
  // of neighbouring cells are staggered, not one continuous line.
  const float fs = static_cast<float>(t);
  const std::uint32_t cellHash = hashCell(floorToInt((m_x + fs * m_dx) * layer.perSegmentAcross) ^
                                              static_cast<int>(static_cast<std::uint32_t>(k) * 0x3c6ef372U),
                                          floorToInt((m_y + fs * m_dy) * layer.perSegmentAcross),
                                          floorToInt((m_z + fs * m_dz) * layer.perSegmentAlong), seed);
  const float septumAt = static_cast<float>(k) + 0.15f + 0.7f * unit(cellHash);
  const float distanceMm = std::abs(position - septumAt) * layer.spacingMm;
  const std::uint32_t looks = mix32(cellHash);
  // Septa differ in thickness (0.5-1.5 × the nominal) and brightness (0.3-1).
  const float halfThicknessMm = layer.halfThicknessMm * (0.5f + unit(looks ^ 0x55555555U));
  if (distanceMm >= halfThicknessMm || unit(looks) >= layer.presence) return base;
  const float brightness = 0.3f + 0.7f * unit(mix32(looks));
  return base + contrast * layer.septumGain * brightness * (1.0f - distanceMm / halfThicknessMm);
}

}  // namespace hipguide::acquisition::sim
