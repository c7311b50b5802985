#include <hipguide/core/Logging.h>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <mutex>

namespace hipguide::core {
namespace {

std::atomic<std::size_t> g_problems{0};

/// Counts warnings and errors so tests can assert that none were logged unexpectedly.
class ProblemCounterSink final : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    if (message.level >= spdlog::level::warn) ++g_problems;
  }
  void flush_() override {}
};

struct Registry {
  std::mutex mutex;
  std::vector<spdlog::sink_ptr> sinks{std::make_shared<spdlog::sinks::stderr_color_sink_mt>(),
                                      std::make_shared<ProblemCounterSink>()};
};

Registry& registry() {
  static Registry instance;
  return instance;
}

}  // namespace

std::shared_ptr<spdlog::logger> logger(std::string_view layer) {
  Registry& reg = registry();
  std::lock_guard lock(reg.mutex);
  const std::string name(layer);
  if (auto existing = spdlog::get(name)) return existing;
  auto created = std::make_shared<spdlog::logger>(name, reg.sinks.begin(), reg.sinks.end());
  created->set_level(spdlog::level::info);
  created->flush_on(spdlog::level::warn);
  spdlog::register_logger(created);
  return created;
}

void addRotatingLogFile(const std::filesystem::path& file) {
  Registry& reg = registry();
  std::lock_guard lock(reg.mutex);
  auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file.string(), 5 * 1024 * 1024, 3);
  reg.sinks.push_back(sink);
  spdlog::apply_all([&](const std::shared_ptr<spdlog::logger>& each) { each->sinks().push_back(sink); });
}

std::size_t loggedProblemCount() { return g_problems.load(); }

}  // namespace hipguide::core
