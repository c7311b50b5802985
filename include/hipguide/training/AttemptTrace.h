#pragma once
/// The ground-truth record of one training attempt: a sample per simulated frame.

#include <hipguide/acquisition/ProbeModel.h>
#include <hipguide/acquisition/ScanConversion.h>
#include <hipguide/acquisition/Scenario.h>
#include <hipguide/acquisition/UltrasoundSimulator.h>
#include <hipguide/anatomy/Anatomy.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace hipguide::training {

/// A critical structure watched during the attempt.
struct TracedStructure {
  std::string name;
  bool nerve = false;  ///< Nerve (else vessel).
};

/// The needle and probe at one frame, from the simulator's ground truth. Reference mm.
struct AttemptSample {
  double timeS = 0;
  std::uint64_t frameId = 0;
  core::Transform3 probeToReference = core::Transform3::Identity();
  bool needlePresent = false;  ///< The exercise has a needle.
  bool inserted = false;       ///< Some shaft is past the skin entry.
  core::Vec3 entryMm{0, 0, 0};
  core::Vec3 tipMm{0, 0, 0};
  core::Vec3 direction{0, 0, 0};  ///< Unit, along the shaft.
  double insertionMm = 0;
  bool tipInImage = false;     ///< Tip within the sector and the slice thickness.
  bool needleVisible = false;  ///< Enough shaft in plane with the tip in the image.
  bool targetInView = false;   ///< Target within the sector and the slice thickness.
  double tipToTargetMm = std::numeric_limits<double>::quiet_NaN();  ///< NaN without a needle.
  /// Per AttemptTrace::structures: the inserted shaft's (entry→tip) minimum signed distance to
  /// the structure (negative: inside it); +infinity while not inserted.
  std::vector<double> clearanceMm;
};

/// All samples of an attempt plus what they refer to. Plain data.
struct AttemptTrace {
  std::string scenario;
  std::string targetStructure;
  core::Vec3 targetMm{0, 0, 0};
  double toleranceMm = 3.0;
  std::vector<TracedStructure> structures;
  std::vector<AttemptSample> samples;

  /// The smallest clearance of a sample over the nerves (or vessels); +infinity when none.
  double nearestMm(const AttemptSample& sample, bool nerves) const;
};

/// Builds an AttemptTrace frame by frame: measures each sample against the anatomy (distance
/// fields of every critical structure) and the target. One thread feeds it (the attempt
/// runner, or the GUI thread in training mode).
class AttemptTracer {
 public:
  AttemptTracer(anatomy::Anatomy anatomy, std::string scenario, std::string targetStructure,
                const core::Vec3& targetMm, double toleranceMm, acquisition::ProbeModel probe,
                acquisition::ImagingSettings imaging);

  /// Adds the sample of one frame (times must not go backwards; the sample is dropped if they do).
  const AttemptSample& add(double timeS, const acquisition::ScenarioState& state,
                           const acquisition::FrameTruth& truth);
  const AttemptTrace& trace() const { return m_trace; }
  AttemptTrace take() { return std::move(m_trace); }

 private:
  bool targetInView(const core::Transform3& probeToReference) const;

  anatomy::Anatomy m_anatomy;
  acquisition::ScanGeometry m_geometry;  ///< Sector of the image, for targetInView.
  AttemptTrace m_trace;
};

}  // namespace hipguide::training
