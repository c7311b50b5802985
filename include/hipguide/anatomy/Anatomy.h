#pragma once
/// One patient's (or the phantom's) anatomy as the rest of the program sees it.

#include <hipguide/anatomy/DistanceField.h>
#include <hipguide/anatomy/HipPhantom.h>
#include <hipguide/anatomy/LabelTable.h>
#include <hipguide/anatomy/LabelVolume.h>
#include <hipguide/anatomy/PlaneCut.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace hipguide::anatomy {

/// The closest approach of a path (segment or ray) to one structure.
struct Clearance {
  std::uint8_t value = 0;
  std::string name;
  double distanceMm = 0;        ///< Minimum signed distance along the path (negative: it enters).
  core::Vec3 pathPointMm;       ///< Where on the path the minimum is.
  core::Vec3 structurePointMm;  ///< The nearest point of the structure's surface to pathPointMm.
};

/// Where a ray first meets a structure.
struct RayEntry {
  core::Vec3 pointMm;
  double alongMm = 0;  ///< Distance from the ray's origin.
};

/// How an Anatomy builds its distance fields.
struct AnatomyOptions {
  double distanceGridMm = 1.0;  ///< Grid of the distance fields (the label map's if coarser).
};

/// A label map with its table, optional phantom landmarks, and distance fields computed on
/// first use. Copies share the same immutable data and fields. All const members may be called
/// from any thread; the first query of a structure's distance builds its field (about half a
/// second for the phantom; prepareDistanceFields() does it ahead).
class Anatomy {
 public:
  using Options = AnatomyOptions;

  Anatomy(LabelVolume volume, LabelTable table, std::optional<PhantomLandmarks> landmarks = std::nullopt,
          Options options = {});
  /// Loads a folder written by `hipguide-cli phantom` or `anatomy-import` (AnatomyFolder.h).
  /// Throws std::runtime_error naming the folder and the missing or bad file.
  static Anatomy load(const std::filesystem::path& folder, Options options = {});
  static Anatomy fromPhantom(Phantom phantom, Options options = {});

  const LabelVolume& volume() const;
  const LabelTable& table() const;
  const std::optional<PhantomLandmarks>& landmarks() const;
  /// The folder it was loaded from (surfaces live in folder/surfaces), or empty.
  const std::filesystem::path& folder() const;
  /// Labels of the table that occur in the volume; critical ones (vessels and nerves) only.
  std::vector<const LabelInfo*> presentLabels() const;
  std::vector<const LabelInfo*> criticalLabels() const;

  /// The structure's distance field (built on first call). Throws std::out_of_range naming an
  /// unknown or absent structure.
  const DistanceField& distanceField(std::string_view name) const;
  double signedDistanceMm(std::string_view name, const core::Vec3& pointMm) const;
  /// Builds the fields of the critical structures (or all present ones) now, in parallel.
  void prepareDistanceFields(bool criticalOnly = true) const;

  /// Closest approach of the segment a→b to one structure, to within 0.1 mm.
  Clearance segmentClearance(std::string_view name, const core::Vec3& aMm, const core::Vec3& bMm) const;
  /// The same for every critical structure present, nearest first.
  std::vector<Clearance> segmentClearances(const core::Vec3& aMm, const core::Vec3& bMm) const;
  /// Every critical structure's clearance from a ray (origin, unit direction, length), nearest first.
  std::vector<Clearance> rayClearances(const core::Vec3& originMm, const core::Vec3& direction,
                                       double lengthMm) const;
  /// First point where the ray enters the structure (within 0.05 mm), or nullopt within
  /// `lengthMm`. An origin already inside gives alongMm = 0.
  std::optional<RayEntry> firstEntry(std::string_view name, const core::Vec3& originMm,
                                     const core::Vec3& direction, double lengthMm) const;

  /// Contours of every structure on an image plane (PlaneCut.h).
  std::vector<StructureContours> planeContours(const PlaneGrid& plane) const;

 private:
  struct Impl;
  std::shared_ptr<Impl> m;
};

}  // namespace hipguide::anatomy
