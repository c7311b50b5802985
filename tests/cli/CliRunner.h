#pragma once
/// Runs build/bin/hipguide-cli with arguments and captures its exit code and output.

#include "CommandOutput.h"

#include <string>

namespace hipguide::test {

struct CliResult {
  int exitCode = -1;
  std::string output;  ///< stdout and stderr together.
};

inline CliResult runCli(const std::string& arguments) {
  const CommandOutput out = runCommand(std::string(HIPGUIDE_BINARY_DIR) + "/bin/hipguide-cli " + arguments);
  return {out.exitCode, out.text};
}

}  // namespace hipguide::test
