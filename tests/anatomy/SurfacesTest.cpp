// Surfaces: watertight, in physical LPS millimetres, written and read back.
#include <hipguide/anatomy/AnatomySurfaces.h>
#include <hipguide/anatomy/Surfaces.h>

#include "SyntheticVolumes.h"
#include "TestData.h"

#include <gtest/gtest.h>
#include <vtkFeatureEdges.h>
#include <vtkPolyData.h>

#include <fstream>

namespace hipguide::anatomy {
namespace {

vtkIdType openOrNonManifoldEdges(vtkPolyData* surface) {
  auto edges = vtkSmartPointer<vtkFeatureEdges>::New();
  edges->SetInputData(surface);
  edges->BoundaryEdgesOn();
  edges->NonManifoldEdgesOn();
  edges->FeatureEdgesOff();
  edges->ManifoldEdgesOff();
  edges->Update();
  return edges->GetOutput()->GetNumberOfCells();
}

TEST(Surfaces, BallSurfaceIsClosedAndSitsAtItsPhysicalPlace) {
  // A flipped, rotated grid (as a RAS-stored NIfTI gives) must still land in LPS mm.
  const Eigen::Matrix3d direction =
      core::rotationDeg(core::Vec3(0, 0, 1), 30.0) * Eigen::Vector3d(-1, -1, 1).asDiagonal();
  const core::Vec3 origin(40.0, 35.0, -10.0);
  LabelVolume probe;
  probe.originMm = origin;
  probe.direction = direction;
  probe.spacingMm = core::Vec3::Constant(0.5);
  const core::Vec3 centre = probe.indexToPhysical(core::Vec3(30, 30, 30));
  const LabelVolume volume = synthetic::ballVolume(centre, 10.0, 60, 0.5, origin, direction);
  const auto surface = extractSurface(volume, 1);
  ASSERT_GT(surface->GetNumberOfCells(), 100);
  EXPECT_EQ(openOrNonManifoldEdges(surface), 0);
  double worst = 0;
  for (vtkIdType id = 0; id < surface->GetNumberOfPoints(); ++id) {
    double p[3];
    surface->GetPoint(id, p);
    worst = std::max(worst, std::abs((core::Vec3(p[0], p[1], p[2]) - centre).norm() - 10.0));
  }
  EXPECT_LT(worst, 0.6);
  EXPECT_EQ(extractSurface(volume, 7)->GetNumberOfCells(), 0) << "an absent label has no surface";
}

TEST(Surfaces, WrittenPerStructureAndReadBack) {
  const auto dir = test::freshTempDir();
  LabelVolume volume = synthetic::ballVolume(core::Vec3(10, 10, 10), 6.0, 40, 0.5);
  const auto names = writeSurfaces(volume, synthetic::ballTable(), dir);
  ASSERT_EQ(names, std::vector<std::string>{"ball"});
  for (const char* file : {"ball.vtp", "ball.stl"}) {
    const auto surface = readSurface(dir / file);
    double bounds[6];
    surface->GetBounds(bounds);
    EXPECT_NEAR(bounds[0], 4.0, 0.6) << file;
    EXPECT_NEAR(bounds[5], 16.0, 0.6) << file;
  }
  EXPECT_THROW(readSurface(dir / "vessel.vtp"), std::runtime_error);
  std::ofstream(dir / "ball.obj") << "v 0 0 0";
  EXPECT_THROW(readSurface(dir / "ball.obj"), std::runtime_error);
}

TEST(Surfaces, AnatomyGivesEachStructureItsSurface) {
  const Anatomy anatomy(synthetic::ballVolume(core::Vec3(10, 10, 10), 6.0, 40, 0.5), synthetic::ballTable());
  const auto ball = structureSurface(anatomy, "ball");
  double bounds[6];
  ball->GetBounds(bounds);
  EXPECT_NEAR(bounds[2], 4.0, 0.6);
  EXPECT_THROW(structureSurface(anatomy, "vessel"), std::out_of_range) << "in the table, not in the map";
  EXPECT_THROW(structureSurface(anatomy, "spleen"), std::out_of_range);
}

}  // namespace
}  // namespace hipguide::anatomy
