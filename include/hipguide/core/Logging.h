#pragma once
/// spdlog set-up: one named logger per layer, and an optional rotating file sink for the app.

#include <spdlog/logger.h>

#include <filesystem>
#include <memory>
#include <string_view>

namespace hipguide::core {

/// The logger named after a layer ("core", "acquisition", ...), created on first use with the
/// shared sinks. Thread-safe.
std::shared_ptr<spdlog::logger> logger(std::string_view layer);

/// Adds a rotating log file (5 MB × 3) to every layer's logger, present and future.
void addRotatingLogFile(const std::filesystem::path& file);

/// Counts messages at warning level or above, for tests that fail on unexpected errors.
std::size_t loggedProblemCount();

}  // namespace hipguide::core
