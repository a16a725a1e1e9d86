// core/stats: the names of what events name, so a report read from a booth's database alone
// shows titles, not ids
#include "core/stats/subject_names.h"

#include <sqlite3.h>

namespace lantai::core {

namespace {
constexpr StatsAction kStore{"store the names of items and questions", "保存展品与题目名称"};
constexpr StatsAction kRead{"read the names of items and questions", "读取展品与题目名称"};
} // namespace

Status recordSubjectNames(SqliteConnection& db, std::span<const SubjectName> names) {
    if (auto open = db.requireOpen(kStore); !open) return open;
    SqliteTransaction tx(db);
    if (auto begun = tx.begun(kStore); !begun) return begun;
    SqliteStatement s(db, "INSERT INTO subject_names (pack_id, kind, subject_id, title_zh, "
                          "title_en) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO UPDATE SET "
                          "title_zh = excluded.title_zh, title_en = excluded.title_en WHERE "
                          "title_zh IS NOT excluded.title_zh OR title_en IS NOT excluded.title_en");
    for (const SubjectName& n : names) {
        s.bind(1, std::string_view(n.packId))
            .bind(2, std::string_view(n.kind))
            .bind(3, std::string_view(n.subjectId))
            .bind(4, std::string_view(n.zh))
            .bind(5, std::string_view(n.en));
        if (!s.run()) return db.failure(kStore);
        s.reset();
    }
    return tx.commit(kStore);
}

Result<std::vector<SubjectName>> subjectNames(SqliteConnection& db) {
    if (auto open = db.requireOpen(kRead); !open) return std::move(open).error();
    SqliteStatement s(db, "SELECT pack_id, kind, subject_id, title_zh, title_en FROM "
                          "subject_names");
    std::vector<SubjectName> names;
    int rc = 0;
    while ((rc = s.step()) == SQLITE_ROW)
        names.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4)});
    if (rc != SQLITE_DONE) return db.failure(kRead);
    return names;
}

} // namespace lantai::core
