/// `hipguide-cli probe-source SPEC --seconds N`: is anything arriving from this source, and how?

#include "Arguments.h"
#include "Commands.h"

#include <hipguide/acquisition/IgtlClientDriver.h>
#include <hipguide/acquisition/SourceSpec.h>
#include <hipguide/acquisition/VideoGrabberDriver.h>
#include <hipguide/core/SteadyClock.h>
#include <hipguide/session/SourceTable.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

namespace hipguide::cli {
namespace {

/// What the subscriber saw.
struct TallyCounts {
  std::uint64_t frames = 0;
  std::uint64_t withPose = 0;
  std::int64_t firstNs = 0;
  std::int64_t lastNs = 0;
  core::FramePtr last;
};

/// TallyCounts written on the driver's thread and read here.
class Tally {
 public:
  void add(const core::FramePtr& frame) {
    std::lock_guard lock(m_mutex);
    if (m_counts.frames++ == 0) m_counts.firstNs = frame->hostReceiveNs;
    m_counts.lastNs = frame->hostReceiveNs;
    if (frame->probeToReference.valid) ++m_counts.withPose;
    m_counts.last = frame;
  }
  /// A copy: no lock may be held while the driver is asked anything, since the driver holds
  /// its own lock while it calls add() (ThreadSanitizer: lock-order inversion).
  TallyCounts read() const {
    std::lock_guard lock(m_mutex);
    return m_counts;
  }

 private:
  mutable std::mutex m_mutex;
  TallyCounts m_counts;
};

std::string format(const char* pattern, double a, double b = 0) {
  char text[96];
  std::snprintf(text, sizeof text, pattern, a, b);
  return text;
}

std::string joined(const std::vector<std::string>& names, const std::string& marked, const char* mark) {
  std::string text;
  for (const std::string& name : names)
    text += (text.empty() ? "" : ", ") + name + (name == marked ? mark : "");
  return text.empty() ? "none" : text;
}

void printIgtlDetails(const acquisition::IgtlClientStats& stats, std::ostream& out) {
  out << "latency      "
      << (stats.latencySamples == 0
              ? std::string("n/a (no sender timestamps)")
              : format("median %.2f ms, p95 %.2f ms", stats.latencyMedianMs, stats.latencyP95Ms) +
                    " (receipt - message timestamp, " + std::to_string(stats.latencySamples) + " images)")
      << "\nrefused      bad CRC " << stats.refusedBadCrc << ", impossible size "
      << stats.refusedImpossibleSize << ", oversized " << stats.refusedOversized << ", unsupported "
      << stats.refusedUnsupported << ", malformed " << stats.refusedMalformed
      << (stats.lastRefusal.empty() ? "" : " (last: " + stats.lastRefusal + ")") << "\nimages       "
      << joined(stats.imageDevicesSeen, stats.imageDevice, " (used)") << "\ntransforms   "
      << joined(stats.transformDevicesSeen, stats.probeTransform, " (probe)") << "\nconnections  "
      << stats.connections << ", messages " << stats.messages << ", ignored " << stats.ignored << "\n";
}

void printSummary(const acquisition::ProbeDriver& driver, const TallyCounts& tally, std::ostream& out) {
  const double spanSeconds = core::nsToSeconds(tally.lastNs - tally.firstNs);
  out << "source       " << driver.description() << "\nstate        " << toString(driver.state())
      << (driver.lastError().empty() ? "" : " (" + driver.lastError() + ")") << "\nframes       "
      << tally.frames;
  if (tally.frames > 1 && spanSeconds > 0)
    out << format(" (%.1f frames/s)", (tally.frames - 1) / spanSeconds);
  out << "\n";
  if (tally.last) {
    out << "size         " << tally.last->width << " x " << tally.last->height << " px\n"
        << "spacing      " << format("%.4f x %.4f mm", tally.last->spacingMm.x(), tally.last->spacingMm.y())
        << "\n"
        << "probe pose   " << tally.withPose << " of " << tally.frames << " frames\n";
  }
  const acquisition::DriverCounters counters = driver.counters();
  out << "drops        lost at source " << counters.framesLostAtSource << ", refused messages "
      << counters.messagesRefused << ", timestamps refused " << counters.timestampsRefused << "\n";
  if (const auto* igtl = dynamic_cast<const acquisition::IgtlClientDriver*>(&driver)) {
    printIgtlDetails(igtl->stats(), out);
  } else if (const auto* video = dynamic_cast<const acquisition::VideoGrabberDriver*>(&driver)) {
    const acquisition::VideoGrabberStats stats = video->stats();
    out << "captured     " << stats.capturedWidth << " x " << stats.capturedHeight << " px at "
        << format("%.1f", stats.framesPerSecond) << " frames/s (reported), frozen episodes "
        << stats.frozenEpisodes << "\nlatency      n/a (video carries no timestamps)\n";
  } else {
    out << "latency      n/a (this source has no sender timestamps)\n";
  }
}

}  // namespace

int runProbeSource(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.option("seconds");
  parsed.parse(arguments);
  if (parsed.positional().size() != 1) throw UsageError("give exactly one SPEC (see hipguide-cli sources)");
  const double seconds = parsed.number("seconds", 5.0);
  if (!(seconds > 0)) throw UsageError("--seconds must be positive");
  const std::string spec = parsed.positional().front();
  auto driver = session::openSource(acquisition::parseSourceSpec(spec));
  Tally tally;
  driver->subscribe([&tally](const core::FramePtr& frame) { tally.add(frame); });
  driver->start();
  const auto start = std::chrono::steady_clock::now();
  for (int second = 1; second <= static_cast<int>(seconds); ++second) {
    std::this_thread::sleep_until(start + std::chrono::seconds(second));
    std::cerr << "probe-source: " << second << " s, " << toString(driver->state()) << ", "
              << tally.read().frames << " frames\n";
  }
  std::this_thread::sleep_until(start + std::chrono::duration<double>(seconds));
  std::ostringstream summary;
  const TallyCounts counts = tally.read();
  printSummary(*driver, counts, summary);  // before stop(), which changes the state
  driver->stop();
  std::cout << summary.str();
  if (counts.frames == 0) {
    std::cerr << "hipguide-cli probe-source: no frame arrived from " << spec << " in " << seconds << " s\n";
    return 1;
  }
  return 0;
}

}  // namespace hipguide::cli
