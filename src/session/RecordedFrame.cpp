#include <hipguide/session/RecordedFrame.h>

namespace hipguide::session {
namespace {

const NamedTransform* findTransform(const RecordedFrame& recorded, std::string_view name) {
  for (const NamedTransform& transform : recorded.transforms)
    if (transform.name == name) return &transform;
  return nullptr;
}

}  // namespace

RecordedFrame recordedFrameFrom(const core::Frame& frame) {
  RecordedFrame recorded;
  recorded.frame = frame;
  recorded.transforms = {{"ImageToProbeTransform", frame.imageToProbe},
                         {"ProbeToReferenceTransform", frame.probeToReference}};
  return recorded;
}

void deriveFrameTransforms(RecordedFrame& recorded) {
  if (const NamedTransform* imageToProbe = findTransform(recorded, "ImageToProbeTransform"))
    recorded.frame.imageToProbe = imageToProbe->value;
  if (const NamedTransform* probeToReference = findTransform(recorded, "ProbeToReferenceTransform")) {
    recorded.frame.probeToReference = probeToReference->value;
    return;
  }
  const NamedTransform* probeToTracker = findTransform(recorded, "ProbeToTrackerTransform");
  const NamedTransform* referenceToTracker = findTransform(recorded, "ReferenceToTrackerTransform");
  if (!probeToTracker || !referenceToTracker) return;
  core::OptionalTransform derived;
  // General inverse: tracker transforms are rigid, but the product must not assume it.
  derived.transform.matrix() =
      referenceToTracker->value.transform.matrix().inverse() * probeToTracker->value.transform.matrix();
  derived.valid = probeToTracker->value.valid && referenceToTracker->value.valid;
  recorded.frame.probeToReference = derived;
}

}  // namespace hipguide::session
