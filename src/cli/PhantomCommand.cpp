#include "Arguments.h"
#include "Commands.h"

#include <hipguide/anatomy/AnatomyFolder.h>
#include <hipguide/anatomy/HipPhantom.h>
#include <hipguide/anatomy/Surfaces.h>

#include <chrono>
#include <iostream>

namespace hipguide::cli {

namespace {

anatomy::Habitus parseHabitus(const std::string& text) {
  if (text == "slim") return anatomy::Habitus::Slim;
  if (text == "average") return anatomy::Habitus::Average;
  if (text == "obese") return anatomy::Habitus::Obese;
  throw UsageError("--habitus must be slim, average or obese, not '" + text + "'");
}

anatomy::Side parseSide(const std::string& text) {
  if (text == "right") return anatomy::Side::Right;
  if (text == "left") return anatomy::Side::Left;
  throw UsageError("--side must be right or left, not '" + text + "'");
}

}  // namespace

int runPhantom(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.option("out").option("side").option("habitus").option("seed").option("voxel").flag("effusion");
  parsed.parse(arguments);
  if (!parsed.positional().empty())
    throw UsageError("unexpected argument '" + parsed.positional().front() + "'");
  anatomy::PhantomOptions options;
  const std::string out = parsed.required("out");
  options.side = parseSide(parsed.valueOr("side", "right"));
  options.habitus = parseHabitus(parsed.valueOr("habitus", "average"));
  options.effusion = parsed.has("effusion");
  const long long seed = parsed.integer("seed", 1);
  if (seed < 0 || seed > 4294967295LL) throw UsageError("--seed must be 0..4294967295");
  options.seed = static_cast<std::uint32_t>(seed);
  options.voxelMm = parsed.number("voxel", 0.5);
  if (!(options.voxelMm >= 0.2 && options.voxelMm <= 0.5)) throw UsageError("--voxel must be 0.2..0.5 mm");

  const auto start = std::chrono::steady_clock::now();
  const anatomy::Phantom phantom = anatomy::makeHipPhantom(options);
  const double buildS = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto& l = phantom.landmarks;
  std::cerr << "phantom built in " << buildS << " s: head radius " << l.femoralHeadRadiusMm
            << " mm, neck-shaft " << l.neckShaftAngleDeg << " deg, anteversion " << l.anteversionDeg
            << " deg, recess-to-bone " << l.recessToBoneMm << " mm, skin-to-capsule " << l.skinToCapsuleMm
            << " mm\n";
  anatomy::writeAnatomyFolder(out, phantom.volume, phantom.table, phantom.landmarks,
                              anatomy::SurfaceOptions{},
                              [](const std::string& line) { std::cerr << line << "\n"; });
  std::cout << out << "\n";
  return 0;
}

}  // namespace hipguide::cli
