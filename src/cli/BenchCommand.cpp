#include "Arguments.h"
#include "Commands.h"

#include <hipguide/acquisition/ScenarioSequence.h>
#include <hipguide/core/Statistics.h>
#include <hipguide/core/SteadyClock.h>
#include <hipguide/session/RecordingReader.h>
#include <hipguide/tracking/NeedleTracker.h>
#include <hipguide/tracking/Threading.h>

#include <cstdio>
#include <ctime>
#include <map>
#include <string>
#include <vector>

namespace hipguide::cli {
namespace {

std::vector<core::Frame> readFrames(const std::string& path, std::int64_t maxFrames) {
  const auto reader = session::openRecording(path);
  std::vector<core::Frame> frames;
  const std::int64_t count = maxFrames > 0 ? std::min(maxFrames, reader->frameCount()) : reader->frameCount();
  for (std::int64_t index = 0; index < count; ++index) frames.push_back(reader->readFrame(index).frame);
  if (frames.empty()) throw std::runtime_error("'" + path + "' holds no frames");
  return frames;
}

/// The scenario's frames as `hipguide-cli simulate --seed 1` renders them (640×480), all of
/// them or the first `maxFrames`.
std::vector<core::Frame> simulateFrames(const std::string& scenario, std::int64_t maxFrames) {
  std::fprintf(stderr, "rendering '%s' (seed 1)...\n", scenario.c_str());
  acquisition::ScenarioSequence sequence(scenario, 1);
  const auto all = static_cast<std::int64_t>(sequence.frameCount());
  const std::int64_t count = maxFrames > 0 ? std::min(maxFrames, all) : all;
  std::vector<core::Frame> frames;
  for (std::int64_t index = 0; index < count; ++index)
    frames.push_back(sequence.render(static_cast<std::uint64_t>(index)).frame);
  return frames;
}

/// CPU time of the calling thread in ms: the work itself, without time the thread waited for a
/// core on a busy machine.
double threadCpuMs() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

void printRow(const std::string& name, const std::vector<double>& ms) {
  std::printf("  %-10s %8.3f %8.3f %8.3f\n", name.c_str(), core::median(ms), core::percentile(ms, 95.0),
              core::percentile(ms, 100.0));
}

}  // namespace

int runBench(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.option("in").option("scenario").option("frames").option("passes");
  parsed.parse(arguments);
  if (!parsed.positional().empty())
    throw UsageError("unexpected argument '" + parsed.positional().front() + "'");
  if (parsed.has("in") && parsed.has("scenario")) throw UsageError("give --in or --scenario, not both");
  const long long passes = parsed.integer("passes", 3);
  if (passes < 1) throw UsageError("--passes must be at least 1");
  const long long maxFrames = parsed.integer("frames", 0);
  if (maxFrames < 0) throw UsageError("--frames must be at least 1 (0: all)");
  const std::string source =
      parsed.has("in") ? parsed.valueOr("in", "") : "simulated " + parsed.valueOr("scenario", "anterior-hip");
  const std::vector<core::Frame> frames =
      parsed.has("in") ? readFrames(parsed.valueOr("in", ""), maxFrames)
                       : simulateFrames(parsed.valueOr("scenario", "anterior-hip"), maxFrames);
  tracking::setLibraryThreads(1);

  std::vector<double> totalMs, totalCpuMs;
  std::map<std::string, std::vector<double>> stageMs;
  std::vector<std::string> stageOrder;
  // Pass 0 warms caches and allocations and is not counted.
  for (long long pass = 0; pass <= passes; ++pass) {
    tracking::NeedleTracker tracker;
    for (const core::Frame& frame : frames) {
      const std::int64_t start = core::steadyNowNs();
      const double cpuStart = threadCpuMs();
      const core::NeedleEstimate estimate = tracker.process(frame);
      const double ms = core::nsToMs(core::steadyNowNs() - start);
      const double cpuMs = threadCpuMs() - cpuStart;
      if (pass == 0) continue;
      totalMs.push_back(ms);
      totalCpuMs.push_back(cpuMs);
      for (const core::StageTime& stage : estimate.stageTimes) {
        if (!stageMs.contains(stage.stage)) stageOrder.push_back(stage.stage);
        stageMs[stage.stage].push_back(stage.ms);
      }
    }
  }
  std::printf("bench: %zu frames of %dx%d from %s, %lld passes, one thread\n", frames.size(),
              frames.front().width, frames.front().height, source.c_str(), passes);
  std::printf("  %-10s %8s %8s %8s\n", "stage", "median", "p95", "max");
  for (const std::string& stage : stageOrder) printRow(stage, stageMs[stage]);
  printRow("total", totalMs);
  printRow("total cpu", totalCpuMs);
  std::printf(
      "  (milliseconds per frame; stages and total are wall-clock, \"total cpu\" is the thread's CPU "
      "time)\n");
  return 0;
}

}  // namespace hipguide::cli
