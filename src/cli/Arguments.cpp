#include "Arguments.h"

#include <charconv>
#include <string_view>

namespace hipguide::cli {

Arguments& Arguments::option(const std::string& name) {
  m_options.insert(name);
  return *this;
}

Arguments& Arguments::flag(const std::string& name) {
  m_flags.insert(name);
  return *this;
}

void Arguments::parse(const std::vector<std::string>& arguments) {
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string& argument = arguments[i];
    if (argument == "--help" || argument == "-h") {
      m_help = true;
      continue;
    }
    if (!argument.starts_with("--")) {
      m_positional.push_back(argument);
      continue;
    }
    const std::string_view body = std::string_view(argument).substr(2);
    const std::size_t equals = body.find('=');
    const std::string name(body.substr(0, equals));
    std::optional<std::string> inlineValue;
    if (equals != std::string_view::npos) inlineValue = std::string(body.substr(equals + 1));
    if (m_flags.contains(name) && !inlineValue) {
      m_values.insert_or_assign(name, std::string("1"));
    } else if (m_options.contains(name)) {
      if (inlineValue) {
        m_values[name] = *inlineValue;
      } else if (i + 1 < arguments.size()) {
        m_values[name] = arguments[++i];
      } else {
        throw UsageError("option --" + name + " needs a value");
      }
    } else {
      throw UsageError("unknown option '" + argument + "'");
    }
  }
}

bool Arguments::has(const std::string& name) const { return m_values.contains(name); }

std::optional<std::string> Arguments::value(const std::string& name) const {
  const auto found = m_values.find(name);
  if (found == m_values.end()) return std::nullopt;
  return found->second;
}

std::string Arguments::required(const std::string& name) const {
  auto found = value(name);
  if (!found) throw UsageError("missing required option --" + name);
  return *found;
}

std::string Arguments::valueOr(const std::string& name, const std::string& fallback) const {
  return value(name).value_or(fallback);
}

double Arguments::number(const std::string& name, double fallback) const {
  const auto text = value(name);
  if (!text) return fallback;
  double result = 0.0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), result);
  if (error != std::errc{} || end != text->data() + text->size())
    throw UsageError("--" + name + " must be a number, not '" + *text + "'");
  return result;
}

long long Arguments::integer(const std::string& name, long long fallback) const {
  const auto text = value(name);
  if (!text) return fallback;
  long long result = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), result);
  if (error != std::errc{} || end != text->data() + text->size())
    throw UsageError("--" + name + " must be a whole number, not '" + *text + "'");
  return result;
}

}  // namespace hipguide::cli
