// core/stats: class contests — one team session and its teams' results in rank order
#include "core/stats/team_results.h"

#include <sqlite3.h>
#include <string_view>

namespace lantai::core {

namespace {
constexpr StatsAction kStore{"store the class contest", "保存班级竞赛成绩"};
constexpr StatsAction kRead{"read the class contests", "读取班级竞赛成绩"};
} // namespace

Result<std::int64_t> recordTeamSession(SqliteConnection& db, const TeamSessionRecord& record) {
    SqliteTransaction tx(db);
    if (auto begun = tx.begun(kStore); !begun) return std::move(begun).error();
    SqliteStatement s(db, "INSERT INTO team_sessions (started_at, finished_at, pack_id, bank, "
                          "age_band, mode, questions_per_team, team_count, finished) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    s.bind(1, record.startedAt)
        .bind(2, record.finishedAt)
        .bind(3, std::string_view(record.packId))
        .bind(4, std::string_view(record.bank))
        .bind(5, std::string_view(record.ageBand))
        .bind(6, std::string_view(record.mode))
        .bind(7, record.questionsPerTeam)
        .bind(8, static_cast<int>(record.teams.size()))
        .bind(9, record.finished ? 1 : 0);
    if (!s.run()) return db.failure(kStore);
    const std::int64_t id = db.lastInsertId();
    for (const auto& t : record.teams) {
        SqliteStatement r(db, "INSERT INTO team_results (session_id, team_index, team_preset, "
                              "name_zh, name_en, colour, score, correct, answered, total, rank) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
        r.bind(1, id)
            .bind(2, t.teamIndex)
            .bind(3, std::string_view(t.presetId))
            .bind(4, std::string_view(t.name.zh))
            .bind(5, std::string_view(t.name.en))
            .bind(6, static_cast<std::int64_t>(t.colour))
            .bind(7, t.score)
            .bind(8, t.correct)
            .bind(9, t.answered)
            .bind(10, t.total)
            .bind(11, t.rank);
        if (!r.run()) return db.failure(kStore);
    }
    if (auto committed = tx.commit(kStore); !committed) return std::move(committed).error();
    return id;
}

Result<std::vector<TeamSessionRecord>> teamSessions(SqliteConnection& db, std::int64_t since) {
    if (auto open = db.requireOpen(kRead); !open) return std::move(open).error();
    SqliteStatement s(db, "SELECT id, started_at, finished_at, pack_id, bank, age_band, mode, "
                          "questions_per_team, finished FROM team_sessions WHERE started_at >= ?1 "
                          "ORDER BY started_at, id");
    s.bind(1, since);
    std::vector<TeamSessionRecord> out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        TeamSessionRecord r;
        r.id = s.int64(0);
        r.startedAt = s.int64(1);
        r.finishedAt = s.int64(2);
        r.packId = s.text(3);
        r.bank = s.text(4);
        r.ageBand = s.text(5);
        r.mode = s.text(6);
        r.questionsPerTeam = s.integer(7);
        r.finished = s.integer(8) != 0;
        out.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE) return db.failure(kRead);
    for (auto& r : out) {
        SqliteStatement t(db, "SELECT team_index, team_preset, name_zh, name_en, colour, score, "
                              "correct, answered, total, rank FROM team_results WHERE "
                              "session_id = ?1 ORDER BY rank, team_index");
        t.bind(1, r.id);
        while ((rc = t.step()) == SQLITE_ROW) {
            r.teams.push_back({t.integer(0),
                               t.text(1),
                               {t.text(2), t.text(3)},
                               static_cast<std::uint32_t>(t.int64(4)),
                               t.integer(5),
                               t.integer(6),
                               t.integer(7),
                               t.integer(8),
                               t.integer(9)});
        }
        if (rc != SQLITE_DONE) return db.failure(kRead);
    }
    return out;
}

} // namespace lantai::core
