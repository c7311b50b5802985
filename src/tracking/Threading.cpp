#include <hipguide/tracking/Threading.h>

#include <opencv2/core/utility.hpp>

namespace hipguide::tracking {

void setLibraryThreads(int threads) { cv::setNumThreads(threads); }

}  // namespace hipguide::tracking
