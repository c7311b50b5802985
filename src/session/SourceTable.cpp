#include <hipguide/acquisition/TestPatternDriver.h>
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
      {{Kind::Simulator, "sim:anterior-hip", "simulated probe on the hip phantom, optionally a scenario"}, {}},
      {{Kind::TestPattern, "test-pattern", "synthetic test pattern (plumbing checks, not ultrasound)"},
       [](const acquisition::SourceSpec&, const SourceOptions& options) {
         return std::make_unique<acquisition::TestPatternDriver>(options.framesPerSecond);
       }},
      {{Kind::Recording, "session.igs.mha", "replay of a recording (PLUS .igs.mha/.igs.mhd/.igs.nrrd)"}, {}},
      {{Kind::OpenIGTLink, "igtl://localhost:18944", "OpenIGTLink server (PLUS, scanner research interface)"},
       {}},
      {{Kind::Video, "video:/dev/video0", "frame grabber or video file through OpenCV"}, {}},
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
