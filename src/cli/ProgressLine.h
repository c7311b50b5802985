#pragma once
/// A progress line on stderr for long commands: "label 123/456 (27%)", redrawn at most 5×/s.

#include <chrono>
#include <cstdint>
#include <iostream>
#include <string>

namespace hipguide::cli {

/// Prints progress to stderr; call update() as often as you like and finish() at the end.
class ProgressLine {
 public:
  explicit ProgressLine(std::string label) : m_label(std::move(label)) {}
  void update(std::int64_t done, std::int64_t total) {
    const auto now = std::chrono::steady_clock::now();
    if (done != total && now - m_last < std::chrono::milliseconds(200)) return;
    m_last = now;
    std::cerr << "\r" << m_label << " " << done << "/" << total << " ("
              << (total > 0 ? done * 100 / total : 100) << "%)" << std::flush;
  }
  void finish() { std::cerr << "\n"; }

 private:
  std::string m_label;
  std::chrono::steady_clock::time_point m_last{};
};

}  // namespace hipguide::cli
