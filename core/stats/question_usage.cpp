// core/stats: when each quiz question was last drawn on this kiosk, and how often
#include "core/stats/question_usage.h"

#include <sqlite3.h>
#include <string_view>

namespace lantai::core {

namespace {
constexpr StatsAction kRead{"read question usage", "读取题目使用记录"};
constexpr StatsAction kRecord{"record question usage", "记录题目使用情况"};
} // namespace

Result<QuestionUsageRecords> questionUsage(SqliteConnection& db) {
    if (auto open = db.requireOpen(kRead); !open) return std::move(open).error();
    SqliteStatement s(db, "SELECT question_id, last_used, times_used FROM question_usage");
    QuestionUsageRecords out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out[s.text(0)] = {s.int64(1), s.integer(2)};
    if (rc != SQLITE_DONE) return db.failure(kRead);
    return out;
}

Status recordQuestionUsage(SqliteConnection& db, const std::vector<std::string>& questionIds,
                           std::int64_t now) {
    SqliteTransaction tx(db);
    if (auto begun = tx.begun(kRecord); !begun) return begun;
    for (const auto& id : questionIds) {
        SqliteStatement s(db, "INSERT INTO question_usage (question_id, last_used, times_used) "
                              "VALUES (?1, ?2, 1) ON CONFLICT (question_id) DO UPDATE SET "
                              "last_used = max(last_used, excluded.last_used), "
                              "times_used = times_used + 1");
        if (!s.bind(1, std::string_view(id)).bind(2, now).run()) return db.failure(kRecord);
    }
    return tx.commit(kRecord);
}

} // namespace lantai::core
