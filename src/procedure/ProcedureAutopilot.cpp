#include <hipguide/procedure/ProcedureAutopilot.h>

#include <hipguide/acquisition/UltrasoundSimulator.h>
#include <hipguide/core/Logging.h>
#include <hipguide/guidance/GuidanceEngine.h>
#include <hipguide/procedure/KeyImageCapture.h>
#include <hipguide/procedure/ProcedureGuidance.h>
#include <hipguide/training/AttemptRunner.h>

#include <cmath>
#include <limits>

namespace hipguide::procedure {
namespace {

/// Example scores of a good diagnostic response (the autopilot has no patient to ask).
constexpr int kExamplePainBefore = 7;
constexpr int kExamplePainAfter = 2;
constexpr int kExamplePainLater = 3;
constexpr double kExampleLaterAfterDays = 14;

/// The simulator's ground truth as a tracker estimate: the autopilot's stand-in for the tracker,
/// so that key images show exactly where the needle is.
core::NeedleEstimate estimateFromTruth(const acquisition::FrameTruth& truth) {
  core::NeedleEstimate estimate;
  estimate.frameId = truth.frameId;
  estimate.detected = truth.needleVisible;
  if (!estimate.detected) return estimate;
  const double angle = core::degToRad(truth.angleDeg);
  const core::Vec2 towardTip(std::cos(angle), std::sin(angle));  // A needle goes in deeper (+y).
  estimate.tipMm = truth.tipImageMm;
  estimate.entryMm = truth.tipImageMm - truth.visibleLengthMm * towardTip;
  estimate.angleDeg = truth.angleDeg;
  estimate.visibleLengthMm = truth.visibleLengthMm;
  estimate.confidence = 1.0;
  return estimate;
}

/// The inserted sample closest to the target (the first of equals): where the injection goes.
std::size_t injectionSample(const training::AttemptTrace& trace) {
  std::size_t best = trace.samples.size();
  double bestMm = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < trace.samples.size(); ++i)
    if (trace.samples[i].inserted && trace.samples[i].tipToTargetMm < bestMm) {
      bestMm = trace.samples[i].tipToTargetMm;
      best = i;
    }
  if (best == trace.samples.size()) throw ProcedureError("the autopilot's needle never entered the body");
  return best;
}

/// Smallest shaft clearance over the attempt to the structures of one kind (nerves or vessels).
std::optional<double> minimumClearance(const training::AttemptTrace& trace, bool nerves) {
  double smallest = std::numeric_limits<double>::infinity();
  for (const auto& sample : trace.samples) smallest = std::min(smallest, trace.nearestMm(sample, nerves));
  return std::isfinite(smallest) ? std::optional<double>(smallest) : std::nullopt;
}

/// Renders the frame of one trace sample with its guidance and makes it a key image.
KeyImage keyImageAt(const training::TrainingWorld& world, guidance::GuidanceEngine& engine,
                    acquisition::UltrasoundSimulator& simulator, const training::AttemptSample& sample,
                    const QDateTime& time, bool atInjection) {
  const acquisition::ScenarioState state = world.scenario.at(sample.timeS);
  acquisition::SimulatorInput input{state.probeToReference, world.scenario.setup().probe,
                                    world.scenario.setup().imaging, state.needle, sample.frameId};
  acquisition::SimulatedFrame simulated = simulator.render(input);
  simulated.frame.frameId = simulated.truth.frameId = sample.frameId;
  auto frame = std::make_shared<const core::Frame>(std::move(simulated.frame));
  const auto imageToReference = frame->imageToReference();
  guidance::GuidedFrame guided;
  guided.frame = frame;
  engine.reset();
  guided.guidance = engine.update(estimateFromTruth(simulated.truth), imageToReference,
                                  static_cast<std::int64_t>(sample.timeS * 1e9));
  if (imageToReference)
    guided.contours =
        world.anatomy.planeContours({*imageToReference, frame->spacingMm, frame->width, frame->height});
  KeyImage key = makeKeyImage(renderGuidedFrame(guided), guided.guidance, world.anatomy.table(),
                              frame->spacingMm.x(), atInjection);
  key.capturedAt = time;
  key.caption = atInjection ? "Needle tip at the target, injection" : "Needle advancing in plane";
  return key;
}

}  // namespace

Procedure runAutopilotProcedure(const AutopilotOptions& options) {
  const ProcedureTypeInfo& info = procedureTypeInfo(options.type);
  Procedure procedure = newProcedure(options.type, Side::Right, options.patientId, options.operatorName);
  procedure.checklist = Checklist::allTicked();
  procedure.injectate = usualInjectate(DrugCatalog::defaults(), info.usualVolumeMl);
  procedure.pain.before = kExamplePainBefore;

  auto log = core::logger("procedure");
  log->info("autopilot {}: building the '{}' phantom (seed {})", info.id, info.scenario, options.seed);
  const auto world = training::buildTrainingWorld(info.scenario, options.seed, info.targetLabel);
  procedure.side = world->scenario.setup().phantom.side == anatomy::Side::Left ? Side::Left : Side::Right;
  training::AttemptOptions attemptOptions;
  attemptOptions.framesPerSecond = options.framesPerSecond;
  attemptOptions.recordingFolder = options.recordingFolder;
  attemptOptions.recordingMetadata = {{"procedure_type", info.id}};
  attemptOptions.progress = options.progress;
  const training::AttemptResult attempt = training::runAutopilotAttempt(*world, attemptOptions);
  procedure.recording = options.recordingFolder.string();

  const training::AttemptTrace& trace = attempt.trace;
  const std::size_t injectionIndex = injectionSample(trace);
  const auto timeOf = [&](const training::AttemptSample& sample) {
    return procedure.startedAt.addMSecs(static_cast<qint64>(std::llround(sample.timeS * 1000.0)));
  };
  guidance::GuidanceEngine engine(world->anatomy, guidanceTargetFor(options.type, world->anatomy));
  acquisition::UltrasoundSimulator simulator(
      world->volume, acquisition::acousticMapFrom(world->anatomy.table()), {.seed = world->seed});
  // Halfway in: the first inserted sample past half the final insertion depth, tip visible.
  const double halfwayMm = trace.samples[injectionIndex].insertionMm / 2;
  for (std::size_t i = 0; i < injectionIndex; ++i)
    if (trace.samples[i].insertionMm >= halfwayMm && trace.samples[i].needleVisible) {
      procedure.keyImages.push_back(
          keyImageAt(*world, engine, simulator, trace.samples[i], timeOf(trace.samples[i]), false));
      break;
    }
  const training::AttemptSample& atInjection = trace.samples[injectionIndex];
  KeyImage injectionImage = keyImageAt(*world, engine, simulator, atInjection, timeOf(atInjection), true);
  markInjection(procedure, timeOf(atInjection), injectionImage.tipToTargetMm);
  procedure.keyImages.push_back(std::move(injectionImage));
  procedure.minVesselClearanceMm = minimumClearance(trace, false);
  procedure.minNerveClearanceMm = minimumClearance(trace, true);

  procedure.pain.immediatelyAfter = kExamplePainAfter;
  procedure.pain.later = kExamplePainLater;
  procedure.pain.laterAfterDays = kExampleLaterAfterDays;
  log->info("autopilot {}: injection at {:.1f} s, tip {:.1f} mm from target (truth), {} key images", info.id,
            atInjection.timeS, atInjection.tipToTargetMm, procedure.keyImages.size());
  return procedure;
}

}  // namespace hipguide::procedure
