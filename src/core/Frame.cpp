#include <hipguide/core/Frame.h>

namespace hipguide::core {

std::optional<Transform3> Frame::imageToReference() const {
  if (!imageToProbe.valid || !probeToReference.valid) return std::nullopt;
  return probeToReference.transform * imageToProbe.transform;
}

}  // namespace hipguide::core
