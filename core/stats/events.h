// core/stats: visitor interaction events (item views, screens, video plays) for later statistics
#pragma once

#include "core/stats/calendar.h"
#include "core/stats/sqlite.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lantai::core {

// A visitor interaction for later statistics: kind e.g. "item_view", "screen", "video_play";
// subject is an item / screen / video id; value is optional (seconds watched, …).
struct StatsEvent {
    std::int64_t timestamp = 0;
    std::string kind;
    std::string packId;
    std::string subjectId;
    std::optional<double> value;
};

Status recordEvent(SqliteConnection& db, const StatsEvent& event);
Result<std::int64_t> countEvents(SqliteConnection& db, std::string_view kind, TimeRange range);

} // namespace lantai::core
