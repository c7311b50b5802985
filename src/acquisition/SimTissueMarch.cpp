#include "SimTissueMarch.h"

#include "SimBoundary.h"
#include "SimRandom.h"
#include "SimTexture.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace hipguide::acquisition::sim {
namespace {

/// Strength of a specular echo relative to diffuse backscatter of 1.
constexpr float kSpecularGain = 10.0f;
/// Scatterer cells in the slice thickness behind each sampled cell (the beam integrates them).
constexpr double kCellsPerSlice = 5.0;
/// Boundaries at least this reflective (bone, capsule, skin) show as outlines: their surface is
/// fitted across the voxel staircase (fascia between muscles keep the cheaper refinement).
constexpr float kOutlineReflectivity = 0.3f;
/// Farthest the skin may lie below the face and still be pressed against it.
constexpr double kMaxContactMm = 10.0;

/// Per-label constants for one frame (depend on frequency and sample spacing).
struct LabelConstants {
  std::array<float, 256> amplitude{};
  std::array<std::uint32_t, 256> densityThreshold{};  ///< Of 2^20.
  std::array<float, 256> attenuationPerSample{};      ///< Two-way amplitude factor per sample.
  std::array<float, 256> specular{};
  std::array<TissueTexture, 256> texture{};
};

LabelConstants labelConstants(const AcousticMap& acoustics, const ScanGeometry& geometry) {
  LabelConstants constants;
  const double frequencyMHz = geometry.model().centreFrequencyMHz;
  const double sampleCm = geometry.sampleSpacingMm() / 10.0;
  for (std::size_t label = 0; label < 256; ++label) {
    const anatomy::AcousticProperties& p = acoustics[label].properties;
    constants.amplitude[label] = static_cast<float>(std::clamp(p.backscatter, 0.0, 4.0));
    // A sampled cell echoes when any of the cells across the slice holds a scatterer.
    const double density = 1.0 - std::pow(1.0 - std::clamp(p.scattererDensity, 0.0, 1.0), kCellsPerSlice);
    constants.densityThreshold[label] = static_cast<std::uint32_t>(density * (1u << 20));
    const double lossDb = 2.0 * std::max(0.0, p.attenuationDbPerCmMHz) * frequencyMHz * sampleCm;
    constants.attenuationPerSample[label] = static_cast<float>(std::pow(10.0, -lossDb / 20.0));
    constants.specular[label] = static_cast<float>(std::clamp(p.specularReflectivity, 0.0, 1.0));
    constants.texture[label] = acoustics[label].texture;
  }
  return constants;
}

/// A point moving along a scanline, in float for the per-sample loop.
struct FloatRay {
  float x, y, z, dx, dy, dz;
  FloatRay(const core::Vec3& start, const core::Vec3& step)
      : x(static_cast<float>(start.x())),
        y(static_cast<float>(start.y())),
        z(static_cast<float>(start.z())),
        dx(static_cast<float>(step.x())),
        dy(static_cast<float>(step.y())),
        dz(static_cast<float>(step.z())) {}
  std::uint32_t hashAt(int s, std::uint32_t seed) const {
    const float fs = static_cast<float>(s);
    return hashCell(floorToInt(x + fs * dx), floorToInt(y + fs * dy), floorToInt(z + fs * dz), seed);
  }
};

/// One scanline's march state in voxel-index, scatterer-cell and reference-mm coordinates.
struct RayCoordinates {
  core::Vec3 startIndex, stepIndex;
  core::Vec3 startCell, stepCell;
  core::Vec3 startMm, stepMm;
  core::Vec3 direction;
};

RayCoordinates rayCoordinates(const anatomy::LabelVolume& volume, const MarchSetup& setup, int line) {
  const ScanGeometry& geometry = *setup.geometry;
  const double dr = geometry.sampleSpacingMm();
  const core::Vec2 origin = geometry.lineOrigin(line);
  const core::Vec2 direction = geometry.lineDirection(line);
  const core::Vec3 originRef = setup.probeToReference * core::Vec3{origin.x(), origin.y(), 0.0};
  const core::Vec3 directionRef =
      setup.probeToReference.linear() * core::Vec3{direction.x(), direction.y(), 0.0};
  RayCoordinates ray;
  ray.direction = directionRef;
  ray.startIndex = volume.physicalToIndex(originRef);
  ray.stepIndex = volume.physicalToIndex(originRef + dr * directionRef) - ray.startIndex;
  ray.startCell = originRef / setup.scattererCellMm;
  ray.stepCell = directionRef * (dr / setup.scattererCellMm);
  ray.startMm = originRef;
  ray.stepMm = directionRef * dr;
  return ray;
}

/// Nearest-voxel label along a ray, 0 outside the grid; optionally at a random sub-voxel offset.
class LabelSampler {
 public:
  LabelSampler(const anatomy::LabelVolume& volume, const RayCoordinates& ray)
      : m_labels(volume.labels.data()),
        m_ray(ray.startIndex, ray.stepIndex),
        m_nx(volume.size[0]),
        m_ny(volume.size[1]),
        m_nz(volume.size[2]) {}
  std::uint8_t at(int s) const { return atOffset(s, 0.5f, 0.5f, 0.5f); }
  /// The label at a uniformly random point of the voxel-sized box around sample s, drawn from
  /// `hash`: averaged over the scatterers, tissue fractions then follow the smooth (partial
  /// volume) boundary instead of the voxel staircase.
  std::uint8_t atJittered(int s, std::uint32_t hash) const {
    constexpr float kUnit = 1.0f / 1024.0f;
    return atOffset(s, static_cast<float>(hash & 1023u) * kUnit,
                    static_cast<float>((hash >> 10) & 1023u) * kUnit,
                    static_cast<float>((hash >> 20) & 1023u) * kUnit);
  }

