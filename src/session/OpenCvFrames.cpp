#include "OpenCvFrames.h"

#include "PixelConversion.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>

namespace hipguide::session::detail {

RecordedFrame openCvRecordedFrame(const cv::Mat& image, std::int64_t index, std::int64_t timestampNs) {
  CV_Assert(image.depth() == CV_8U);
  cv::Mat pixels;
  SequenceHeader stored;
  stored.width = image.cols;
  stored.height = image.rows;
  stored.channels = image.channels() == 1 ? 1 : 3;
  if (image.channels() == 1)
    pixels = image.isContinuous() ? image : image.clone();
  else
    cv::cvtColor(image, pixels, image.channels() == 4 ? cv::COLOR_BGRA2RGB : cv::COLOR_BGR2RGB);
  RecordedFrame recorded;
  storedPixelsToFrame(std::vector<std::uint8_t>(pixels.datastart, pixels.dataend), stored, recorded.frame);
  recorded.frame.deviceTimestampNs = timestampNs;
  recorded.frame.frameId = static_cast<std::uint64_t>(index + 1);
  return recorded;
}

std::string lowercaseExtension(const std::filesystem::path& file) {
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

}  // namespace hipguide::session::detail
