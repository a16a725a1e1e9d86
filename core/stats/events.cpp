// core/stats: visitor interaction events (item views, screens, video plays) for later statistics
#include "core/stats/events.h"

#include <sqlite3.h>

namespace lantai::core {

namespace {

constexpr StatsAction kStore{"store the event", "保存互动记录"};
constexpr StatsAction kStoreMany{"store the interaction events", "保存互动记录"};
constexpr StatsAction kCount{"count events", "统计互动记录"};

constexpr const char* kInsert =
    "INSERT INTO events (timestamp, kind, pack_id, subject_id, value, booth_id, pack_version, "
    "session, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

bool insert(SqliteStatement& s, const StatsEvent& event) {
    s.bind(1, event.timestamp)
        .bind(2, std::string_view(event.kind))
        .bind(3, std::string_view(event.packId))
        .bind(4, std::string_view(event.subjectId));
    if (event.value)
        s.bind(5, *event.value);
    else
        s.bindNull(5);
    s.bind(6, std::string_view(event.boothId))
        .bind(7, std::string_view(event.packVersion))
        .bind(8, event.session)
        .bind(9, std::string_view(event.detail));
    const bool done = s.run();
    s.reset();
    return done;
}

} // namespace

StatsEvent stampedEvent(const EventStamp& stamp, std::int64_t timestamp, std::string kind,
                        std::string subject, std::optional<double> value, std::string detail) {
    StatsEvent e;
    e.timestamp = timestamp;
    e.kind = std::move(kind);
    e.packId = stamp.packId;
    e.subjectId = std::move(subject);
    e.value = value;
    e.boothId = stamp.boothId;
    e.packVersion = stamp.packVersion;
    e.session = stamp.session;
    e.detail = std::move(detail);
    return e;
}

Status recordEvent(SqliteConnection& db, const StatsEvent& event) {
    if (auto open = db.requireOpen(kStore); !open) return open;
    SqliteStatement s(db, kInsert);
    if (!insert(s, event)) return db.failure(kStore);
    return {};
}

Status recordEvents(SqliteConnection& db, std::span<const StatsEvent> events) {
    if (auto open = db.requireOpen(kStoreMany); !open) return open;
    SqliteTransaction tx(db);
    if (auto begun = tx.begun(kStoreMany); !begun) return begun;
    SqliteStatement s(db, kInsert);
    for (const StatsEvent& event : events)
        if (!insert(s, event)) return db.failure(kStoreMany);
    return tx.commit(kStoreMany);
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
