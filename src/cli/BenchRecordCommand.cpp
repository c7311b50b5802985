#include "Arguments.h"
#include "Commands.h"
#include "ProgressLine.h"
#include "SpeckleFrames.h"

#include <hipguide/core/SteadyClock.h>
#include <hipguide/session/Recorder.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <thread>

namespace hipguide::cli {
namespace {

constexpr int kWidth = 640;
constexpr int kHeight = 480;

/// Resident memory of this process in KiB (VmRSS from /proc/self/status).
long residentKib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  long value = 0;
  while (status >> key) {
    if (key == "VmRSS:") {
      status >> value;
      return value;
    }
    status.ignore(1 << 12, '\n');
  }
  return 0;
}

}  // namespace

int runBenchRecord(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.option("seconds").option("fps").option("speedup").option("out").flag("compress");
  parsed.parse(arguments);
  const double seconds = parsed.number("seconds", 600.0);
  const double fps = parsed.number("fps", 60.0);
  const double speedup = parsed.number("speedup", 1.0);
  if (!(seconds > 0 && fps > 0 && speedup > 0))
    throw UsageError("--seconds, --fps and --speedup must be positive");
  const std::filesystem::path out = parsed.valueOr("out", "/tmp/hipguide-bench-record.hgrec");
  std::filesystem::remove_all(out);
  const SpeckleFrames frames(kWidth, kHeight);
  session::RecorderOptions options;
  options.writer.compressPixels = parsed.has("compress");
  session::Recorder recorder(out, options);
  const auto frameCount = static_cast<std::uint64_t>(seconds * fps);
  const auto periodNs = static_cast<std::int64_t>(1e9 / (fps * speedup));
  const std::uint64_t warmupFrames =
      std::min<std::uint64_t>(frameCount / 10, static_cast<std::uint64_t>(fps * 2));
  long baselineKib = residentKib();
  long peakKib = baselineKib;
  ProgressLine progress("frames");
  const std::int64_t startNs = core::steadyNowNs();
  for (std::uint64_t i = 0; i < frameCount; ++i) {
    std::this_thread::sleep_until(std::chrono::steady_clock::time_point(
        std::chrono::nanoseconds(startNs + static_cast<std::int64_t>(i) * periodNs)));
    recorder.recordFrame(frames.frame(i, core::steadyNowNs()));
    if (i == warmupFrames) baselineKib = residentKib();
    if (i % 60 == 0) {
      peakKib = std::max(peakKib, residentKib());
      progress.update(static_cast<std::int64_t>(i), static_cast<std::int64_t>(frameCount));
    }
  }
  const double feedSec = (core::steadyNowNs() - startNs) / 1e9;
  const long endKib = residentKib();
  peakKib = std::max(peakKib, endKib);
  recorder.stop();
  progress.finish();
  const session::RecorderStats stats = recorder.stats();
  std::cout << "frames offered:      " << frameCount << " (" << kWidth << "x" << kHeight << ", " << fps
            << " fps, " << seconds << " s of recording fed in " << feedSec << " s)\n"
            << "frames written:      " << stats.framesWritten << "\n"
            << "frames dropped:      " << stats.dropped << "\n"
            << "bytes on disk:       " << stats.bytesWritten << " ("
            << (options.writer.compressPixels ? "zlib" : "raw") << ")\n"
            << "RSS after warm-up:   " << baselineKib / 1024.0 << " MiB\n"
            << "RSS growth (end):    " << (endKib - baselineKib) / 1024.0 << " MiB\n"
            << "RSS growth (peak):   " << (peakKib - baselineKib) / 1024.0 << " MiB\n";
  std::filesystem::remove_all(out);
  return stats.dropped == 0 ? 0 : 1;
}

}  // namespace hipguide::cli
