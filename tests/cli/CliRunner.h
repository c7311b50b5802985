#pragma once
/// Runs build/bin/hipguide-cli with arguments and captures its exit code and output.

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <string>

namespace hipguide::test {

struct CliResult {
  int exitCode = -1;
  std::string output;  ///< stdout and stderr together.
};

inline CliResult runCli(const std::string& arguments) {
  const std::string command = std::string(HIPGUIDE_BINARY_DIR) + "/bin/hipguide-cli " + arguments + " 2>&1";
  CliResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe)) result.output += buffer.data();
  const int status = pclose(pipe);
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace hipguide::test
