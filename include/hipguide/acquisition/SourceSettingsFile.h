#pragma once
/// Where each live source's settings are kept: one JSON file per source spec.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hipguide::acquisition {

/// The settings folder: $HIPGUIDE_SOURCE_SETTINGS_DIR, else $XDG_CONFIG_HOME/hipguide/sources,
/// else $HOME/.config/hipguide/sources. Not created here.
std::filesystem::path sourceSettingsDir();

/// The file for one source in `dir`: the spec text (e.g. "video:/dev/video0",
/// "igtl://localhost:18944") with every character other than letters, digits, '.', '-' and '_'
/// replaced by '_', plus ".json".
std::filesystem::path sourceSettingsFile(const std::filesystem::path& dir, std::string_view specText);

/// The file's text, or std::nullopt when it does not exist; throws std::runtime_error naming
/// the file when it exists but cannot be read.
std::optional<std::string> readSettingsText(const std::filesystem::path& file);

/// Writes the text (creating folders), replacing the file atomically; throws
/// std::runtime_error naming the file on failure.
void writeSettingsText(const std::filesystem::path& file, const std::string& text);

}  // namespace hipguide::acquisition
