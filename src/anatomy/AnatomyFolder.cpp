#include <hipguide/anatomy/AnatomyFolder.h>
#include <hipguide/anatomy/LabelVolumeIO.h>
#include <hipguide/anatomy/Surfaces.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

namespace hipguide::anatomy {

namespace {

using nlohmann::json;

/// Every landmark field with its JSON name, for both directions.
template <typename Landmarks, typename Visit>
void forEachField(Landmarks& l, Visit visit) {
  visit("femoralHeadCentreMm", l.femoralHeadCentreMm);
  visit("femoralHeadRadiusMm", l.femoralHeadRadiusMm);
  visit("neckShaftAngleDeg", l.neckShaftAngleDeg);
  visit("anteversionDeg", l.anteversionDeg);
  visit("neckAxis", l.neckAxis);
  visit("headNeckJunctionMm", l.headNeckJunctionMm);
  visit("anteriorRecessTargetMm", l.anteriorRecessTargetMm);
  visit("recessToBoneMm", l.recessToBoneMm);
  visit("anteriorSkinAboveRecessMm", l.anteriorSkinAboveRecessMm);
  visit("skinToCapsuleMm", l.skinToCapsuleMm);
  visit("greaterTrochanterMm", l.greaterTrochanterMm);
  visit("trochantericBursaMm", l.trochantericBursaMm);
  visit("iliopsoasBursaMm", l.iliopsoasBursaMm);
  visit("femoralArteryMm", l.femoralArteryMm);
  visit("femoralVeinMm", l.femoralVeinMm);
  visit("femoralNerveMm", l.femoralNerveMm);
}

}  // namespace

void saveLandmarks(const PhantomLandmarks& landmarks, const std::filesystem::path& file) {
  json document = {{"format", "hipguide-phantom-landmarks"}, {"version", 1}, {"space", "LPS"}};
  forEachField(landmarks, [&document](const char* name, const auto& value) {
    if constexpr (std::is_same_v<std::decay_t<decltype(value)>, core::Vec3>)
      document[name] = {value.x(), value.y(), value.z()};
    else
      document[name] = value;
  });
  std::ofstream stream(file);
  stream << document.dump(2) << "\n";
  if (!stream) throw std::runtime_error(file.string() + ": cannot write the landmarks");
}

PhantomLandmarks loadLandmarks(const std::filesystem::path& file) {
  std::ifstream stream(file);
  if (!stream) throw std::runtime_error(file.string() + ": cannot open the landmarks");
  json document;
  try {
    document = json::parse(stream);
  } catch (const json::parse_error& error) {
    throw std::runtime_error(file.string() + ": not valid JSON (" + error.what() + ")");
  }
  PhantomLandmarks landmarks;
  forEachField(landmarks, [&](const char* name, auto& value) {
    if (!document.contains(name)) throw std::runtime_error(file.string() + ": missing field '" + name + "'");
    const json& item = document[name];
    if constexpr (std::is_same_v<std::decay_t<decltype(value)>, core::Vec3>) {
      if (!item.is_array() || item.size() != 3 || !item[0].is_number() || !item[1].is_number() ||
          !item[2].is_number())
        throw std::runtime_error(file.string() + ": field '" + name + "' must be [x, y, z]");
      value = core::Vec3(item[0].get<double>(), item[1].get<double>(), item[2].get<double>());
    } else {
      if (!item.is_number())
        throw std::runtime_error(file.string() + ": field '" + name + "' must be a number");
      value = item.get<double>();
    }
  });
  return landmarks;
}

void writeAnatomyFolder(const std::filesystem::path& folder, const LabelVolume& volume,
                        const LabelTable& table, const std::optional<PhantomLandmarks>& landmarks,
                        const SurfaceOptions& surfaceOptions,
                        const std::function<void(const std::string&)>& progress) {
  auto say = [&progress](const std::string& line) {
    if (progress) progress(line);
  };
  std::filesystem::create_directories(folder);
  say("writing " + (folder / kLabelsFile).string());
  writeLabelVolume(volume, folder / kLabelsFile);
  table.save(folder / kLabelTableFile);
  if (landmarks) saveLandmarks(*landmarks, folder / kLandmarksFile);
  writeSurfaces(volume, table, folder / kSurfacesFolder, surfaceOptions,
                [&say](const std::string& name) { say("surface " + name); });
}

}  // namespace hipguide::anatomy
