#pragma once
/// Where tests find third-party data (../shared/data) and temporary folders.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <system_error>

namespace hipguide::test {

/// The shared data folder: $HIPGUIDE_SHARED_DATA, else the path CMake was configured with.
inline std::filesystem::path sharedDataDir() {
  if (const char* fromEnv = std::getenv("HIPGUIDE_SHARED_DATA"); fromEnv && *fromEnv) return fromEnv;
  return HIPGUIDE_SHARED_DATA_DEFAULT;
}

/// A file in the shared data folder, or an empty path when absent (the caller skips).
inline std::filesystem::path sharedDataFile(const std::string& relative) {
  const auto path = sharedDataDir() / relative;
  return std::filesystem::exists(path) ? path : std::filesystem::path{};
}

/// A fresh, empty temporary folder unique to the running test and to the build tree whose test
/// executable runs it: a sanitizer build's tests running beside the normal build's must not share
/// (and wipe) each other's folders.
inline std::filesystem::path freshTempDir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::error_code error;
  std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) executable = std::filesystem::current_path();
  char tree[32];
  std::snprintf(tree, sizeof tree, "%016zx", std::hash<std::string>{}(executable.parent_path().string()));
  const auto dir = std::filesystem::temp_directory_path() / "hipguide-tests" / tree /
                   (std::string(info->test_suite_name()) + "." + info->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace hipguide::test

/// Skips the current test with a clear message when a shared data file is absent.
#define HIPGUIDE_REQUIRE_SHARED_FILE(var, relative)                             \
  const std::filesystem::path var = ::hipguide::test::sharedDataFile(relative); \
  if (var.empty())                                                              \
  GTEST_SKIP() << "shared test data '" << (relative) << "' not found under "    \
               << ::hipguide::test::sharedDataDir() << " (set HIPGUIDE_SHARED_DATA to the folder)"
