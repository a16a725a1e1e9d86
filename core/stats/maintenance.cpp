// core/stats: keeping the stats database bounded — retention and the size bound
#include "core/stats/maintenance.h"

#include <sqlite3.h>

namespace lantai::core {

namespace {

constexpr StatsAction kRetention{"delete statistics older than the retention period",
                                 "删除超过保留期限的统计数据"};
constexpr StatsAction kSize{"measure the statistics database", "计算统计数据库大小"};
constexpr StatsAction kTrim{"delete the oldest interaction events", "删除最早的互动记录"};

// DELETE of the expired among the `limit` oldest rows of one table, in its own transaction.
Result<std::int64_t> deleteExpired(SqliteConnection& db, const char* sql, std::int64_t before,
                                   int limit) {
    SqliteTransaction tx(db);
    if (auto begun = tx.begun(kRetention); !begun) return std::move(begun).error();
    std::int64_t deleted = 0;
    {
        SqliteStatement s(db, sql);
        if (!s.bind(1, before).bind(2, limit).run()) return db.failure(kRetention);
        deleted = sqlite3_changes64(db.handle());
    }
    if (auto committed = tx.commit(kRetention); !committed) return std::move(committed).error();
    return deleted;
}

Result<std::int64_t> pragmaValue(SqliteConnection& db, const char* pragma) {
    SqliteStatement s(db, pragma);
    if (s.step() != SQLITE_ROW) return db.failure(kSize);
    return s.int64(0);
}

} // namespace

Result<std::int64_t> deleteRecordsBefore(SqliteConnection& db, std::int64_t before, int limit) {
    if (auto open = db.requireOpen(kRetention); !open) return std::move(open).error();
    // Team results go with their session (ON DELETE CASCADE; the store turns foreign keys on).
    static constexpr const char* kDeletes[] = {
        "DELETE FROM events WHERE id IN (SELECT id FROM (SELECT id, timestamp FROM events ORDER "
        "BY id LIMIT ?2) WHERE timestamp < ?1)",
        "DELETE FROM quiz_results WHERE id IN (SELECT id FROM (SELECT id, timestamp FROM "
        "quiz_results ORDER BY id LIMIT ?2) WHERE timestamp < ?1)",
        "DELETE FROM team_sessions WHERE id IN (SELECT id FROM (SELECT id, started_at FROM "
        "team_sessions ORDER BY id LIMIT ?2) WHERE started_at < ?1)",
    };
    std::int64_t total = 0;
    for (const char* sql : kDeletes) {
        auto deleted = deleteExpired(db, sql, before, limit);
        if (!deleted) return deleted;
        total += *deleted;
    }
    return total;
}

Result<std::uint64_t> databaseUsedBytes(SqliteConnection& db) {
    if (auto open = db.requireOpen(kSize); !open) return std::move(open).error();
    auto pages = pragmaValue(db, "PRAGMA page_count");
    if (!pages) return std::move(pages).error();
    auto free = pragmaValue(db, "PRAGMA freelist_count");
    if (!free) return std::move(free).error();
    auto size = pragmaValue(db, "PRAGMA page_size");
    if (!size) return std::move(size).error();
    return static_cast<std::uint64_t>(*pages - *free) * static_cast<std::uint64_t>(*size);
}

Result<std::int64_t> deleteOldestEvents(SqliteConnection& db, int count) {
    if (auto open = db.requireOpen(kTrim); !open) return std::move(open).error();
    SqliteTransaction tx(db);
    if (auto begun = tx.begun(kTrim); !begun) return std::move(begun).error();
    std::int64_t deleted = 0;
    {
        SqliteStatement s(db, "DELETE FROM events WHERE id IN (SELECT id FROM events ORDER BY id "
                              "LIMIT ?1)");
        if (!s.bind(1, count).run()) return db.failure(kTrim);
        deleted = sqlite3_changes64(db.handle());
    }
    if (auto committed = tx.commit(kTrim); !committed) return std::move(committed).error();
    return deleted;
}

} // namespace lantai::core
