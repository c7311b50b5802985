#pragma once
/// The tracker's answer for one frame, shared by tracking, guidance, session and the views.

#include <hipguide/core/Geometry.h>

#include <cstdint>
#include <string>
#include <vector>

namespace hipguide::core {

/// Time spent in one tracking stage for one frame.
struct StageTime {
  std::string stage;
  double ms = 0.0;
};

/// Where the needle is in one frame, in image millimetres (see Frame). `frameId` names the
/// frame it came from; when `detected` is false only frameId, timestamps and stage times
/// are meaningful.
struct NeedleEstimate {
  std::uint64_t frameId = 0;
  std::int64_t deviceTimestampNs = 0;
  bool detected = false;
  Vec2 tipMm{0.0, 0.0};
  Vec2 entryMm{0.0, 0.0};      ///< Where the visible shaft enters the image (its far end).
  double angleDeg = 0.0;       ///< Shaft orientation in [0, 180) from +x toward +y.
  double visibleLengthMm = 0;  ///< Length of the visible shaft segment.
  double confidence = 0.0;     ///< In [0, 1].
  std::vector<StageTime> stageTimes;

  /// Unit vector along the shaft from entry toward the tip (zero when not detected).
  Vec2 directionToTip() const {
    const Vec2 d = tipMm - entryMm;
    return d.norm() > 0 ? Vec2(d / d.norm()) : Vec2::Zero();
  }
};

}  // namespace hipguide::core
