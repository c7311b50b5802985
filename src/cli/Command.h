#pragma once
/// The table of hipguide-cli subcommands.

#include <string>
#include <vector>

namespace hipguide::cli {

/// One subcommand: `run` gets the arguments after its name and returns the exit code
/// (0 success, 1 failure with a message, 2 usage error). Throw UsageError for wrong usage.
struct Command {
  std::string name;
  std::string summary;
  std::string usage;  ///< Full help text printed by `hipguide-cli NAME --help`.
  int (*run)(const std::vector<std::string>& arguments);
};

/// Every subcommand, in the order `hipguide-cli --help` lists them (CommandTable.cpp).
const std::vector<Command>& commands();

}  // namespace hipguide::cli
