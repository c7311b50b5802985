#pragma once
/// Synchronous B-mode image formation from a label map: one call, one frame plus ground truth.

#include <hipguide/acquisition/NeedleState.h>
#include <hipguide/acquisition/ProbeModel.h>
#include <hipguide/acquisition/ScanConversion.h>
#include <hipguide/anatomy/LabelTable.h>
#include <hipguide/anatomy/LabelVolume.h>
#include <hipguide/core/Frame.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>

namespace hipguide::acquisition {

/// Structure a tissue shows on top of its speckle (a 3D property of the anatomy, like speckle).
enum class TissueTexture : std::uint8_t {
  None,     ///< Plain speckle (fluid, blood, bone, cartilage, test tissues).
  Muscle,   ///< Hypoechoic fascicles between irregular, wavy, bright fibro-adipose septa.
  Fat,      ///< Hypoechoic lobules with sparse, bright, oblique septa.
  Fibrous,  ///< Densely packed bright fibrils (skin, capsule, labrum, tendon).
};

/// Acoustic behaviour of every label value (index = label; 0 = coupling gel/air outside the
/// body: anechoic, no attenuation) and the texture its speckle carries.
struct TissueAcoustics {
  anatomy::AcousticProperties properties{0.0, 0.0, 0.0, 1540.0, 0.0};
  TissueTexture texture = TissueTexture::None;
};
using AcousticMap = std::array<TissueAcoustics, 256>;

/// The acoustic map of a label table: Skin is Fibrous; Soft labels named "*fat*" are Fat, other
/// Soft labels with a specular boundary and bright backscatter (capsule, labrum) are Fibrous,
/// the remaining echogenic Soft labels are Muscle; every other role has no texture.
AcousticMap acousticMapFrom(const anatomy::LabelTable& table);

/// Everything one frame depends on besides the anatomy. Plain data.
struct SimulatorInput {
  core::Transform3 probeToReference = core::Transform3::Identity();
  ProbeModel probe = ProbeModel::curvilinear();
  ImagingSettings imaging;
  std::optional<NeedleState> needle;  ///< No needle when empty.
  std::uint64_t frameIndex = 0;       ///< Seeds the electronic noise of this frame.
};

/// Ground truth of one frame. Image mm as core::Frame; reference mm for 3D points.
struct FrameTruth {
  std::uint64_t frameId = 0;  ///< Filled by whoever numbers the frame (driver, CLI).
  std::int64_t timestampNs = 0;
  bool needleInserted = false;  ///< Some shaft lies inside the body.
  bool needleVisible = false;   ///< ≥ 5 mm of shaft in plane and the tip inside the image.
  bool tipInImage = false;      ///< Tip within the sector and the slice thickness.
  core::Vec2 tipImageMm{0, 0};  ///< Tip projected onto the image plane.
  double angleDeg = 0;          ///< Orientation of the projected shaft near the tip, [0, 180).
  double visibleLengthMm = 0;   ///< Shaft inside the body, the sector and the slice thickness.
  double tipOutOfPlaneMm = 0;   ///< Signed elevation (probe z) of the tip.
  /// The elevation beam's echo of the tip relative to in the plane (dB): 0 in the plane,
  /// kSliceEdgeDb at the slice's edge (half its thickness), kNoTipEchoDb outside the sector or the body.
  double tipElevationEchoDb = kNoTipEchoDb;
  static constexpr double kNoTipEchoDb = -120.0;
  static constexpr double kSliceEdgeDb =
      -6.020599913279624;  ///< 20 log10(0.5): half the in-plane echo amplitude.
  core::Vec3 tipReferenceMm{0, 0, 0};
  core::Transform3 probeToReference = core::Transform3::Identity();
};

/// A frame with its truth.
struct SimulatedFrame {
  core::Frame frame;
  FrameTruth truth;
};

/// Options fixed for the simulator's lifetime.
struct SimulatorOptions {
  std::uint32_t seed = 1;            ///< Selects the tissue's scatterer pattern.
  double scattererCellMm = 0.15;     ///< Grid on which scatterers are drawn (reference mm).
  double textureContrast = 0.5;      ///< Scales the tissue textures' septa and fascicles (0 = plain speckle).
  double electronicNoiseDb = -95.0;  ///< Receiver noise relative to unit backscatter.
};

/// Renders B-mode frames of a label volume: ray-marches scanlines of the probe's polar grid
/// through the labels (per-tissue backscatter, scatterer density, attenuation, angle-dependent
/// specular boundaries, shadowing), adds the needle (specular shaft, comet tail, bevel,
/// elevation beam width), applies a separable depth-dependent PSF to the complex echo field,
/// detects the envelope, applies gain/TGC/log compression and scan-converts.
/// Deterministic: the same volume, options and input give the same frame. Not thread-safe
/// (it caches per-geometry tables and buffers): one thread renders; use one instance per thread.
class UltrasoundSimulator {
 public:
  UltrasoundSimulator(std::shared_ptr<const anatomy::LabelVolume> volume, const AcousticMap& acoustics,
                      SimulatorOptions options = {});
  ~UltrasoundSimulator();
  UltrasoundSimulator(const UltrasoundSimulator&) = delete;
  UltrasoundSimulator& operator=(const UltrasoundSimulator&) = delete;

  /// Renders one frame (frameId and timestamps left 0) with its truth. Throws
  /// std::invalid_argument for invalid settings.
  SimulatedFrame render(const SimulatorInput& input);
  /// Ground truth only (no image), e.g. for planning; same rules as render().
  FrameTruth truth(const SimulatorInput& input);

  /// The detected envelope of the last render, before gain, TGC and log compression
  /// (line-major, lines × samples of lastGeometry()). Valid until the next render.
  const std::vector<float>& lastEnvelope() const;
  /// The scanline geometry of the last render.
  const ScanGeometry& lastGeometry() const;
  const anatomy::LabelVolume& volume() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace hipguide::acquisition
