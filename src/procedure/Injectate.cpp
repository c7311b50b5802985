#include <hipguide/procedure/Injectate.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace hipguide::procedure {
namespace {

struct ClassName {
  DrugClass drugClass;
  const char* name;
};
constexpr ClassName kClassNames[] = {{DrugClass::LocalAnaesthetic, "local-anaesthetic"},
                                     {DrugClass::Corticosteroid, "corticosteroid"},
                                     {DrugClass::HyaluronicAcid, "hyaluronic-acid"},
                                     {DrugClass::PlateletRichPlasma, "platelet-rich-plasma"},
                                     {DrugClass::Other, "other"}};

/// "%.1f" without a trailing ".0" for whole numbers.
std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, value == static_cast<long long>(value) ? "%.0f" : "%.1f", value);
  return text;
}

Drug drugFromJson(const nlohmann::json& entry, const std::filesystem::path& file, std::size_t index) {
  const std::string where = "'" + file.string() + "', drugs[" + std::to_string(index) + "]";
  try {
    Drug drug;
    drug.name = entry.at("name").get<std::string>();
    drug.drugClass = drugClassFromString(entry.at("class").get<std::string>());
    drug.doseUnit = entry.value("dose_unit", std::string("mg"));
    drug.usualDose = entry.value("usual_dose", 0.0);
    drug.usualVolumeMl = entry.value("usual_volume_ml", 0.0);
    if (drug.name.empty()) throw std::invalid_argument("empty name");
    if (drug.usualDose < 0 || drug.usualVolumeMl < 0) throw std::invalid_argument("negative dose or volume");
    return drug;
  } catch (const std::exception& error) {
    throw std::runtime_error("drug list " + where + ": " + error.what());
  }
}

}  // namespace

std::string_view toString(DrugClass drugClass) {
  for (const auto& entry : kClassNames)
    if (entry.drugClass == drugClass) return entry.name;
  return "other";
}

DrugClass drugClassFromString(std::string_view text) {
  std::string known;
  for (const auto& entry : kClassNames) {
    if (text == entry.name) return entry.drugClass;
    known += std::string(known.empty() ? "" : ", ") + entry.name;
  }
  throw std::invalid_argument("unknown drug class '" + std::string(text) + "' (known: " + known + ")");
}

DrugCatalog::DrugCatalog(std::vector<Drug> drugs) : m_drugs(std::move(drugs)) {}

DrugCatalog DrugCatalog::defaults() {
  return DrugCatalog({
      {"Lidocaine 1% (10 mg/mL)", DrugClass::LocalAnaesthetic, "mg", 40, 4},
      {"Bupivacaine 0.25% (2.5 mg/mL)", DrugClass::LocalAnaesthetic, "mg", 10, 4},
      {"Ropivacaine 0.2% (2 mg/mL)", DrugClass::LocalAnaesthetic, "mg", 10, 5},
      {"Triamcinolone acetonide 40 mg/mL", DrugClass::Corticosteroid, "mg", 40, 1},
      {"Methylprednisolone acetate 40 mg/mL", DrugClass::Corticosteroid, "mg", 40, 1},
      {"Hylan G-F 20 (8 mg/mL)", DrugClass::HyaluronicAcid, "mg", 48, 6},
      {"Platelet-rich plasma", DrugClass::PlateletRichPlasma, "mL", 4, 4},
  });
}

DrugCatalog DrugCatalog::load(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read drug list '" + file.string() + "'");
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& error) {
    throw std::runtime_error("drug list '" + file.string() + "' is not valid JSON: " + error.what());
  }
  if (!json.contains("drugs") || !json["drugs"].is_array())
    throw std::runtime_error("drug list '" + file.string() + "' has no \"drugs\" array");
  std::vector<Drug> drugs;
  for (std::size_t i = 0; i < json["drugs"].size(); ++i)
    drugs.push_back(drugFromJson(json["drugs"][i], file, i));
  return DrugCatalog(std::move(drugs));
}

void DrugCatalog::save(const std::filesystem::path& file) const {
  nlohmann::json list = nlohmann::json::array();
  for (const Drug& drug : m_drugs)
    list.push_back({{"name", drug.name},
                    {"class", toString(drug.drugClass)},
                    {"dose_unit", drug.doseUnit},
                    {"usual_dose", drug.usualDose},
                    {"usual_volume_ml", drug.usualVolumeMl}});
  std::ofstream out(file);
  out << nlohmann::json{{"drugs", list}}.dump(2) << "\n";
  if (!out) throw std::runtime_error("cannot write drug list '" + file.string() + "'");
}

const Drug* DrugCatalog::find(std::string_view name) const {
  const auto found =
      std::find_if(m_drugs.begin(), m_drugs.end(), [&](const Drug& drug) { return drug.name == name; });
  return found == m_drugs.end() ? nullptr : &*found;
}

InjectateComponent usualComponent(const Drug& drug) {
  return {drug.name, drug.drugClass, drug.usualDose, drug.doseUnit, drug.usualVolumeMl};
}

std::string describe(const InjectateComponent& component) {
  return component.drug + ": " + number(component.dose) + " " + component.doseUnit + " in " +
         number(component.volumeMl) + " mL";
}

double totalVolumeMl(const std::vector<InjectateComponent>& injectate) {
  double total = 0;
  for (const auto& component : injectate) total += component.volumeMl;
  return total;
}

std::vector<InjectateComponent> usualInjectate(const DrugCatalog& catalog, double totalVolumeMl) {
  const auto first = [&](DrugClass drugClass) -> const Drug* {
    for (const Drug& drug : catalog.drugs())
      if (drug.drugClass == drugClass) return &drug;
    return nullptr;
  };
  std::vector<InjectateComponent> mixture;
  double steroidMl = 0;
  if (const Drug* steroid = first(DrugClass::Corticosteroid)) {
    mixture.push_back(usualComponent(*steroid));
    steroidMl = steroid->usualVolumeMl;
  }
  const Drug* anaesthetic = first(DrugClass::LocalAnaesthetic);
  if (anaesthetic && anaesthetic->usualVolumeMl > 0 && totalVolumeMl > steroidMl) {
    InjectateComponent component = usualComponent(*anaesthetic);
    component.volumeMl = totalVolumeMl - steroidMl;
    component.dose = anaesthetic->usualDose / anaesthetic->usualVolumeMl * component.volumeMl;
    mixture.insert(mixture.begin(), component);
  }
  return mixture;
}

bool isDiagnostic(const std::vector<InjectateComponent>& injectate) {
  return std::any_of(injectate.begin(), injectate.end(), [](const InjectateComponent& component) {
    return component.drugClass == DrugClass::LocalAnaesthetic;
  });
}

}  // namespace hipguide::procedure
