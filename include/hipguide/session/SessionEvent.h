#pragma once
/// Timestamped events a session records beside its frames: tracker estimates, guidance alerts,
/// annotations, bookmarks, settings. Generic, so the session layer needs no guidance types.

#include <hipguide/core/NeedleEstimate.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hipguide::session {

/// Event kinds HipGuide writes; any other string is kept as it is.
namespace event_kind {
inline constexpr const char* kNeedleEstimate = "needle-estimate";
inline constexpr const char* kAlert = "alert";
inline constexpr const char* kAnnotation = "annotation";
inline constexpr const char* kBookmark = "bookmark";
inline constexpr const char* kSettings = "settings";
}  // namespace event_kind

/// One line of a recording's sidecar (`events.jsonl`, see docs/recording-format.md).
/// `timestampNs` is on the same clock as the frames' deviceTimestampNs; `frameId` names the
/// frame the event belongs to (0 = none).
struct SessionEvent {
  std::int64_t timestampNs = 0;
  std::uint64_t frameId = 0;
  std::string kind;
  nlohmann::json payload = nlohmann::json::object();
};

/// {"t_ns":..,"frame":..,"kind":..,"data":{..}}
nlohmann::json toJson(const SessionEvent& event);
/// Inverse of toJson; throws std::runtime_error naming the missing or wrong member.
SessionEvent sessionEventFromJson(const nlohmann::json& json);

/// A `needle-estimate` event holding every field of the estimate.
SessionEvent needleEstimateEvent(const core::NeedleEstimate& estimate);
/// The estimate in a `needle-estimate` event; nullopt for other kinds.
std::optional<core::NeedleEstimate> needleEstimateFrom(const SessionEvent& event);

/// Key, in the `settings` event a live recording starts with, of the scanner's dynamic range (dB)
/// the tracker worked with: a replay, or `track` on the recording, re-runs it with the same.
inline constexpr const char* kTrackerDisplayRangeKey = "tracker_display_range_db";
/// The dynamic range the first `settings` event among `events` that names one says the tracker
/// worked with; nullopt when none does, or when it is a value no scanner offers
/// (acquisition::plausibleDisplayRangeDb).
std::optional<double> recordedTrackerDisplayRange(const std::vector<SessionEvent>& events);

}  // namespace hipguide::session
