// The command-line tools end to end: phantom and TotalSegmentator import folders, and every
// error giving exit code 1 with a message that names the file and the problem.
#include <hipguide/anatomy/Anatomy.h>
#include <hipguide/anatomy/LabelMapping.h>
#include <hipguide/anatomy/LabelVolumeIO.h>
#include <hipguide/anatomy/Surfaces.h>

#include "TestData.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <vtkPolyData.h>

#include <fstream>
#include <set>
#include <sstream>

namespace hipguide::anatomy {
namespace {

using core::Vec3;

struct CliResult {
  int exitCode;
  std::string output;
};

CliResult runCli(const std::string& arguments, const std::filesystem::path& dir) {
  const auto log = dir / "cli.log";
  const std::string command =
      std::string(HIPGUIDE_BINARY_DIR) + "/bin/hipguide-cli " + arguments + " > '" + log.string() + "' 2>&1";
  const int status = std::system(command.c_str());
  std::stringstream text;
  text << std::ifstream(log).rdbuf();
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

/// Physical bounds (min, max) of the centres of the voxels whose label is in `values`.
template <typename Volume>
std::pair<Vec3, Vec3> voxelBounds(const Volume& volume, const std::set<int>& values) {
  LabelVolume geometry;
  geometry.size = volume.size;
  geometry.spacingMm = volume.spacingMm;
  geometry.originMm = volume.originMm;
  geometry.direction = volume.direction;
  Vec3 low = Vec3::Constant(1e9), high = Vec3::Constant(-1e9);
  for (int k = 0; k < volume.size[2]; ++k)
    for (int j = 0; j < volume.size[1]; ++j)
      for (int i = 0; i < volume.size[0]; ++i)
        if (values.count(static_cast<int>(volume.labels[geometry.index(i, j, k)]))) {
          const Vec3 p = geometry.indexToPhysical(Vec3(i, j, k));
          low = low.cwiseMin(p);
          high = high.cwiseMax(p);
        }
  return {low, high};
}

void expectSurfaceOverVoxels(vtkPolyData* surface, const std::pair<Vec3, Vec3>& voxels, double toleranceMm,
                             const std::string& what) {
  ASSERT_GT(surface->GetNumberOfCells(), 0) << what;
  double b[6];
  surface->GetBounds(b);
  for (int a = 0; a < 3; ++a) {
    EXPECT_NEAR(b[2 * a], voxels.first[a], toleranceMm) << what << " axis " << a;
    EXPECT_NEAR(b[2 * a + 1], voxels.second[a], toleranceMm) << what << " axis " << a;
  }
}

TEST(AnatomyCli, PhantomWritesAFolderThatLoadsBack) {
  const auto dir = test::freshTempDir();
  const auto out = dir / "phantom";
  const CliResult result =
      runCli("phantom --out '" + out.string() + "' --side left --habitus slim --seed 4", dir);
  ASSERT_EQ(result.exitCode, 0) << result.output;
  for (const char* file :
       {"labels.nii.gz", "labels.json", "landmarks.json", "surfaces/femur.vtp", "surfaces/femur.stl",
        "surfaces/anterior_recess.vtp", "surfaces/femoral_nerve.stl", "surfaces/lfcn.vtp"})
    EXPECT_TRUE(std::filesystem::exists(out / file)) << file;
  const Anatomy anatomy = Anatomy::load(out);
  PhantomOptions options;
  options.side = Side::Left;
  options.habitus = Habitus::Slim;
  options.seed = 4;
  const Phantom expected = makeHipPhantom(options);
  EXPECT_EQ(anatomy.volume().labels, expected.volume.labels);
  EXPECT_LT((anatomy.volume().originMm - expected.volume.originMm).norm(), 1e-3);
  ASSERT_TRUE(anatomy.landmarks());
  EXPECT_LT((anatomy.landmarks()->anteriorRecessTargetMm - expected.landmarks.anteriorRecessTargetMm).norm(),
            1e-6);
  const std::uint8_t femur = expected.table.valueOf("femur");
  expectSurfaceOverVoxels(readSurface(out / "surfaces/femur.vtp"), voxelBounds(expected.volume, {femur}), 1.0,
                          "phantom femur");
}

TEST(AnatomyCli, TotalSegmentatorImportPutsFemurHipAndIliacVesselsWhereTheirVoxelsAre) {
  HIPGUIDE_REQUIRE_SHARED_FILE(seg, "totalsegmentator/example_seg_v1_multilabel.nii.gz");
  const auto dir = test::freshTempDir();
  const auto out = dir / "patient";
  const CliResult result = runCli(
      "anatomy-import --in '" + seg.string() + "' --mapping totalsegmentator --out '" + out.string() + "'",
      dir);
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const RawLabelImage source = readRawLabelImage(seg);
  const Anatomy anatomy = Anatomy::load(out);
  EXPECT_LT((anatomy.volume().originMm - source.originMm).norm(), 1e-3) << "same LPS placement as the source";
  EXPECT_LT((anatomy.volume().direction - source.direction).norm(), 1e-6);
  const double voxelMm = source.spacingMm.maxCoeff();
  const std::vector<std::pair<const char*, std::set<int>>> structures = {
      {"femur", {88, 89}}, {"pelvis", {90, 91}}, {"iliac_artery", {51, 52}}, {"iliac_vein", {53, 54}}};
  for (const auto& [name, sourceValues] : structures) {
    const auto file = out / "surfaces" / (std::string(name) + ".vtp");
    ASSERT_TRUE(std::filesystem::exists(file)) << file;
    expectSurfaceOverVoxels(readSurface(file), voxelBounds(source, sourceValues), voxelMm, name);
  }
  EXPECT_GT(anatomy.criticalLabels().size(), 0u) << "the iliac vessels are critical";
}

TEST(AnatomyCli, EveryErrorExitsWithOneAndNamesTheProblem) {
  const auto dir = test::freshTempDir();
  auto expectFailure = [&](const std::string& arguments, const std::string& problem) {
    const CliResult result = runCli(arguments, dir);
    EXPECT_EQ(result.exitCode, 1) << arguments << "\n" << result.output;
    EXPECT_NE(result.output.find(problem), std::string::npos) << arguments << "\n" << result.output;
  };
  const std::string out = " --out '" + (dir / "out").string() + "'";
  expectFailure(
      "anatomy-import --in '" + (dir / "absent.nii.gz").string() + "' --mapping totalsegmentator" + out,
      "absent.nii.gz': file not found");
  std::ofstream(dir / "scan.png") << "png";
  expectFailure("anatomy-import --in '" + (dir / "scan.png").string() + "' --mapping totalsegmentator" + out,
                "unsupported format");
  std::ofstream(dir / "empty.nrrd")
      << "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 2 1 1\nencoding: ascii\n\n0 0\n";
  expectFailure(
      "anatomy-import --in '" + (dir / "empty.nrrd").string() + "' --mapping totalsegmentator" + out,
      "empty");
  std::ofstream(dir / "soft.nrrd")
      << "NRRD0004\ntype: float\ndimension: 3\nsizes: 2 1 1\nencoding: ascii\n\n0 88.5\n";
  expectFailure("anatomy-import --in '" + (dir / "soft.nrrd").string() + "' --mapping totalsegmentator" + out,
                "non-integer");
  std::ofstream(dir / "other.nrrd")
      << "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 2 1 1\nencoding: ascii\n\n0 7\n";
  expectFailure(
      "anatomy-import --in '" + (dir / "other.nrrd").string() + "' --mapping totalsegmentator" + out,
      "none of its labels (7)");
  std::ofstream(dir / "map.json") << R"({"labels": {"7": "femurr"}})";
  expectFailure("anatomy-import --in '" + (dir / "other.nrrd").string() + "' --mapping '" +
                    (dir / "map.json").string() + "'" + out,
                "label 7 maps to unknown label 'femurr'");
  expectFailure("anatomy-import --in '" + (dir / "other.nrrd").string() + "' --mapping '" +
                    (dir / "nomap.json").string() + "'" + out,
                "nomap.json': file not found");
  std::ofstream(dir / "file") << "x";
  expectFailure("phantom --voxel 0.5 --out '" + (dir / "file" / "sub").string() + "'", "file");
  EXPECT_EQ(runCli("phantom --out x --habitus huge", dir).exitCode, 2) << "wrong usage is exit code 2";
}

TEST(AnatomyImport, CustomMappingRenamesLabels) {
  const auto dir = test::freshTempDir();
  std::ofstream(dir / "seg.nrrd")
      << "NRRD0004\ntype: short\ndimension: 3\nsizes: 2 2 1\nencoding: ascii\n\n0 5 9 5\n";
  std::ofstream(dir / "map.json") << R"({"labels": {"5": "femur", "9": "femoral_artery"}})";
  const LabelTable table = LabelTable::hipDefault();
  const ImportedLabels imported = LabelMapping::load(dir / "map.json", table)
                                      .apply(readRawLabelImage(dir / "seg.nrrd"), table, dir / "seg.nrrd");
  const std::uint8_t femur = table.valueOf("femur"), artery = table.valueOf("femoral_artery");
  EXPECT_EQ(imported.volume.labels, (std::vector<std::uint8_t>{0, femur, artery, femur}));
  EXPECT_EQ(imported.table.labels().size(), 2u);
  EXPECT_TRUE(imported.unmappedLabels.empty());
}

}  // namespace
}  // namespace hipguide::anatomy
