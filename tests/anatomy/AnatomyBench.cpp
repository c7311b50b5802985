// Benchmarks of the anatomy layer: point distance queries (target > 1 M/s on one core), path
// clearances, plane cuts of a full frame (target < 5 ms), and the one-off builds.
// Run: build/bin/anatomy_bench  (not a ctest test).
#include <hipguide/anatomy/Anatomy.h>

#include <benchmark/benchmark.h>

#include <random>

namespace hipguide::anatomy {
namespace {

const Anatomy& phantomAnatomy() {
  static const Anatomy anatomy = [] {
    Anatomy built = Anatomy::fromPhantom(makeHipPhantom(PhantomOptions{}));
    built.prepareDistanceFields();
    return built;
  }();
  return anatomy;
}

/// Query points spread over the label map's box.
std::vector<core::Vec3> queryPoints(const LabelVolume& volume, std::size_t count) {
  std::mt19937 random(11);
  std::vector<core::Vec3> points;
  const core::Vec3 extent =
      volume.spacingMm.cwiseProduct(core::Vec3(volume.size[0] - 1, volume.size[1] - 1, volume.size[2] - 1));
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (std::size_t i = 0; i < count; ++i)
    points.push_back(volume.originMm +
                     volume.direction *
                         core::Vec3(unit(random), unit(random), unit(random)).cwiseProduct(extent));
  return points;
}

void BM_DistanceFieldQuery(benchmark::State& state) {
  const Anatomy& anatomy = phantomAnatomy();
  const DistanceField& field = anatomy.distanceField("femoral_artery");
  const auto points = queryPoints(anatomy.volume(), 1 << 16);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(field.signedDistanceMm(points[i]));
    i = (i + 1) & (points.size() - 1);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DistanceFieldQuery);

void BM_SignedDistanceByName(benchmark::State& state) {
  const Anatomy& anatomy = phantomAnatomy();
  const auto points = queryPoints(anatomy.volume(), 1 << 16);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(anatomy.signedDistanceMm("femoral_nerve", points[i]));
    i = (i + 1) & (points.size() - 1);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SignedDistanceByName);

void BM_NeedleClearanceToEveryCriticalStructure(benchmark::State& state) {
  const Anatomy& anatomy = phantomAnatomy();
  const PhantomLandmarks& l = *anatomy.landmarks();
  // An 80 mm needle from inferolateral toward the recess.
  const core::Vec3 tip = l.anteriorRecessTargetMm;
  const core::Vec3 entry = tip + 80.0 * core::Vec3(-0.3, -0.7, -0.65).normalized();
  for (auto _ : state) benchmark::DoNotOptimize(anatomy.segmentClearances(entry, tip));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NeedleClearanceToEveryCriticalStructure)->Unit(benchmark::kMicrosecond);

void BM_PlaneCutFullFrame(benchmark::State& state) {
  const Anatomy& anatomy = phantomAnatomy();
  const PhantomLandmarks& l = *anatomy.landmarks();
  // A 640×480 frame, 0.15 mm pixels, oblique-sagittal along the neck through the recess.
  PlaneGrid plane;
  plane.width = 640;
  plane.height = 480;
  plane.spacingMm = core::Vec2(0.15, 0.15);
  const core::Vec3 down = (l.anteriorRecessTargetMm - l.anteriorSkinAboveRecessMm).normalized();
  const core::Vec3 along = (l.neckAxis - l.neckAxis.dot(down) * down).normalized();
  plane.imageToReference.linear().col(0) = along;
  plane.imageToReference.linear().col(1) = down;
  plane.imageToReference.linear().col(2) = along.cross(down);
  plane.imageToReference.translation() = l.anteriorSkinAboveRecessMm - 48.0 * along;
  std::size_t contours = 0;
  for (auto _ : state) {
    const auto cut = anatomy.planeContours(plane);
    contours = cut.size();
    benchmark::DoNotOptimize(cut);
  }
  state.counters["structures"] = static_cast<double>(contours);
}
BENCHMARK(BM_PlaneCutFullFrame)->Unit(benchmark::kMillisecond);

void BM_PhantomBuild(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(makeHipPhantom(PhantomOptions{}));
}
BENCHMARK(BM_PhantomBuild)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_DistanceFieldBuild(benchmark::State& state) {
  const Anatomy& anatomy = phantomAnatomy();
  const std::uint8_t nerve = anatomy.table().valueOf("femoral_nerve");
  for (auto _ : state) benchmark::DoNotOptimize(DistanceField::compute(anatomy.volume(), nerve, 1.0));
}
BENCHMARK(BM_DistanceFieldBuild)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace hipguide::anatomy

BENCHMARK_MAIN();
