// core/stats: visitor interaction events (item views, screens, video plays) for later statistics
#include "core/stats/events.h"

#include <sqlite3.h>

namespace lantai::core {

namespace {
constexpr StatsAction kStore{"store the event", "保存互动记录"};
constexpr StatsAction kCount{"count events", "统计互动记录"};
} // namespace

Status recordEvent(SqliteConnection& db, const StatsEvent& event) {
    if (auto open = db.requireOpen(kStore); !open) return open;
    SqliteStatement s(db, "INSERT INTO events (timestamp, kind, pack_id, subject_id, value) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)");
    s.bind(1, event.timestamp)
        .bind(2, std::string_view(event.kind))
        .bind(3, std::string_view(event.packId))
        .bind(4, std::string_view(event.subjectId));
    if (event.value)
        s.bind(5, *event.value);
    else
        s.bindNull(5);
    if (!s.run()) return db.failure(kStore);
    return {};
}

Result<std::int64_t> countEvents(SqliteConnection& db, std::string_view kind, TimeRange range) {
    if (auto open = db.requireOpen(kCount); !open) return std::move(open).error();
    SqliteStatement s(db, "SELECT count(*) FROM events WHERE kind = ?1 AND timestamp >= ?2 AND "
                          "timestamp < ?3");
    if (s.bind(1, kind).bind(2, range.begin).bind(3, range.end).step() != SQLITE_ROW)
        return db.failure(kCount);
    return s.int64(0);
}

} // namespace lantai::core
