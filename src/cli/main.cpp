/// hipguide-cli: headless tools, git-style subcommands (see `hipguide-cli --help`).

#include "Arguments.h"
#include "Command.h"

#include <algorithm>
#include <exception>
#include <iostream>

namespace {

void printOverview() {
  std::cout << "usage: hipguide-cli <command> [options]   (hipguide-cli <command> --help for details)\n\n"
               "commands:\n";
  for (const auto& command : hipguide::cli::commands())
    std::cout << "  " << command.name << std::string(18 - std::min<std::size_t>(17, command.name.size()), ' ')
              << command.summary << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> all(argv + 1, argv + argc);
  if (all.empty() || all.front() == "--help" || all.front() == "-h" || all.front() == "help") {
    printOverview();
    return all.empty() ? 2 : 0;
  }
  for (const auto& command : hipguide::cli::commands()) {
    if (command.name != all.front()) continue;
    const std::vector<std::string> rest(all.begin() + 1, all.end());
    for (const auto& argument : rest) {
      if (argument == "--help" || argument == "-h") {
        std::cout << "usage: " << command.usage;
        return 0;
      }
    }
    try {
      return command.run(rest);
    } catch (const hipguide::cli::UsageError& error) {
      std::cerr << "hipguide-cli " << command.name << ": " << error.what() << "\nusage: " << command.usage;
      return 2;
    } catch (const std::exception& error) {
      std::cerr << "hipguide-cli " << command.name << ": " << error.what() << "\n";
      return 1;
    }
  }
  std::cerr << "hipguide-cli: unknown command '" << all.front() << "'\n";
  printOverview();
  return 2;
}
