#pragma once
/// Import of patient segmentations: mapping a label map's own integers onto our label table.

#include <hipguide/anatomy/LabelTable.h>
#include <hipguide/anatomy/LabelVolume.h>
#include <hipguide/anatomy/LabelVolumeIO.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace hipguide::anatomy {

/// A label map converted to our labels.
struct ImportedLabels {
  LabelVolume volume;
  LabelTable table;                          ///< The labels of LabelTable::hipDefault() that occur.
  std::vector<std::int32_t> unmappedLabels;  ///< Source labels present but not in the mapping (now 0).
};

/// Source label value → name in a label table. Immutable; thread-safe to read.
class LabelMapping {
 public:
  explicit LabelMapping(std::map<std::int32_t, std::string> names) : m_names(std::move(names)) {}

  /// TotalSegmentator v1 multi-label map: femur_left/right → femur, hip_left/right → pelvis,
  /// sacrum, gluteus maximus/medius/minimus, iliopsoas, iliac artery → iliac_artery,
  /// iliac vena → iliac_vein (both sides each).
  static LabelMapping totalSegmentator();
  /// A JSON mapping: {"labels": {"88": "femur", "90": "pelvis", ...}}. Every name must be in
  /// `table`; otherwise std::runtime_error naming the file, the source label and the name.
  static LabelMapping load(const std::filesystem::path& file, const LabelTable& table);

  const std::map<std::int32_t, std::string>& names() const { return m_names; }

  /// Converts `source` to our values. Throws std::runtime_error naming `sourceFile` when a name
  /// is not in `table` or when no mapped label occurs in the map.
  ImportedLabels apply(const RawLabelImage& source, const LabelTable& table,
                       const std::filesystem::path& sourceFile) const;

 private:
  std::map<std::int32_t, std::string> m_names;
};

}  // namespace hipguide::anatomy
