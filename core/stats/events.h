// core/stats: visitor interaction events (item views, screens, video plays) for later statistics
#pragma once

#include "core/stats/calendar.h"
#include "core/stats/sqlite.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace lantai::core {

// A visitor interaction for later statistics: kind e.g. "item_view", "screen", "video_play";
// subject is an item / screen / video id; value is optional (seconds watched, …). The kinds the
// kiosk records and what their fields mean: core/stats/event_kinds.h.
struct StatsEvent {
    std::int64_t timestamp = 0;
    std::string kind;
    std::string packId;
    std::string subjectId;
    std::optional<double> value;
    std::string boothId{};     // stats.booth_id of the kiosk that recorded it
    std::string packVersion{}; // the pack's content version (KioskContent::packVersion)
    std::int64_t session = 0;  // the visit: unix milliseconds of its first touch; 0 = none
    std::string detail{};      // a language, an age band, "completed", …
};

// What the events of one visit share: the booth, the pack and its version, the visit.
struct EventStamp {
    std::string boothId;
    std::string packId;
    std::string packVersion;
    std::int64_t session = 0;
};

// An event of `kind` at `timestamp` (unix seconds), stamped with `stamp`.
StatsEvent stampedEvent(const EventStamp& stamp, std::int64_t timestamp, std::string kind,
                        std::string subject = {}, std::optional<double> value = {},
                        std::string detail = {});

Status recordEvent(SqliteConnection& db, const StatsEvent& event);
// All of `events` in one transaction (the event writer's batches): all are stored, or none.
Status recordEvents(SqliteConnection& db, std::span<const StatsEvent> events);
Result<std::int64_t> countEvents(SqliteConnection& db, std::string_view kind, TimeRange range);

} // namespace lantai::core
