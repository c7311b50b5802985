#pragma once
/// Frames of the readers that decode through OpenCV (video files, folders of images).

#include <hipguide/session/RecordedFrame.h>

#include <opencv2/core.hpp>

#include <cstdint>
#include <filesystem>
#include <string>

namespace hipguide::session::detail {

/// Frame `index` (numbered index + 1, taken at `timestampNs`, not calibrated) with the pixels of
/// `image` (CV_8UC1, CV_8UC3 BGR or CV_8UC4 BGRA): colour becomes grey as PLUS colour does and is
/// kept, in RGB order.
RecordedFrame openCvRecordedFrame(const cv::Mat& image, std::int64_t index, std::int64_t timestampNs);

/// The file's extension in lower case (".PNG" → ".png"), to recognise the files OpenCV reads.
std::string lowercaseExtension(const std::filesystem::path& file);

}  // namespace hipguide::session::detail
