#include <hipguide/acquisition/SourceSpec.h>

#include <charconv>
#include <stdexcept>

namespace hipguide::acquisition {
namespace {

constexpr std::string_view kAcceptedForms =
    "accepted: sim, sim:SCENARIO, test-pattern, a recording path (.igs.mha, .igs.mhd, .igs.nrrd, "
    ".hgrec, a DICOM cine, a video file, a folder of images), igtl://HOST:PORT, video:/dev/videoN or "
    "video:FILE";

[[noreturn]] void refuse(std::string_view text, std::string_view why) {
  throw std::invalid_argument("source '" + std::string(text) + "': " + std::string(why) + " (" +
                              std::string(kAcceptedForms) + ")");
}

}  // namespace

SourceSpec parseSourceSpec(std::string_view text) {
  SourceSpec spec;
  spec.text = std::string(text);
  if (text.empty()) refuse(text, "empty source");
  if (text == "sim") return spec;
  if (text.starts_with("sim:")) {
    spec.scenario = std::string(text.substr(4));
    if (spec.scenario.empty()) refuse(text, "missing scenario name after 'sim:'");
    return spec;
  }
  if (text == "test-pattern") {
    spec.kind = SourceSpec::Kind::TestPattern;
    return spec;
  }
  if (text.starts_with("igtl://")) {
    spec.kind = SourceSpec::Kind::OpenIGTLink;
    const std::string_view rest = text.substr(7);
    const auto colon = rest.rfind(':');
    spec.host = std::string(rest.substr(0, colon));
    if (spec.host.empty()) refuse(text, "missing host");
    if (colon != std::string_view::npos) {
      const std::string_view portText = rest.substr(colon + 1);
      int port = 0;
      const auto [end, error] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
      if (error != std::errc{} || end != portText.data() + portText.size() || port <= 0 || port > 65535)
        refuse(text, "port must be a number from 1 to 65535");
      spec.port = port;
    }
    return spec;
  }
  if (text.starts_with("video:")) {
    spec.kind = SourceSpec::Kind::Video;
    spec.path = std::string(text.substr(6));
    if (spec.path.empty()) refuse(text, "missing device or file after 'video:'");
    return spec;
  }
  if (text.find("://") != std::string_view::npos) refuse(text, "unknown scheme");
  spec.kind = SourceSpec::Kind::Recording;
  spec.path = std::string(text);
  return spec;
}

}  // namespace hipguide::acquisition
