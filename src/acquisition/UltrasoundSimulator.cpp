#include <hipguide/acquisition/UltrasoundSimulator.h>

#include "SimLogCompression.h"
#include "SimNeedle.h"
#include "SimPointSpread.h"
#include "SimTissueMarch.h"
#include "SimTransducerArtefacts.h"

#include <cmath>
#include <stdexcept>

namespace hipguide::acquisition {

namespace {

TissueTexture textureOf(const anatomy::LabelInfo& info) {
  if (info.role == anatomy::TissueRole::Skin) return TissueTexture::Fibrous;
  if (info.role != anatomy::TissueRole::Soft || info.acoustic.backscatter < 0.1) return TissueTexture::None;
  if (info.name.find("fat") != std::string::npos) return TissueTexture::Fat;
  if (info.acoustic.specularReflectivity >= 0.3 && info.acoustic.backscatter >= 0.7)
    return TissueTexture::Fibrous;
  return TissueTexture::Muscle;
}

}  // namespace

AcousticMap acousticMapFrom(const anatomy::LabelTable& table) {
  AcousticMap map{};
  for (const anatomy::LabelInfo& info : table.labels()) {
    TissueAcoustics& entry = map[info.value];
    entry.properties = info.acoustic;
    entry.texture = textureOf(info);
  }
  return map;
}

struct UltrasoundSimulator::Impl {
  std::shared_ptr<const anatomy::LabelVolume> volume;
  AcousticMap acoustics;
  SimulatorOptions options;
  sim::TextureField texture;
  std::unique_ptr<ScanGeometry> geometry;
  std::unique_ptr<sim::PointSpread> pointSpread;
  sim::EchoField field;
  std::vector<float> envelope;
  std::vector<std::uint8_t> polar;
  std::vector<std::uint16_t> smoothing;

  sim::MarchSetup marchSetup(const SimulatorInput& input, const ScanGeometry& scan) const {
    sim::MarchSetup setup;
    setup.geometry = &scan;
    setup.probeToReference = input.probeToReference;
    setup.seed = options.seed;
    setup.frameIndex = input.frameIndex;
    setup.scattererCellMm = options.scattererCellMm;
    setup.texture = &texture;
    setup.noiseAmplitude = std::pow(10.0, options.electronicNoiseDb / 20.0);
    return setup;
  }

  /// Rebuilds the per-geometry tables when the probe model or depth changed.
  const ScanGeometry& geometryFor(const SimulatorInput& input) {
    if (!geometry || !(geometry->model() == input.probe) || geometry->depthMm() != input.imaging.depthMm) {
      geometry = std::make_unique<ScanGeometry>(input.probe, input.imaging.depthMm);
      pointSpread = std::make_unique<sim::PointSpread>(*geometry);
    }
    return *geometry;
  }
};

UltrasoundSimulator::UltrasoundSimulator(std::shared_ptr<const anatomy::LabelVolume> volume,
                                         const AcousticMap& acoustics, SimulatorOptions options)
    : m_impl(std::make_unique<Impl>()) {
  if (!volume || volume->voxelCount() == 0 || volume->labels.size() != volume->voxelCount())
    throw std::invalid_argument(
        "UltrasoundSimulator: the label volume is empty or its labels do not match its size");
  if (!(options.scattererCellMm > 0.01 && options.scattererCellMm < 5.0))
    throw std::invalid_argument("SimulatorOptions.scattererCellMm = " +
                                std::to_string(options.scattererCellMm) + " is out of range (0.01 to 5)");
  if (!(options.textureContrast >= 0.0 && options.textureContrast <= 4.0))
    throw std::invalid_argument("SimulatorOptions.textureContrast = " +
                                std::to_string(options.textureContrast) + " is out of range (0 to 4)");
  m_impl->volume = std::move(volume);
  m_impl->acoustics = acoustics;
  m_impl->options = options;
  m_impl->texture = sim::TextureField::forVolume(*m_impl->volume, options.seed, options.textureContrast);
}

UltrasoundSimulator::~UltrasoundSimulator() = default;

SimulatedFrame UltrasoundSimulator::render(const SimulatorInput& input) {
  input.imaging.validate();
  if (input.needle) input.needle->validate();
  Impl& impl = *m_impl;
  const ScanGeometry& geometry = impl.geometryFor(input);

  sim::marchTissue(*impl.volume, impl.acoustics, impl.marchSetup(input, geometry), impl.field);
  sim::addNearFieldArtefacts(geometry, impl.field);

  std::vector<sim::NeedlePoint> needlePoints;
  if (input.needle) {
    needlePoints = sim::sampleNeedle(*input.needle, input.probeToReference, *impl.volume, geometry,
                                     impl.field.contactOffset);
    sim::addNeedleEchoes(*input.needle, needlePoints, geometry, impl.field);
  }
  impl.pointSpread->apply(impl.field);
  sim::detectEnvelope(impl.field, impl.envelope);
  sim::applyEdgeFalloff(geometry, impl.envelope);
  sim::logCompress(impl.envelope, sim::displayGainDb(input.imaging, geometry), geometry.lines(),
                   input.imaging.dynamicRangeDb, impl.polar);
  sim::reduceSpeckle(impl.polar, geometry.lines(), impl.smoothing);

  SimulatedFrame result;
  core::Frame& frame = result.frame;
  frame.width = geometry.imageWidth();
  frame.height = geometry.imageHeight();
  frame.spacingMm = {geometry.pixelSpacingMm(), geometry.pixelSpacingMm()};
  geometry.convert(impl.polar, frame.grey);
  frame.imageToProbe = {geometry.imageToProbe(), true};
  frame.probeToReference = {input.probeToReference, true};
  result.truth = sim::needleTruth(needlePoints, input.needle ? &*input.needle : nullptr, geometry,
                                  input.probeToReference);
  return result;
}

FrameTruth UltrasoundSimulator::truth(const SimulatorInput& input) {
  input.imaging.validate();
  if (input.needle) input.needle->validate();
  const ScanGeometry& geometry = m_impl->geometryFor(input);
  if (!input.needle) return sim::needleTruth({}, nullptr, geometry, input.probeToReference);
  const std::vector<int> offsets = sim::contactOffsets(*m_impl->volume, m_impl->marchSetup(input, geometry));
  const auto points =
      sim::sampleNeedle(*input.needle, input.probeToReference, *m_impl->volume, geometry, offsets);
  return sim::needleTruth(points, &*input.needle, geometry, input.probeToReference);
}

const std::vector<float>& UltrasoundSimulator::lastEnvelope() const { return m_impl->envelope; }

const ScanGeometry& UltrasoundSimulator::lastGeometry() const {
  if (!m_impl->geometry) throw std::logic_error("UltrasoundSimulator::lastGeometry: nothing rendered yet");
  return *m_impl->geometry;
}

const anatomy::LabelVolume& UltrasoundSimulator::volume() const { return *m_impl->volume; }

}  // namespace hipguide::acquisition
