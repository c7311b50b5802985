#include "Arguments.h"
#include "Commands.h"
#include "ProgressLine.h"

#include <hipguide/acquisition/SourceSpec.h>
#include <hipguide/session/Recorder.h>
#include <hipguide/session/SourceTable.h>

#include <chrono>
#include <iostream>
#include <thread>

namespace hipguide::cli {

int runRecord(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.option("source").option("seconds").option("out").option("fps").flag("compress");
  parsed.parse(arguments);
  if (!parsed.positional().empty())
    throw UsageError("unexpected argument '" + parsed.positional().front() + "'");
  const auto spec = acquisition::parseSourceSpec(parsed.required("source"));
  const double seconds = parsed.number("seconds", 10.0);
  if (!(seconds > 0)) throw UsageError("--seconds must be positive");
  session::SourceOptions sourceOptions;
  sourceOptions.framesPerSecond = parsed.number("fps", sourceOptions.framesPerSecond);
  const auto driver = session::openSource(spec, sourceOptions);
  session::RecorderOptions options;
  options.writer.compressPixels = parsed.has("compress");
  options.writer.metadata = {{"source", spec.text}, {"source_description", driver->description()}};
  session::Recorder recorder(parsed.required("out"), options);
  recorder.attach(*driver);
  driver->start();
  ProgressLine progress("recording (seconds)");
  const auto start = std::chrono::steady_clock::now();
  const auto end = start + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < end && driver->state() != acquisition::DriverState::Error) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    progress.update(static_cast<std::int64_t>(elapsed), static_cast<std::int64_t>(seconds));
  }
  progress.finish();
  driver->stop();
  recorder.stop();
  const session::RecorderStats stats = recorder.stats();
  std::cout << "recorded " << stats.framesWritten << " frames (" << stats.dropped << " dropped, "
            << stats.bytesWritten / 1024 << " KiB) to " << parsed.required("out") << "\n";
  if (driver->state() == acquisition::DriverState::Error) {
    std::cerr << "source failed: " << driver->lastError() << "\n";
    return 1;
  }
  return stats.framesWritten > 0 ? 0 : 1;
}

}  // namespace hipguide::cli
