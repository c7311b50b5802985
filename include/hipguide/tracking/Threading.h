#pragma once
/// Thread use of the libraries inside the tracker.

namespace hipguide::tracking {

/// Limits the threads OpenCV may use for the tracker's filters (1: everything on the calling
/// thread, as the benchmark requires). Process-wide; call before tracking starts.
void setLibraryThreads(int threads);

}  // namespace hipguide::tracking
