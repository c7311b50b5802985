#pragma once
/// The first stages of the tracker wired together for stage tests on constructed images. A
/// scene given at working resolution is rendered at twice its size and downsampled, as the
/// tracker does with 640×480 frames, so scene coordinates are working pixels (± 0.25).

#include "MotionCue.h"
#include "RidgeFilter.h"
#include "SectorMask.h"
#include "ShaftDetector.h"
#include "SyntheticScene.h"
#include "WorkingImage.h"

#include <hipguide/tracking/TrackerConfig.h>

namespace hipguide::test {

/// Working image → sector → ridge → shaft candidates, with default settings; a fresh segment
/// (FreshStructure) may be handed to the shaft stage as the tracker does.
struct StagePipeline {
  tracking::TrackerConfig config;
  tracking::WorkingImage work;
  tracking::SectorMask sector{config.image.sectorMarginPx, 1};
  tracking::RidgeFilter ridge{config.ridge.sigmaPx, config.ridge.noisePercentile};
  tracking::RidgeMaps maps;
  tracking::ShaftDetector detector{config.shaft, config.needleLike};

  std::vector<tracking::ShaftCandidate> run(
      const SyntheticScene& scene, const tracking::ShaftPrior& prior = {},
      const std::optional<tracking::FreshSegment>& fresh = std::nullopt) {
    const SyntheticScene full = scaled(scene, 2.0f);
    work.assign(frameFrom(renderScene(full), 0.15, 1, 0), {0.5, 0.5}, {0.15, 0.15});
    sector.update(work.grey());
    ridge.apply(work.greyF(), sector.mask(), maps);
    return detector.detect(maps, sector, work.greyF(), cv::Mat(), prior, fresh);
  }
};

/// The best accepted candidate, or nullptr.
inline const tracking::ShaftCandidate* bestAccepted(const std::vector<tracking::ShaftCandidate>& candidates) {
  return !candidates.empty() && candidates.front().rejection.empty() ? &candidates.front() : nullptr;
}
/// Not on a temporary: the pointer would outlive the candidates.
const tracking::ShaftCandidate* bestAccepted(std::vector<tracking::ShaftCandidate>&&) = delete;

}  // namespace hipguide::test
