#include "Arguments.h"
#include "Commands.h"
#include "ProgressLine.h"
#include "SpeckleFrames.h"

#include <hipguide/core/Statistics.h>
#include <hipguide/core/SteadyClock.h>
#include <hipguide/session/NativeRecording.h>
#include <hipguide/session/PlusSequenceReader.h>
#include <hipguide/session/PlusSequenceWriter.h>

#include <ctime>
#include <iomanip>
#include <iostream>
#include <random>
#include <sstream>

namespace hipguide::cli {
namespace {

/// One file format the benchmark writes and then seeks in.
struct SeekFormat {
  std::string name;       ///< As given to --formats.
  std::string fileName;   ///< Inside --dir.
  bool compress = false;  ///< PLUS: one zlib/gzip stream.
};

const std::vector<SeekFormat>& knownFormats() {
  static const std::vector<SeekFormat> formats{{"mha-zlib", "bench-seek.igs.mha", true},
                                               {"nrrd-gz", "bench-seek.igs.nrrd", true},
                                               {"mha-raw", "bench-seek.igs.mha", false},
                                               {"hgrec", "bench-seek.hgrec", false}};
  return formats;
}

struct BenchSettings {
  int width = 640;
  int height = 480;
  std::int64_t frameCount = 0;
  double fps = 25.0;
  int seeks = 200;
  std::int64_t spacingBytes = 0;  ///< 0: the reader's default.
};

void writeRecording(const SeekFormat& format, const std::filesystem::path& path,
                    const BenchSettings& settings) {
  const SpeckleFrames frames(settings.width, settings.height);
  const auto periodNs = static_cast<std::int64_t>(1e9 / settings.fps);
  ProgressLine progress("writing " + format.name);
  if (format.name == "hgrec") {
    session::NativeRecordingWriter writer(path);
    for (std::int64_t i = 0; i < settings.frameCount; ++i) {
      writer.append(*frames.frame(static_cast<std::uint64_t>(i), i * periodNs));
      progress.update(i + 1, settings.frameCount);
    }
    writer.close();
  } else {
    session::PlusSequenceWriter writer(path, {.compress = format.compress});
    for (std::int64_t i = 0; i < settings.frameCount; ++i) {
      writer.append(*frames.frame(static_cast<std::uint64_t>(i), i * periodNs));
      progress.update(i + 1, settings.frameCount);
    }
    writer.close();
  }
  progress.finish();
}

std::string milliseconds(double ms) {
  std::ostringstream text;
  text << std::fixed << std::setprecision(2) << ms << " ms";
  return text.str();
}

/// CPU time of the calling thread in nanoseconds: what a seek costs on an idle core.
std::int64_t threadCpuNs() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

void printTimes(const std::string& label, const std::vector<double>& timesMs) {
  std::cout << "  " << label << ": median " << milliseconds(core::median(timesMs)) << ", p95 "
            << milliseconds(core::percentile(timesMs, 95.0)) << ", max "
            << milliseconds(*std::max_element(timesMs.begin(), timesMs.end())) << "\n";
}

/// Seeks to `settings.seeks` random frames (seed 1, the same for every format) and prints
/// median, p95 and max of the time readFrame() takes: wall clock, and the thread's CPU time
/// (equal on an idle machine; on a shared one the wall clock includes waiting for a core).
void timeSeeks(session::RecordingReader& reader, const BenchSettings& settings) {
  std::mt19937_64 random(1);
  std::vector<double> wallMs;
  std::vector<double> cpuMs;
  for (int i = 0; i < settings.seeks; ++i) {
    const auto index = static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(reader.frameCount()));
    const std::int64_t startNs = core::steadyNowNs();
    const std::int64_t startCpuNs = threadCpuNs();
    reader.readFrame(index);
    cpuMs.push_back(static_cast<double>(threadCpuNs() - startCpuNs) / 1e6);
    wallMs.push_back(static_cast<double>(core::steadyNowNs() - startNs) / 1e6);
  }
  printTimes("seek wall (" + std::to_string(settings.seeks) + " random frames)", wallMs);
  printTimes("seek CPU  (" + std::to_string(settings.seeks) + " random frames)", cpuMs);
}

void benchFormat(const SeekFormat& format, const std::filesystem::path& path, const BenchSettings& settings) {
  std::filesystem::remove_all(path);
  const std::int64_t writeStartNs = core::steadyNowNs();
  writeRecording(format, path, settings);
  const double writeSec = static_cast<double>(core::steadyNowNs() - writeStartNs) / 1e9;
  std::error_code ignored;
  const auto bytes = format.name == "hgrec" ? std::filesystem::file_size(path / "frames.bin", ignored)
                                            : std::filesystem::file_size(path, ignored);
  std::cout << format.name << ": " << settings.frameCount << " frames, " << bytes / 1e6
            << " MB on disk, written in " << writeSec << " s\n";
  if (format.compress) {
    session::PlusSequenceReader reader(path, {.seekSpacingBytes = settings.spacingBytes});
    const std::int64_t indexStartNs = core::steadyNowNs();
    reader.prepareForSeeking();
    reader.waitForSeekIndex();
    const session::SeekIndexStatus status = reader.seekIndexStatus();
    std::cout << "  index: " << status.checkpoints << " checkpoints every " << status.spacingBytes / 1048576.0
              << " MiB, " << status.memoryBytes / 1048576.0 << " MiB, built in "
              << static_cast<double>(core::steadyNowNs() - indexStartNs) / 1e9 << " s in the background"
              << (status.complete ? "" : " (INCOMPLETE)") << "\n";
    timeSeeks(reader, settings);
  } else {
    const auto reader = session::openRecording(path);
    timeSeeks(*reader, settings);
  }
  std::filesystem::remove_all(path);
}

std::vector<SeekFormat> parseFormats(const std::string& list) {
  std::vector<SeekFormat> chosen;
  std::stringstream stream(list);
  for (std::string name; std::getline(stream, name, ',');) {
    const auto& known = knownFormats();
    const auto found =
        std::find_if(known.begin(), known.end(), [&](const auto& f) { return f.name == name; });
    if (found == known.end())
      throw UsageError("--formats: unknown format '" + name + "' (mha-zlib, nrrd-gz, mha-raw, hgrec)");
    chosen.push_back(*found);
  }
  return chosen;
}

}  // namespace

