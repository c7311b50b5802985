#pragma once
/// The explicit table of source drivers: which `--source` spec opens which driver.

#include <hipguide/acquisition/ProbeDriver.h>
#include <hipguide/acquisition/SourceSpec.h>

#include <memory>
#include <string>
#include <vector>

namespace hipguide::session {

/// One row of the table, for help texts and the source dialog.
struct SourceKindInfo {
  acquisition::SourceSpec::Kind kind;
  std::string example;
  std::string description;
};

/// Every kind of source, in the order help texts list them. The session layer holds the
/// table because it is the lowest layer that sees every driver (replay included).
const std::vector<SourceKindInfo>& sourceKinds();

/// Options that apply to any source.
struct SourceOptions {
  double framesPerSecond = 20.0;  ///< For generated sources; 0 = as fast as possible.
};

/// Creates the driver for a spec (not started). Throws std::invalid_argument when the spec
/// names something that cannot be opened, with what to do instead.
std::unique_ptr<acquisition::ProbeDriver> openSource(const acquisition::SourceSpec& spec,
                                                     const SourceOptions& options = {});

}  // namespace hipguide::session
