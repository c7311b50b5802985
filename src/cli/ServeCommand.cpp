/// `hipguide-cli serve`: a source and its tracked needle, streamed to OpenIGTLink clients.

#include "Arguments.h"
#include "Commands.h"

#include <hipguide/acquisition/IgtlServer.h>
#include <hipguide/acquisition/SourceSpec.h>
#include <hipguide/core/LatestSlot.h>
#include <hipguide/core/SteadyClock.h>
#include <hipguide/guidance/NeedleGeometry.h>
#include <hipguide/session/SourceTable.h>
#include <hipguide/tracking/NeedleTracker.h>

#include <atomic>
#include <csignal>
#include <iostream>
#include <optional>
#include <thread>

namespace hipguide::cli {
namespace {

constexpr double kPredictedPathMm = 50.0;  ///< How far ahead of the tip the path is drawn.
volatile std::sig_atomic_t g_interrupted = 0;

void onInterrupt(int) { g_interrupted = 1; }

/// Requests `stop` after `seconds` (0 = never) or on Ctrl-C / SIGTERM.
std::jthread stopTimer(std::stop_source stop, double seconds) {
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  return std::jthread([stop, seconds](std::stop_token own) mutable {
    const std::int64_t deadline = core::steadyNowNs() + core::secondsToNs(seconds);
    while (!own.stop_requested() && !g_interrupted && (seconds <= 0 || core::steadyNowNs() < deadline))
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    stop.request_stop();
  });
}

/// Counts of what was served, for the progress lines and the summary.
struct ServeTally {
  std::uint64_t frames = 0;
  std::uint64_t tracked = 0;
  std::uint64_t detected = 0;
};

void publishTracking(acquisition::IgtlServer& server, tracking::NeedleTracker& tracker,
                     const core::Frame& frame, ServeTally& tally) {
  const core::NeedleEstimate estimate = tracker.process(frame);
  ++tally.tracked;
  if (!estimate.detected) return;
  ++tally.detected;
  server.publishNeedle(estimate, frame);
  const core::Transform3 imageToReference = frame.imageToReference().value_or(core::Transform3::Identity());
  if (const auto needle = guidance::needlePose(estimate, imageToReference)) {
    const guidance::PredictedPath path =
        guidance::predictPath(*needle, std::nullopt, imageToReference, kPredictedPathMm);
    server.publishPath({core::Vec3(path.startImageMm.x(), path.startImageMm.y(), 0.0),
                        core::Vec3(path.endImageMm.x(), path.endImageMm.y(), 0.0)},
                       frame);
  }
}

std::string statusText(const acquisition::ProbeDriver& driver, const ServeTally& tally, bool tracking,
                       const acquisition::IgtlServerStats& stats) {
  std::string text = "source " + std::string(toString(driver.state()));
  if (!driver.lastError().empty()) text += " (" + driver.lastError() + ")";
  text += "; frames " + std::to_string(tally.frames);
  if (tracking)
    text += "; needle found in " + std::to_string(tally.detected) + " of " + std::to_string(tally.tracked);
  return text + "; clients " + std::to_string(stats.clients);
}

}  // namespace

int runServe(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.option("source").option("port").option("bind").option("seconds").flag("no-tracking");
  parsed.parse(arguments);
  if (!parsed.positional().empty())
    throw UsageError("unexpected argument '" + parsed.positional().front() + "'");
  acquisition::IgtlServerSettings settings;
  settings.port = static_cast<int>(parsed.integer("port", 18944));
  settings.bindAddress = parsed.valueOr("bind", settings.bindAddress);
  const double seconds = parsed.number("seconds", 0.0);
  if (seconds < 0) throw UsageError("--seconds must not be negative");
  const bool tracking = !parsed.has("no-tracking");

  auto driver = session::openSource(acquisition::parseSourceSpec(parsed.required("source")));
  acquisition::IgtlServer server(settings);
  std::cout << "listening on " << settings.bindAddress << ":" << server.port() << std::endl;
  std::optional<tracking::NeedleTracker> tracker;
  if (tracking) tracker.emplace();

  core::LatestSlot<core::FramePtr> frames;
  driver->subscribe([&frames](const core::FramePtr& frame) { frames.publish(frame); });
  driver->start();
  std::stop_source stop;
  const std::jthread timer = stopTimer(stop, seconds);
  ServeTally tally;
  std::uint64_t seen = 0;
  std::int64_t nextStatusNs = core::steadyNowNs();
  while (const auto entry = frames.waitNewer(seen, stop.get_token())) {
    seen = entry->sequence;
    server.publishFrame(*entry->value);
    ++tally.frames;
    if (tracker) publishTracking(server, *tracker, *entry->value, tally);
    if (core::steadyNowNs() < nextStatusNs) continue;
    nextStatusNs += core::secondsToNs(1.0);
    const std::string status = statusText(*driver, tally, tracking, server.stats());
    server.publishStatus(status);
    std::cerr << "serve: " << status << "\n";
  }
  driver->stop();
  const acquisition::IgtlServerStats stats = server.stats();
  std::cout << "served " << tally.frames << " frames";
  if (tracking) std::cout << ", needle found in " << tally.detected << " of " << tally.tracked;
  std::cout << "; clients " << stats.clientsAccepted << ", messages sent " << stats.messagesSent
            << ", skipped for slow clients " << stats.messagesSkipped << "\n";
  return tally.frames > 0 ? 0 : 1;
}

}  // namespace hipguide::cli
