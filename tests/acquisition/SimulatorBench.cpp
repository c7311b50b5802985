/// Frame rate of the simulator: one 640×480 curvilinear frame on one core, on the hip phantom
/// during the anterior-hip insertion (needle in the image). Run build/bin/simulator_bench;
/// the `fps` counter is frames per second of the median repetition.

#include <hipguide/acquisition/Scenario.h>
#include <hipguide/acquisition/UltrasoundSimulator.h>

#include <benchmark/benchmark.h>

#include <memory>

namespace {

using namespace hipguide;

struct Fixture {
  std::shared_ptr<const anatomy::Phantom> phantom;
  std::unique_ptr<acquisition::Scenario> scenario;
};

const Fixture& fixture() {
  static const Fixture built = [] {
    Fixture f;
    f.phantom = std::make_shared<const anatomy::Phantom>(
        anatomy::makeHipPhantom(acquisition::scenarioPhantomOptions("anterior-hip", 1)));
    f.scenario =
        std::make_unique<acquisition::Scenario>(acquisition::makeScenario("anterior-hip", *f.phantom, 1));
    return f;
  }();
  return built;
}

void renderFrames(benchmark::State& state, acquisition::ProbeModel probe) {
  const Fixture& f = fixture();
  acquisition::UltrasoundSimulator simulator(
      std::shared_ptr<const anatomy::LabelVolume>(f.phantom, &f.phantom->volume),
      acquisition::acousticMapFrom(f.phantom->table));
  acquisition::SimulatorInput input;
  input.probe = probe;
  input.imaging = f.scenario->setup().imaging;
  // Late in the insertion: the needle is in the image.
  const acquisition::ScenarioState scene = f.scenario->at(f.scenario->durationS() - 1.0);
  input.probeToReference = scene.probeToReference;
  input.needle = scene.needle;
  simulator.render(input);  // Builds the geometry tables once.
  for (auto _ : state) {
    ++input.frameIndex;
    benchmark::DoNotOptimize(simulator.render(input));
  }
  state.counters["fps"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void curvilinear640x480(benchmark::State& state) {
  renderFrames(state, acquisition::ProbeModel::curvilinear());
}
void linear640x480(benchmark::State& state) { renderFrames(state, acquisition::ProbeModel::linear()); }

BENCHMARK(curvilinear640x480)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(linear640x480)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

}  // namespace