int runBenchSeek(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.option("seconds").option("fps").option("width").option("height").option("seeks").option(
      "spacing-mib");
  parsed.option("formats").option("dir");
  parsed.parse(arguments);
  BenchSettings settings;
  const double seconds = parsed.number("seconds", 1200.0);
  settings.fps = parsed.number("fps", 25.0);
  settings.width = static_cast<int>(parsed.integer("width", 640));
  settings.height = static_cast<int>(parsed.integer("height", 480));
  settings.seeks = static_cast<int>(parsed.integer("seeks", 200));
  settings.spacingBytes = static_cast<std::int64_t>(parsed.number("spacing-mib", 0.0) * 1048576.0);
  settings.frameCount = static_cast<std::int64_t>(seconds * settings.fps);
  if (!(seconds > 0 && settings.fps > 0 && settings.width > 0 && settings.height > 0 && settings.seeks > 0 &&
        settings.frameCount > 0 && settings.spacingBytes >= 0))
    throw UsageError("--seconds, --fps, --width, --height and --seeks must be positive");
  if (settings.spacingBytes != 0 && settings.spacingBytes < 32 * 1024)
    throw UsageError("--spacing-mib must be at least 0.03125 (32 KiB)");
  const std::filesystem::path dir = parsed.valueOr("dir", std::filesystem::temp_directory_path().string());
  std::filesystem::create_directories(dir);
  const auto formats = parseFormats(parsed.valueOr("formats", "mha-zlib,nrrd-gz,mha-raw,hgrec"));
  std::cout << settings.width << "x" << settings.height << " 8-bit speckle frames, " << seconds << " s at "
            << settings.fps << " fps = " << settings.frameCount << " frames ("
            << settings.frameCount * settings.width * settings.height / 1e9 << " GB of pixels), files in "
            << dir << " (one at a time, deleted after)\n";
  for (const SeekFormat& format : formats) benchFormat(format, dir / format.fileName, settings);
  return 0;
}

}  // namespace hipguide::cli
