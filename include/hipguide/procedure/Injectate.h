#pragma once
/// What is injected: drugs picked from an editable catalogue, with dose and volume.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hipguide::procedure {

/// What a drug does in a hip injection; a local anaesthetic makes the injection diagnostic.
enum class DrugClass { LocalAnaesthetic, Corticosteroid, HyaluronicAcid, PlateletRichPlasma, Other };
std::string_view toString(DrugClass drugClass);  ///< "local-anaesthetic", "corticosteroid", ...
/// Parses toString's names; throws std::invalid_argument listing them otherwise.
DrugClass drugClassFromString(std::string_view text);

/// A catalogue entry: the drug and the dose and volume offered by default (the clinic edits them).
struct Drug {
  std::string name;  ///< "Triamcinolone acetonide 40 mg/mL".
  DrugClass drugClass = DrugClass::Other;
  std::string doseUnit = "mg";  ///< "mg", "mL", ...
  double usualDose = 0;
  double usualVolumeMl = 0;
};

/// The editable list of drugs the physician picks from. Plain value type. Stored as JSON
/// (docs/procedure-record.md): {"drugs": [{"name", "class", "dose_unit", "usual_dose",
/// "usual_volume_ml"}, ...]}.
class DrugCatalog {
 public:
  explicit DrugCatalog(std::vector<Drug> drugs);
  /// Common hip-injection drugs with example doses; the clinic adapts them to its protocols.
  static DrugCatalog defaults();
  /// Throws std::runtime_error naming the file and the entry when the JSON is invalid.
  static DrugCatalog load(const std::filesystem::path& file);
  /// Throws std::runtime_error naming the file when it cannot be written.
  void save(const std::filesystem::path& file) const;

  const std::vector<Drug>& drugs() const { return m_drugs; }
  /// The drug of that name, or nullptr.
  const Drug* find(std::string_view name) const;

 private:
  std::vector<Drug> m_drugs;
};

/// One drug of the injectate as given.
struct InjectateComponent {
  std::string drug;  ///< Catalogue name (free text is allowed for a drug not in the list).
  DrugClass drugClass = DrugClass::Other;
  double dose = 0;
  std::string doseUnit = "mg";
  double volumeMl = 0;
};

/// The catalogue entry with its usual dose and volume.
InjectateComponent usualComponent(const Drug& drug);
/// "Triamcinolone acetonide 40 mg/mL: 40 mg in 1 mL".
std::string describe(const InjectateComponent& component);
double totalVolumeMl(const std::vector<InjectateComponent>& injectate);
/// A usual mixture of `totalVolumeMl`: the catalogue's first corticosteroid at its usual dose and
/// volume, topped up with its first local anaesthetic at the anaesthetic's concentration (or
/// whichever of the two the catalogue has). Empty when it has neither.
std::vector<InjectateComponent> usualInjectate(const DrugCatalog& catalog, double totalVolumeMl);
/// The injectate holds a local anaesthetic, so the pain score after it tells whether the
/// injected structure is the pain source.
bool isDiagnostic(const std::vector<InjectateComponent>& injectate);

}  // namespace hipguide::procedure
