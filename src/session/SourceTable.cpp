#include <hipguide/acquisition/IgtlClientDriver.h>
#include <hipguide/acquisition/SimulatedProbeDriver.h>
#include <hipguide/acquisition/SourceSettingsFile.h>
#include <hipguide/acquisition/TestPatternDriver.h>
#include <hipguide/acquisition/VideoGrabberDriver.h>
#include <hipguide/session/ReplayDriver.h>
#include <hipguide/session/SourceTable.h>

#include <functional>
#include <stdexcept>

namespace hipguide::session {
namespace {

using Kind = acquisition::SourceSpec::Kind;
using Factory = std::function<std::unique_ptr<acquisition::ProbeDriver>(const acquisition::SourceSpec&,
                                                                        const SourceOptions&)>;

struct SourceRow {
  SourceKindInfo info;
  Factory open;  ///< Empty while the driver does not exist yet.
};

[[noreturn]] void notAvailable(const acquisition::SourceSpec& spec) {
  throw std::invalid_argument("source '" + spec.text +
                              "': this kind of source is not available in this build yet; use "
                              "--source test-pattern");
}

const std::vector<SourceRow>& table() {
  static const std::vector<SourceRow> rows = {
      {{Kind::Simulator, "sim:anterior-hip",
        "simulated probe on the hip phantom, optionally a scenario (sim = anterior-hip, looping)"},
       [](const acquisition::SourceSpec& spec, const SourceOptions& options) {
         const std::string scenario = spec.scenario.empty() ? "anterior-hip" : spec.scenario;
         return std::make_unique<acquisition::SimulatedProbeDriver>(scenario, 1, options.framesPerSecond,
                                                                    true);
       }},
      {{Kind::TestPattern, "test-pattern", "synthetic test pattern (plumbing checks, not ultrasound)"},
       [](const acquisition::SourceSpec&, const SourceOptions& options) {
         return std::make_unique<acquisition::TestPatternDriver>(options.framesPerSecond);
       }},
      {{Kind::Recording, "session.igs.mha",
        "replay of a recording (PLUS .igs.mha/.igs.mhd/.igs.nrrd, .hgrec, DICOM cine, video, images)"},
       [](const acquisition::SourceSpec& spec, const SourceOptions&) {
         return std::make_unique<ReplayDriver>(spec.path);
       }},
      {{Kind::OpenIGTLink, "igtl://localhost:18944",
        "OpenIGTLink server (PLUS, scanner research interface); settings per source in the settings folder"},
       [](const acquisition::SourceSpec& spec, const SourceOptions&) {
         return std::make_unique<acquisition::IgtlClientDriver>(
             acquisition::loadIgtlClientSettings(spec, acquisition::sourceSettingsDir()));
       }},
      {{Kind::Video, "video:/dev/video0",
        "frame grabber (V4L2) or video file (FFmpeg) through OpenCV; crop and calibration per device"},
       [](const acquisition::SourceSpec& spec, const SourceOptions&) {
         return std::make_unique<acquisition::VideoGrabberDriver>(
             acquisition::loadVideoGrabberSettings(spec, acquisition::sourceSettingsDir()));
       }},
  };
  return rows;
}

}  // namespace

const std::vector<SourceKindInfo>& sourceKinds() {
  static const std::vector<SourceKindInfo> kinds = [] {
    std::vector<SourceKindInfo> result;
    for (const SourceRow& row : table()) result.push_back(row.info);
    return result;
  }();
  return kinds;
}

std::unique_ptr<acquisition::ProbeDriver> openSource(const acquisition::SourceSpec& spec,
                                                     const SourceOptions& options) {
  for (const SourceRow& row : table()) {
    if (row.info.kind != spec.kind) continue;
    if (!row.open) notAvailable(spec);
    return row.open(spec, options);
  }
  notAvailable(spec);
}

}  // namespace hipguide::session