 private:
  std::uint8_t atOffset(int s, float ox, float oy, float oz) const {
    const float fs = static_cast<float>(s);
    // +0.5 then truncation rounds to nearest for the in-range (non-negative) values.
    const float x = m_ray.x + fs * m_ray.dx + ox, y = m_ray.y + fs * m_ray.dy + oy,
                z = m_ray.z + fs * m_ray.dz + oz;
    if (!(x >= 0.0f && y >= 0.0f && z >= 0.0f)) return 0;
    const int i = static_cast<int>(x), j = static_cast<int>(y), k = static_cast<int>(z);
    if (i >= m_nx || j >= m_ny || k >= m_nz) return 0;
    return m_labels[(static_cast<std::size_t>(k) * m_ny + j) * m_nx + i];
  }

  const std::uint8_t* m_labels;
  FloatRay m_ray;
  int m_nx, m_ny, m_nz;
};

/// First sample (within kMaxContactMm) where the line meets the body: the skin is pressed
/// against the probe face, so the line's tissue starts there (0 when the face is on the skin).
int contactOffset(const LabelSampler& labels, int samples, double sampleSpacingMm) {
  const int limit = std::min(samples, static_cast<int>(kMaxContactMm / sampleSpacingMm));
  for (int s = 0; s < limit; ++s)
    if (labels.at(s) != 0) return s;
  return 0;
}

void marchLine(const anatomy::LabelVolume& volume, const LabelConstants& constants, const MarchSetup& setup,
               int line, EchoField& field) {
  const GaussianTable& table = gaussianTable();
  const RayCoordinates ray = rayCoordinates(volume, setup, line);
  const LabelSampler labels(volume, ray);
  const int offset = contactOffset(labels, field.samples, setup.geometry->sampleSpacingMm());
  field.contactOffset[static_cast<std::size_t>(line)] = offset;
  const FloatRay cells(ray.startCell, ray.stepCell);
  // Tissue samples run past the displayed ones by the skin pressed up against the face.
  TextureRay texture(*setup.texture, ray.startMm, ray.stepMm, field.samples + offset + 1);
  const int samples = field.samples;
  float* re = field.re.data() + field.at(line, 0);
  float* im = field.im.data() + field.at(line, 0);
  float* transmissionOut = field.transmission.data() + field.at(line, 0);
  std::uint32_t noiseState = mix32(static_cast<std::uint32_t>(setup.frameIndex) * 0x27d4eb2dU ^
                                   static_cast<std::uint32_t>(line) * 0x165667b1U ^ setup.seed) |
                             1u;
  const float noise = static_cast<float>(setup.noiseAmplitude);
  const int taper = static_cast<int>(kContactTaperMm / setup.geometry->sampleSpacingMm());
  float transmission = 1.0f;
  std::uint8_t previous = labels.at(offset);
  for (int s = 0; s < samples; ++s) {
    const int t = tissueSample(s, offset, taper);  // Tissue shown at image sample s.
    const std::uint8_t label = labels.at(t);
    if (label != previous) {
      const float reflectivity = std::max(constants.specular[label], constants.specular[previous]);
      if (reflectivity > 0.0f) {
        const BoundaryHit hit = refineBoundary(volume, label, ray.startIndex, ray.stepIndex, t, ray.direction,
                                               reflectivity >= kOutlineReflectivity);
        const double cosine = hit.cosIncidence;
        const float facing = static_cast<float>(cosine * cosine * cosine);
        const float echo = kSpecularGain * reflectivity * facing * transmission;
        const double at = displayedSample(hit.sample, offset, taper);
        const int s0 = std::clamp(static_cast<int>(std::floor(at)), 0, samples - 2);
        const float fraction = static_cast<float>(std::clamp(at - s0, 0.0, 1.0));
        re[s0] += echo * (1.0f - fraction);
        re[s0 + 1] += echo * fraction;
        transmission *= 1.0f - 0.6f * reflectivity * reflectivity * (0.3f + 0.7f * facing);
      }
      previous = label;
    }
    transmission *= constants.attenuationPerSample[label];
    transmissionOut[s] = transmission;
    float echoRe = 0.0f, echoIm = 0.0f;
    const std::uint32_t h = cells.hashAt(t, setup.seed);
    const std::uint8_t scatterer = labels.atJittered(t, h * 0x9e3779b9U);
    if ((h >> 12) < constants.densityThreshold[scatterer]) {
      const float amplitude =
          constants.amplitude[scatterer] * transmission * texture.gain(constants.texture[scatterer], t);
      echoRe = amplitude * table.re(h);
      echoIm = amplitude * table.im(h);
    }
    noiseState ^= noiseState << 13;
    noiseState ^= noiseState >> 17;
    noiseState ^= noiseState << 5;
    re[s] += echoRe + noise * table.re(noiseState);
    im[s] += echoIm + noise * table.im(noiseState >> 12);
  }
}

}  // namespace

std::vector<int> contactOffsets(const anatomy::LabelVolume& volume, const MarchSetup& setup) {
  const ScanGeometry& geometry = *setup.geometry;
  std::vector<int> offsets(static_cast<std::size_t>(geometry.lines()));
  for (int line = 0; line < geometry.lines(); ++line)
    offsets[static_cast<std::size_t>(line)] =
        contactOffset(LabelSampler(volume, rayCoordinates(volume, setup, line)), geometry.samples(),
                      geometry.sampleSpacingMm());
  return offsets;
}

void marchTissue(const anatomy::LabelVolume& volume, const AcousticMap& acoustics, const MarchSetup& setup,
                 EchoField& field) {
  const ScanGeometry& geometry = *setup.geometry;
  field.reset(geometry.lines(), geometry.samples());
  const LabelConstants constants = labelConstants(acoustics, geometry);
  for (int line = 0; line < geometry.lines(); ++line) marchLine(volume, constants, setup, line, field);
}

}  // namespace hipguide::acquisition::sim
