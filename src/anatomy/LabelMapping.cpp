#include <hipguide/anatomy/LabelMapping.h>

#include <nlohmann/json.hpp>

#include <array>
#include <fstream>
#include <set>
#include <stdexcept>
#include <unordered_map>

namespace hipguide::anatomy {

namespace {

std::string knownNames(const LabelTable& table) {
  std::string names;
  for (const LabelInfo& label : table.labels()) names += (names.empty() ? "" : ", ") + label.name;
  return names;
}

}  // namespace

LabelMapping LabelMapping::totalSegmentator() {
  return LabelMapping({{51, "iliac_artery"},
                       {52, "iliac_artery"},
                       {53, "iliac_vein"},
                       {54, "iliac_vein"},
                       {88, "femur"},
                       {89, "femur"},
                       {90, "pelvis"},
                       {91, "pelvis"},
                       {92, "sacrum"},
                       {94, "gluteus_maximus"},
                       {95, "gluteus_maximus"},
                       {96, "gluteus_medius"},
                       {97, "gluteus_medius"},
                       {98, "gluteus_minimus"},
                       {99, "gluteus_minimus"},
                       {102, "iliopsoas"},
                       {103, "iliopsoas"}});
}

LabelMapping LabelMapping::load(const std::filesystem::path& file, const LabelTable& table) {
  std::ifstream stream(file);
  if (!stream) throw std::runtime_error("mapping '" + file.string() + "': file not found or unreadable");
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(stream);
  } catch (const nlohmann::json::parse_error& error) {
    throw std::runtime_error("mapping '" + file.string() + "': not valid JSON (" + error.what() + ")");
  }
  if (!document.is_object() || !document.contains("labels") || !document["labels"].is_object() ||
      document["labels"].empty())
    throw std::runtime_error("mapping '" + file.string() +
                             "': field 'labels' must be an object like {\"88\": \"femur\"}");
  std::map<std::int32_t, std::string> names;
  for (const auto& [key, value] : document["labels"].items()) {
    std::size_t used = 0;
    long source = -1;
    try {
      source = std::stol(key, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != key.size() || source <= 0 || source > 2147483647L)
      throw std::runtime_error("mapping '" + file.string() + "': key '" + key +
                               "' is not a positive integer label");
    if (!value.is_string())
      throw std::runtime_error("mapping '" + file.string() + "': label " + key +
                               " must map to a name (string)");
    const std::string name = value.get<std::string>();
    if (!table.find(std::string_view(name)))
      throw std::runtime_error("mapping '" + file.string() + "': label " + key + " maps to unknown label '" +
                               name + "' (known: " + knownNames(table) + ")");
    names[static_cast<std::int32_t>(source)] = name;
  }
  return LabelMapping(std::move(names));
}

ImportedLabels LabelMapping::apply(const RawLabelImage& source, const LabelTable& table,
                                   const std::filesystem::path& sourceFile) const {
  std::unordered_map<std::int32_t, std::uint8_t> toValue;
  for (const auto& [from, name] : m_names) {
    const LabelInfo* label = table.find(std::string_view(name));
    if (!label)
      throw std::runtime_error("mapping for '" + sourceFile.string() + "': label " + std::to_string(from) +
                               " maps to unknown label '" + name + "' (known: " + knownNames(table) + ")");
    toValue[from] = label->value;
  }
  ImportedLabels result;
  result.volume = {source.size, source.spacingMm, source.originMm, source.direction, {}};
  result.volume.labels.resize(source.labels.size());
  std::array<bool, 256> used{};
  std::set<std::int32_t> unmapped;
  for (std::size_t i = 0; i < source.labels.size(); ++i) {
    const std::int32_t from = source.labels[i];
    if (from == 0) {
      result.volume.labels[i] = 0;
      continue;
    }
    const auto found = toValue.find(from);
    if (found == toValue.end()) unmapped.insert(from);
    const std::uint8_t value = found == toValue.end() ? 0 : found->second;
    result.volume.labels[i] = value;
    used[value] = true;
  }
  std::vector<LabelInfo> labels;
  for (const LabelInfo& label : table.labels())
    if (used[label.value]) labels.push_back(label);
  if (labels.empty()) {
    std::string present;
    for (std::int32_t value : unmapped) present += (present.empty() ? "" : ", ") + std::to_string(value);
    throw std::runtime_error("label map '" + sourceFile.string() + "': none of its labels (" + present +
                             ") is in the mapping");
  }
  result.table = LabelTable(std::move(labels));
  result.unmappedLabels.assign(unmapped.begin(), unmapped.end());
  return result;
}

}  // namespace hipguide::anatomy
