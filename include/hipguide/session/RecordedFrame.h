#pragma once
/// One frame as a recording holds it: the image plus every tracked transform and field.

#include <hipguide/core/Frame.h>

#include <string>
#include <utility>
#include <vector>

namespace hipguide::session {

/// One `<A>To<B>Transform` of one frame; `name` keeps the file's spelling
/// (e.g. "ProbeToTrackerTransform"). `value.valid` is its `...TransformStatus == OK`.
struct NamedTransform {
  std::string name;
  core::OptionalTransform value;
};

/// A `key = value` field kept as text, in file order.
using TextField = std::pair<std::string, std::string>;

/// A frame read from (or to be written to) a recording. `frame` carries the 8-bit grey pixels
/// (and `rgb` when the file had colour), spacing, frameId, deviceTimestampNs (the file's
/// Timestamp), imageValid, and imageToProbe / probeToReference derived from `transforms`
/// (ProbeToReference directly, else ReferenceToTracker⁻¹ · ProbeToTracker). `transforms` and
/// `fields` keep everything else the file said about the frame, so conversions lose nothing.
struct RecordedFrame {
  core::Frame frame;
  std::vector<NamedTransform> transforms;
  std::vector<TextField> fields;  ///< Other per-frame fields (UnfilteredTimestamp, ...).
};

/// A RecordedFrame for a live frame: transforms ImageToProbeTransform and
/// ProbeToReferenceTransform from the frame's own, no other fields.
RecordedFrame recordedFrameFrom(const core::Frame& frame);

/// Fills frame.imageToProbe and frame.probeToReference from `transforms` (see RecordedFrame).
void deriveFrameTransforms(RecordedFrame& recorded);

}  // namespace hipguide::session
