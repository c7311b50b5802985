#pragma once
/// The label table: what each integer of a label map means, how to draw it and how it images.

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hipguide::anatomy {

/// What a structure is, for drawing, alerts and the simulator.
enum class TissueRole { Bone, Soft, Fluid, Vessel, Nerve, Target, Skin };

std::string_view toString(TissueRole role);
/// Parses "bone", "soft", ...; std::nullopt for anything else.
std::optional<TissueRole> tissueRoleFromString(std::string_view text);

/// Acoustic parameters of a tissue for the B-mode simulator.
struct AcousticProperties {
  double backscatter = 0.5;            ///< Echogenicity: mean scatterer amplitude, 0 (anechoic) to 1.
  double scattererDensity = 1.0;       ///< Fraction of resolution cells holding a strong scatterer, 0..1.
  double attenuationDbPerCmMHz = 0.5;  ///< Attenuation slope.
  double speedOfSoundMps = 1540.0;
  double specularReflectivity = 0.0;  ///< Strength of the specular echo at its boundary, 0..1.
};

/// One label of a label map.
struct LabelInfo {
  std::uint8_t value = 0;
  std::string name;                      ///< e.g. "femur", "femoral_artery" (names are fixed).
  std::array<std::uint8_t, 3> colour{};  ///< Display colour, sRGB.
  TissueRole role = TissueRole::Soft;
  bool critical = false;  ///< Vessels and nerves: guidance warns when the path comes near.
  AcousticProperties acoustic;
};

/// All labels of one anatomy. Value 0 is background and is not listed. Read from and written to
/// a documented JSON file (docs/label-table.md). Immutable after loading; thread-safe to read.
class LabelTable {
 public:
  LabelTable() = default;
  explicit LabelTable(std::vector<LabelInfo> labels);

  /// The built-in table of the hip phantom.
  static LabelTable hipDefault();
  /// Throws std::runtime_error naming the file and the field when the JSON is invalid.
  static LabelTable load(const std::filesystem::path& file);
  void save(const std::filesystem::path& file) const;

  const std::vector<LabelInfo>& labels() const { return m_labels; }
  const LabelInfo* find(std::uint8_t value) const;
  const LabelInfo* find(std::string_view name) const;
  /// The label value of a name; throws std::out_of_range naming it when absent.
  std::uint8_t valueOf(std::string_view name) const;

 private:
  std::vector<LabelInfo> m_labels;
  std::array<int, 256> m_indexByValue{};  ///< 1 + index into m_labels, 0 when absent.
};

}  // namespace hipguide::anatomy
