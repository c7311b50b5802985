#pragma once
/// A small parser for `hipguide-cli <command> [options]` arguments.

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace hipguide::cli {

/// Wrong usage: the message is printed with the command's help and the exit code is 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Declared options of one command; parse() fills the values. `--name value` and
/// `--name=value` are accepted; flags take no value; anything else is positional.
class Arguments {
 public:
  /// An option taking a value.
  Arguments& option(const std::string& name);
  /// A flag (present or not).
  Arguments& flag(const std::string& name);
  /// Parses; throws UsageError for unknown options or a missing value. `--help` sets help().
  void parse(const std::vector<std::string>& arguments);

  bool help() const { return m_help; }
  bool has(const std::string& name) const;
  std::optional<std::string> value(const std::string& name) const;
  /// The value of a required option; throws UsageError when absent.
  std::string required(const std::string& name) const;
  std::string valueOr(const std::string& name, const std::string& fallback) const;
  /// Parses a number; throws UsageError naming the option when it is not one.
  double number(const std::string& name, double fallback) const;
  long long integer(const std::string& name, long long fallback) const;
  const std::vector<std::string>& positional() const { return m_positional; }

 private:
  std::set<std::string> m_options;
  std::set<std::string> m_flags;
  std::map<std::string, std::string> m_values;
  std::vector<std::string> m_positional;
  bool m_help = false;
};

}  // namespace hipguide::cli
