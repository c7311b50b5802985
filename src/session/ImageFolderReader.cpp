#include "FrameTiming.h"
#include "OpenCvFrames.h"

#include <hipguide/session/ImageFolderReader.h>

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

namespace hipguide::session {
namespace {

bool isImageFile(const std::filesystem::path& path) {
  static const std::set<std::string> extensions = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".pgm"};
  return extensions.contains(detail::lowercaseExtension(path));
}

/// Natural order: runs of digits compare by value, so frame2 comes before frame10.
bool naturalLess(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
      const std::size_t iEnd = a.find_first_not_of("0123456789", i),
                        jEnd = b.find_first_not_of("0123456789", j);
      const std::string x = a.substr(i, iEnd - i), y = b.substr(j, jEnd - j);
      const std::string xv = x.substr(std::min(x.find_first_not_of('0'), x.size()));
      const std::string yv = y.substr(std::min(y.find_first_not_of('0'), y.size()));
      if (xv.size() != yv.size()) return xv.size() < yv.size();
      if (xv != yv) return xv < yv;
      i = iEnd == std::string::npos ? a.size() : iEnd;
      j = jEnd == std::string::npos ? b.size() : jEnd;
      continue;
    }
    if (a[i] != b[j]) return a[i] < b[j];
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

cv::Mat readImage(const std::filesystem::path& file) {
  const cv::Mat image = cv::imread(file.string(), cv::IMREAD_UNCHANGED);
  if (image.empty()) throw std::runtime_error(file.string() + ": cannot be decoded as an image");
  if (image.depth() != CV_8U)
    throw std::runtime_error(file.string() + ": not an 8-bit image; export the frames with 8 bits");
  return image;
}

}  // namespace

std::vector<std::filesystem::path> ImageFolderReader::imageFiles(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error))
    if (entry.is_regular_file() && isImageFile(entry.path())) files.push_back(entry.path());
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    return naturalLess(a.filename().string(), b.filename().string());
  });
  return files;
}

ImageFolderReader::ImageFolderReader(const std::filesystem::path& folder) : m_files(imageFiles(folder)) {
  if (m_files.empty())
    throw std::runtime_error(folder.string() +
                             ": holds no PNG, JPEG, BMP, TIFF or PGM image to read as frames");
  const cv::Mat first = readImage(m_files.front());
  m_info.formatName =
      "image folder (" + m_files.front().extension().string() + "), not calibrated, 20 fps assumed";
  m_info.width = first.cols;
  m_info.height = first.rows;
  m_info.channels = first.channels() == 1 ? 1 : 3;
  m_info.frameCount = std::ssize(m_files);
  detail::fillDurationAndRate(m_info, 0, timestampNs(m_info.frameCount - 1));
  m_info.globalFields = {{"First frame", m_files.front().filename().string()},
                         {"Last frame", m_files.back().filename().string()}};
}

std::int64_t ImageFolderReader::timestampNs(std::int64_t index) const {
  return detail::evenFrameTimestampNs(index, m_info.frameCount, detail::kAssumedFramesPerSecond);
}

RecordedFrame ImageFolderReader::readFrame(std::int64_t index) {
  if (index < 0 || index >= m_info.frameCount)
    throw std::out_of_range("image folder: frame " + std::to_string(index) + " of " +
                            std::to_string(m_info.frameCount));
  const std::filesystem::path& file = m_files[static_cast<std::size_t>(index)];
  const cv::Mat image = readImage(file);
  if (image.cols != m_info.width || image.rows != m_info.height)
    throw std::runtime_error(file.string() + ": " + std::to_string(image.cols) + " x " +
                             std::to_string(image.rows) + " pixels, but the first frame is " +
                             std::to_string(m_info.width) + " x " + std::to_string(m_info.height) +
                             "; every frame must have one size");
  return detail::openCvRecordedFrame(image, index, timestampNs(index));
}

}  // namespace hipguide::session
