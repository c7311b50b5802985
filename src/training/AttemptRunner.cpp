#include <hipguide/training/AttemptRunner.h>

#include <hipguide/acquisition/UltrasoundSimulator.h>
#include <hipguide/core/Logging.h>
#include <hipguide/session/NativeRecording.h>

#include <cmath>
#include <optional>

namespace hipguide::training {
namespace {

/// JSON has no infinity: never-measured distances are written as null.
nlohmann::json distanceJson(double valueMm) {
  return std::isfinite(valueMm) ? nlohmann::json(valueMm) : nlohmann::json();
}

/// The per-frame trace values as a `training-sample` event of the recording.
session::SessionEvent sampleEvent(const AttemptTrace& trace, const AttemptSample& sample,
                                  std::int64_t timeNs) {
  session::SessionEvent event;
  event.timestampNs = timeNs;
  event.frameId = sample.frameId;
  event.kind = "training-sample";
  event.payload = {{"inserted", sample.inserted},
                   {"tip_in_image", sample.tipInImage},
                   {"tip_to_target_mm", distanceJson(sample.tipToTargetMm)},
                   {"nearest_vessel_mm", distanceJson(trace.nearestMm(sample, false))},
                   {"nearest_nerve_mm", distanceJson(trace.nearestMm(sample, true))}};
  return event;
}

}  // namespace

Exercise exerciseOf(const TrainingWorld& world) {
  Exercise exercise = exerciseFor(world.scenarioName);
  if (world.targetStructure != exercise.targetStructure) {
    exercise.targetStructure = world.targetStructure;
    exercise.title += " (target " + world.targetStructure + ")";
  }
  return exercise;
}

AttemptResult finishAttempt(const Exercise& exercise, std::uint32_t seed, const std::string& driver,
                            AttemptTrace trace, std::filesystem::path recording) {
  AttemptResult result;
  result.exercise = exercise;
  result.seed = seed;
  result.driver = driver;
  result.scores = computeScores(trace);
  result.verdict = judge(result.scores, exercise.criteria);
  result.trace = std::move(trace);
  result.recording = std::move(recording);
  return result;
}

AttemptResult runAttempt(const TrainingWorld& world, const Exercise& exercise, const ControlSource& source,
                         double durationS, const std::string& driver, const AttemptOptions& options) {
  const acquisition::ScenarioSetup& setup = world.scenario.setup();
  acquisition::UltrasoundSimulator simulator(
      world.volume, acquisition::acousticMapFrom(world.anatomy.table()), {.seed = world.seed});
  AttemptTracer tracer(world.anatomy, world.scenarioName, world.targetStructure, world.targetMm,
                       exercise.toleranceMm, setup.probe, setup.imaging);
  std::optional<session::NativeRecordingWriter> writer;
  if (!options.recordingFolder.empty()) {
    nlohmann::json metadata = options.recordingMetadata;
    metadata["training"] = {{"scenario", world.scenarioName}, {"seed", world.seed}, {"driver", driver}};
    writer.emplace(options.recordingFolder,
                   session::NativeWriterOptions{.compressPixels = true, .metadata = metadata});
  }
  const double fps = options.framesPerSecond > 0 ? options.framesPerSecond : 10.0;
  const auto frames = static_cast<std::uint64_t>(std::floor(durationS * fps)) + 1;
  acquisition::SimulatorInput input;
  input.probe = setup.probe;
  input.imaging = setup.imaging;
  for (std::uint64_t index = 0; index < frames; ++index) {
    const double timeS = static_cast<double>(index) / fps;
    const acquisition::ScenarioState state = source(timeS);
    input.probeToReference = state.probeToReference;
    input.needle = state.needle;
    input.frameIndex = index;
    const auto timeNs = static_cast<std::int64_t>(std::llround(timeS * 1e9));
    acquisition::SimulatedFrame simulated;
    if (writer)
      simulated = simulator.render(input);
    else
      simulated.truth = simulator.truth(input);
    simulated.truth.frameId = index + 1;
    const AttemptSample& sample = tracer.add(timeS, state, simulated.truth);
    if (writer) {
      simulated.frame.frameId = index + 1;
      simulated.frame.deviceTimestampNs = simulated.frame.hostReceiveNs = timeNs;
      writer->append(simulated.frame);
      writer->appendEvent(sampleEvent(tracer.trace(), sample, timeNs));
    }
    if (options.progress && index % 20 == 0) options.progress(static_cast<double>(index) / frames);
  }
  if (writer) writer->close({{"frames", frames}});
  return finishAttempt(exercise, world.seed, driver, tracer.take(), options.recordingFolder);
}

AttemptResult runAutopilotAttempt(const TrainingWorld& world, const AttemptOptions& options) {
  const acquisition::Scenario& scenario = world.scenario;
  return runAttempt(
      world, exerciseOf(world), [&](double timeS) { return scenario.at(timeS); }, scenario.durationS(),
      "autopilot", options);
}

AttemptResult runAutopilotAttempt(const std::string& scenarioName, std::uint32_t seed,
                                  const std::string& targetStructure, const AttemptOptions& options) {
  core::logger("training")->info("building the '{}' phantom (seed {})", scenarioName, seed);
  const auto world = buildTrainingWorld(scenarioName, seed, targetStructure);
  return runAutopilotAttempt(*world, options);
}

}  // namespace hipguide::training
