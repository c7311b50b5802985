#include <hipguide/acquisition/SourceSettingsFile.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace hipguide::acquisition {

std::filesystem::path sourceSettingsDir() {
  if (const char* dir = std::getenv("HIPGUIDE_SOURCE_SETTINGS_DIR"); dir && *dir) return dir;
  if (const char* config = std::getenv("XDG_CONFIG_HOME"); config && *config)
    return std::filesystem::path(config) / "hipguide" / "sources";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home && *home ? home : ".") / ".config" / "hipguide" / "sources";
}

std::filesystem::path sourceSettingsFile(const std::filesystem::path& dir, std::string_view specText) {
  std::string name(specText);
  for (char& c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '-' || c == '_';
    if (!keep) c = '_';
  }
  return dir / (name + ".json");
}

std::optional<std::string> readSettingsText(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) throw std::runtime_error("cannot read source settings '" + file.string() + "'");
  return text.str();
}

void writeSettingsText(const std::filesystem::path& file, const std::string& text) {
  std::error_code error;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), error);
  if (error)
    throw std::runtime_error("cannot create folder '" + file.parent_path().string() +
                             "': " + error.message());
  const std::filesystem::path temporary = file.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write source settings '" + temporary.string() + "'");
  }
  std::filesystem::rename(temporary, file, error);
  if (error)
    throw std::runtime_error("cannot replace source settings '" + file.string() + "': " + error.message());
}

}  // namespace hipguide::acquisition
