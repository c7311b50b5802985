#pragma once
/// Reading settings structs from JSON field by field, with errors that name the field.

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

namespace hipguide::acquisition::detail {

/// Parses JSON text; throws std::invalid_argument naming `origin` (a file or "settings").
inline nlohmann::json parseJsonObject(std::string_view text, std::string_view origin) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object())
    throw std::invalid_argument(std::string(origin) + ": not a JSON object");
  return json;
}

/// Sets `value` from json[name] when present (absent fields keep their defaults); throws
/// std::invalid_argument naming origin and field when the value has the wrong type.
template <typename T>
void readField(const nlohmann::json& json, const char* name, T& value, std::string_view origin) {
  const auto found = json.find(name);
  if (found == json.end()) return;
  try {
    value = found->get<T>();
  } catch (const nlohmann::json::exception&) {
    throw std::invalid_argument(std::string(origin) + ": field '" + name + "' has the wrong type (" +
                                found->dump() + ")");
  }
}

}  // namespace hipguide::acquisition::detail
