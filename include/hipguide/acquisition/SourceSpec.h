#pragma once
/// Parsing of the `--source SPEC` strings every program accepts.

#include <string>
#include <string_view>

namespace hipguide::acquisition {

/// What `--source` names: `sim`, `sim:SCENARIO`, `test-pattern`, a recording path,
/// `igtl://host:port`, `video:/dev/videoN` or `video:FILE`.
struct SourceSpec {
  enum class Kind { Simulator, TestPattern, Recording, OpenIGTLink, Video };
  Kind kind = Kind::Simulator;
  std::string text;      ///< The spec as given.
  std::string scenario;  ///< Simulator scenario; empty for the default.
  std::string path;      ///< Recording path, video device or video file.
  std::string host;      ///< OpenIGTLink host.
  int port = 18944;      ///< OpenIGTLink port.
};

/// Parses a spec; throws std::invalid_argument with a message that lists the accepted forms.
SourceSpec parseSourceSpec(std::string_view text);

}  // namespace hipguide::acquisition
