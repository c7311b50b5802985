#include <hipguide/anatomy/LabelTable.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

namespace hipguide::anatomy {

namespace {

constexpr std::array<std::pair<TissueRole, std::string_view>, 7> kRoleNames = {{
    {TissueRole::Bone, "bone"},
    {TissueRole::Soft, "soft"},
    {TissueRole::Fluid, "fluid"},
    {TissueRole::Vessel, "vessel"},
    {TissueRole::Nerve, "nerve"},
    {TissueRole::Target, "target"},
    {TissueRole::Skin, "skin"},
}};

using nlohmann::json;

/// The field `key` of `object`, or a runtime_error naming the file, the label and the field.
const json& field(const json& object, const char* key, const std::string& where) {
  if (!object.is_object() || !object.contains(key))
    throw std::runtime_error(where + ": missing field '" + key + "'");
  return object.at(key);
}

double number(const json& object, const char* key, const std::string& where, double low, double high) {
  const json& value = field(object, key, where);
  if (!value.is_number())
    throw std::runtime_error(where + ": field '" + key + "' must be a number, not " + value.dump());
  const double result = value.get<double>();
  if (result < low || result > high)
    throw std::runtime_error(where + ": field '" + key + "' = " + value.dump() + " is outside [" +
                             std::to_string(low) + ", " + std::to_string(high) + "]");
  return result;
}

LabelInfo labelFromJson(const json& item, const std::string& where) {
  LabelInfo label;
  label.value = static_cast<std::uint8_t>(number(item, "value", where, 1, 255));
  if (field(item, "value", where).get<double>() != label.value)
    throw std::runtime_error(where + ": field 'value' must be an integer");
  const json& name = field(item, "name", where);
  if (!name.is_string() || name.get<std::string>().empty())
    throw std::runtime_error(where + ": field 'name' must be a non-empty string");
  label.name = name.get<std::string>();
  const std::string labelWhere = where + " ('" + label.name + "')";
  const json& colour = field(item, "colour", labelWhere);
  if (!colour.is_array() || colour.size() != 3)
    throw std::runtime_error(labelWhere + ": field 'colour' must be [r, g, b] with 0-255 integers");
  for (std::size_t c = 0; c < 3; ++c) {
    if (!colour[c].is_number_integer() || colour[c].get<int>() < 0 || colour[c].get<int>() > 255)
      throw std::runtime_error(labelWhere + ": field 'colour' must be [r, g, b] with 0-255 integers");
    label.colour[c] = static_cast<std::uint8_t>(colour[c].get<int>());
  }
  const json& role = field(item, "role", labelWhere);
  const auto parsedRole = role.is_string() ? tissueRoleFromString(role.get<std::string>()) : std::nullopt;
  if (!parsedRole)
    throw std::runtime_error(labelWhere + ": field 'role' = " + role.dump() +
                             " is not one of bone, soft, fluid, vessel, nerve, target, skin");
  label.role = *parsedRole;
  const json& critical = field(item, "critical", labelWhere);
  if (!critical.is_boolean())
    throw std::runtime_error(labelWhere + ": field 'critical' must be true or false");
  label.critical = critical.get<bool>();
  const json& acoustic = field(item, "acoustic", labelWhere);
  const std::string acousticWhere = labelWhere + " acoustic";
  label.acoustic.backscatter = number(acoustic, "backscatter", acousticWhere, 0, 1);
  label.acoustic.scattererDensity = number(acoustic, "scattererDensity", acousticWhere, 0, 1);
  label.acoustic.attenuationDbPerCmMHz = number(acoustic, "attenuationDbPerCmMHz", acousticWhere, 0, 100);
  label.acoustic.speedOfSoundMps = number(acoustic, "speedOfSoundMps", acousticWhere, 300, 6000);
  label.acoustic.specularReflectivity = number(acoustic, "specularReflectivity", acousticWhere, 0, 1);
  return label;
}

json labelToJson(const LabelInfo& label) {
  return {{"value", label.value},
          {"name", label.name},
          {"colour", {label.colour[0], label.colour[1], label.colour[2]}},
          {"role", std::string(toString(label.role))},
          {"critical", label.critical},
          {"acoustic",
           {{"backscatter", label.acoustic.backscatter},
            {"scattererDensity", label.acoustic.scattererDensity},
            {"attenuationDbPerCmMHz", label.acoustic.attenuationDbPerCmMHz},
            {"speedOfSoundMps", label.acoustic.speedOfSoundMps},
            {"specularReflectivity", label.acoustic.specularReflectivity}}}};
}

}  // namespace

std::string_view toString(TissueRole role) {
  for (const auto& [candidate, name] : kRoleNames)
    if (candidate == role) return name;
  return "soft";
}

std::optional<TissueRole> tissueRoleFromString(std::string_view text) {
  for (const auto& [role, name] : kRoleNames)
    if (name == text) return role;
  return std::nullopt;
}

LabelTable::LabelTable(std::vector<LabelInfo> labels) : m_labels(std::move(labels)) {
  for (std::size_t i = 0; i < m_labels.size(); ++i) {
    const LabelInfo& label = m_labels[i];
    if (label.value == 0) throw std::invalid_argument("label '" + label.name + "' has value 0 (background)");
    if (m_indexByValue[label.value] != 0)
      throw std::invalid_argument("label value " + std::to_string(label.value) + " is used twice ('" +
                                  m_labels[m_indexByValue[label.value] - 1].name + "' and '" + label.name +
                                  "')");
    if (find(std::string_view(label.name)) != nullptr)
      throw std::invalid_argument("label name '" + label.name + "' is used twice");
    m_indexByValue[label.value] = static_cast<int>(i) + 1;
  }
}

const LabelInfo* LabelTable::find(std::uint8_t value) const {
  const int index = m_indexByValue[value];
  return index == 0 ? nullptr : &m_labels[static_cast<std::size_t>(index) - 1];
}

const LabelInfo* LabelTable::find(std::string_view name) const {
  for (const LabelInfo& label : m_labels)
    if (label.name == name && m_indexByValue[label.value] != 0) return &label;
  return nullptr;
}

std::uint8_t LabelTable::valueOf(std::string_view name) const {
  if (const LabelInfo* label = find(name)) return label->value;
  throw std::out_of_range("no label named '" + std::string(name) + "' in the label table");
}

LabelTable LabelTable::load(const std::filesystem::path& file) {
  std::ifstream stream(file);
  if (!stream) throw std::runtime_error(file.string() + ": cannot open the label table");
  json document;
  try {
    document = json::parse(stream);
  } catch (const json::parse_error& error) {
    throw std::runtime_error(file.string() + ": not valid JSON (" + error.what() + ")");
  }
  const json& labels = field(document, "labels", file.string());
  if (!labels.is_array() || labels.empty())
    throw std::runtime_error(file.string() + ": field 'labels' must be a non-empty array");
  std::vector<LabelInfo> result;
  for (std::size_t i = 0; i < labels.size(); ++i)
    result.push_back(labelFromJson(labels[i], file.string() + ": labels[" + std::to_string(i) + "]"));
  try {
    return LabelTable(std::move(result));
  } catch (const std::invalid_argument& error) {
    throw std::runtime_error(file.string() + ": " + error.what());
  }
}

void LabelTable::save(const std::filesystem::path& file) const {
  json labels = json::array();
  for (const LabelInfo& label : m_labels) labels.push_back(labelToJson(label));
  const json document = {{"format", "hipguide-label-table"}, {"version", 1}, {"labels", labels}};
  std::ofstream stream(file);
  if (!stream) throw std::runtime_error(file.string() + ": cannot write the label table");
  stream << document.dump(2) << "\n";
  if (!stream) throw std::runtime_error(file.string() + ": write failed");
}

}  // namespace hipguide::anatomy
