#pragma once
/// Key images: the image view with its overlays saved as PNG with a JSON sidecar of measurements.

#include <hipguide/guidance/GuidanceState.h>

#include <QImage>
#include <QString>

namespace hipguide::app {

/// Saves `image` as `folder/keyimage-<frameId>-<time>.png` and `.json` beside it holding the
/// frame id, time, tip-to-target distance, nearest clearances and active alerts. Returns the
/// PNG path; throws std::runtime_error naming the file when it cannot be written.
QString saveKeyImage(const QImage& image, const guidance::GuidanceState& state, const QString& folder);

}  // namespace hipguide::app
