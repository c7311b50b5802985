#pragma once
/// Runs an external program in a test (pdftotext, dcmdump, ...) and captures what it prints.

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace hipguide::test {

/// What a shell command printed on stdout (stderr merged) and its exit status.
struct CommandOutput {
  int exitCode = -1;
  std::string text;
};

/// Runs `command` through the shell and waits for it. Quote paths in `command` yourself.
inline CommandOutput runCommand(const std::string& command) {
  CommandOutput result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) result.text.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace hipguide::test
