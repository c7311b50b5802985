#pragma once
/// The on-disk form of an anatomy, written by `hipguide-cli phantom` and `anatomy-import`:
///   DIR/labels.nii.gz      the label map (LPS geometry; NIfTI stores it as RAS for Slicer)
///   DIR/labels.json        the label table (docs/label-table.md)
///   DIR/landmarks.json     phantom landmarks (phantom only)
///   DIR/surfaces/<name>.vtp and .stl   one surface per structure present, LPS mm

#include <hipguide/anatomy/HipPhantom.h>
#include <hipguide/anatomy/LabelTable.h>
#include <hipguide/anatomy/LabelVolume.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace hipguide::anatomy {

struct SurfaceOptions;

/// File names inside an anatomy folder.
inline constexpr const char* kLabelsFile = "labels.nii.gz";
inline constexpr const char* kLabelTableFile = "labels.json";
inline constexpr const char* kLandmarksFile = "landmarks.json";
inline constexpr const char* kSurfacesFolder = "surfaces";

/// Writes the whole folder (creating it). `progress` receives one line per step.
void writeAnatomyFolder(const std::filesystem::path& folder, const LabelVolume& volume,
                        const LabelTable& table, const std::optional<PhantomLandmarks>& landmarks,
                        const SurfaceOptions& surfaceOptions,
                        const std::function<void(const std::string&)>& progress = {});

/// Landmarks as JSON (points as [x, y, z] in LPS mm). Load throws naming the file and field.
void saveLandmarks(const PhantomLandmarks& landmarks, const std::filesystem::path& file);
PhantomLandmarks loadLandmarks(const std::filesystem::path& file);

}  // namespace hipguide::anatomy
