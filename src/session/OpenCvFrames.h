#pragma once
/// Frames of the readers that decode through OpenCV (video files, folders of images).

#include <hipguide/session/RecordedFrame.h>

#include <opencv2/core.hpp>

#include <cstdint>

namespace hipguide::session::detail {

/// Frame `index` (numbered index + 1, taken at `timestampNs`, not calibrated) with the pixels of
/// `image` (CV_8UC1, CV_8UC3 BGR or CV_8UC4 BGRA): colour becomes grey as PLUS colour does and is
/// kept, in RGB order.
RecordedFrame openCvRecordedFrame(const cv::Mat& image, std::int64_t index, std::int64_t timestampNs);

/// When frame `index` of `frameCount` was taken, at `framesPerSecond` from 0 (index clamped).
std::int64_t evenFrameTimestampNs(std::int64_t index, std::int64_t frameCount, double framesPerSecond);

}  // namespace hipguide::session::detail
