// core/stats: when each quiz question was last drawn on this kiosk, and how often
#include "core/stats/question_usage.h"

#include <sqlite3.h>
#include <string_view>

namespace lantai::core {

std::optional<QuestionUsageRecords> questionUsage(SqliteConnection& db) {
    if (!db.requireOpen()) return std::nullopt;
    SqliteStatement s(db, "SELECT question_id, last_used, times_used FROM question_usage");
    QuestionUsageRecords out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out[s.text(0)] = {s.int64(1), s.integer(2)};
    if (rc != SQLITE_DONE) return db.failNull("cannot read question usage");
    return out;
}

bool recordQuestionUsage(SqliteConnection& db, const std::vector<std::string>& questionIds,
                         std::int64_t now) {
    if (!db.requireOpen()) return false;
    SqliteTransaction tx(db);
    if (!tx.ok()) return db.fail("cannot start a transaction");
    for (const auto& id : questionIds) {
        SqliteStatement s(db, "INSERT INTO question_usage (question_id, last_used, times_used) "
                              "VALUES (?1, ?2, 1) ON CONFLICT (question_id) DO UPDATE SET "
                              "last_used = max(last_used, excluded.last_used), "
                              "times_used = times_used + 1");
        if (!s.bind(1, std::string_view(id)).bind(2, now).run())
            return db.fail("cannot record question usage");
    }
    if (!tx.commit()) return db.fail("cannot record question usage");
    return true;
}

} // namespace lantai::core
