#include <hipguide/acquisition/DisplayRange.h>
#include <hipguide/session/SessionEvent.h>

#include <stdexcept>

namespace hipguide::session {
namespace {

nlohmann::json vec2Json(const core::Vec2& value) { return nlohmann::json::array({value.x(), value.y()}); }

core::Vec2 vec2From(const nlohmann::json& value) {
  return {value.at(0).get<double>(), value.at(1).get<double>()};
}

}  // namespace

nlohmann::json toJson(const SessionEvent& event) {
  return {
      {"t_ns", event.timestampNs}, {"frame", event.frameId}, {"kind", event.kind}, {"data", event.payload}};
}

SessionEvent sessionEventFromJson(const nlohmann::json& json) {
  if (!json.is_object()) throw std::runtime_error("event is not a JSON object");
  for (const char* member : {"t_ns", "kind"})
    if (!json.contains(member)) throw std::runtime_error(std::string("event lacks member '") + member + "'");
  try {
    SessionEvent event;
    event.timestampNs = json.at("t_ns").get<std::int64_t>();
    event.frameId = json.value("frame", std::uint64_t{0});
    event.kind = json.at("kind").get<std::string>();
    event.payload = json.value("data", nlohmann::json::object());
    return event;
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(std::string("event has a member of the wrong type: ") + error.what());
  }
}

SessionEvent needleEstimateEvent(const core::NeedleEstimate& estimate) {
  nlohmann::json stages = nlohmann::json::object();
  for (const core::StageTime& stage : estimate.stageTimes) stages[stage.stage] = stage.ms;
  SessionEvent event;
  event.timestampNs = estimate.deviceTimestampNs;
  event.frameId = estimate.frameId;
  event.kind = event_kind::kNeedleEstimate;
  event.payload = {{"detected", estimate.detected},
                   {"tip_mm", vec2Json(estimate.tipMm)},
                   {"entry_mm", vec2Json(estimate.entryMm)},
                   {"angle_deg", estimate.angleDeg},
                   {"visible_length_mm", estimate.visibleLengthMm},
                   {"confidence", estimate.confidence},
                   {"stage_ms", stages}};
  return event;
}

std::optional<core::NeedleEstimate> needleEstimateFrom(const SessionEvent& event) {
  if (event.kind != event_kind::kNeedleEstimate) return std::nullopt;
  const nlohmann::json& data = event.payload;
  core::NeedleEstimate estimate;
  estimate.frameId = event.frameId;
  estimate.deviceTimestampNs = event.timestampNs;
  try {
    estimate.detected = data.value("detected", false);
    if (data.contains("tip_mm")) estimate.tipMm = vec2From(data.at("tip_mm"));
    if (data.contains("entry_mm")) estimate.entryMm = vec2From(data.at("entry_mm"));
    estimate.angleDeg = data.value("angle_deg", 0.0);
    estimate.visibleLengthMm = data.value("visible_length_mm", 0.0);
    estimate.confidence = data.value("confidence", 0.0);
    if (data.contains("stage_ms"))
      for (const auto& [stage, ms] : data.at("stage_ms").items())
        estimate.stageTimes.push_back({stage, ms.get<double>()});
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error("needle-estimate event of frame " + std::to_string(event.frameId) +
                             " is malformed: " + error.what());
  }
  return estimate;
}

std::optional<double> recordedTrackerDisplayRange(const std::vector<SessionEvent>& events) {
  for (const SessionEvent& event : events) {
    if (event.kind != event_kind::kSettings) continue;
    const auto value = event.payload.find(kTrackerDisplayRangeKey);
    if (value == event.payload.end() || !value->is_number()) continue;
    const double rangeDb = value->get<double>();
    return acquisition::plausibleDisplayRangeDb(rangeDb) ? std::optional(rangeDb) : std::nullopt;
  }
  return std::nullopt;
}

}  // namespace hipguide::session
