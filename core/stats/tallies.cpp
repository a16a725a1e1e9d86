// core/stats: what staff counted by hand on a day, kept beside the kiosk's own counts
#include "core/stats/tallies.h"

#include <sqlite3.h>

namespace lantai::core {

namespace {

constexpr StatsAction kStore{"store the manual tally", "保存人工统计"};
constexpr StatsAction kRead{"read the manual tallies", "读取人工统计"};

ManualTally rowTally(const SqliteStatement& s) {
    ManualTally t;
    t.date = s.text(0);
    if (!s.isNull(1)) t.visitors = s.int64(1);
    if (!s.isNull(2)) t.leaflets = s.int64(2);
    if (!s.isNull(3)) t.note = s.text(3);
    t.recordedAt = s.int64(4);
    return t;
}

void bindOptional(SqliteStatement& s, int i, const std::optional<std::int64_t>& v) {
    if (v)
        s.bind(i, *v);
    else
        s.bindNull(i);
}

constexpr const char* kSelect = "SELECT date, visitors, leaflets, nullif(note, ''), recorded_at "
                                "FROM tallies";

} // namespace

Result<TallyOutcome> recordTally(SqliteConnection& db, const ManualTally& tally) {
    if (auto open = db.requireOpen(kStore); !open) return std::move(open).error();
    SqliteTransaction tx(db);
    if (auto begun = tx.begun(kStore); !begun) return std::move(begun).error();
    TallyOutcome outcome;
    {
        SqliteStatement had(db, "SELECT count(*) FROM tallies WHERE date = ?1");
        if (had.bind(1, std::string_view(tally.date)).step() != SQLITE_ROW)
            return db.failure(kStore);
        outcome.replaced = had.int64(0) > 0;
    }
    {
        SqliteStatement s(db,
                          "INSERT INTO tallies (date, visitors, leaflets, note, recorded_at) "
                          "VALUES (?1, ?2, ?3, coalesce(?4, ''), ?5) ON CONFLICT (date) DO "
                          "UPDATE SET visitors = coalesce(?2, visitors), leaflets = "
                          "coalesce(?3, leaflets), note = coalesce(?4, note), recorded_at = ?5");
        s.bind(1, std::string_view(tally.date));
        bindOptional(s, 2, tally.visitors);
        bindOptional(s, 3, tally.leaflets);
        if (tally.note)
            s.bind(4, std::string_view(*tally.note));
        else
            s.bindNull(4);
        s.bind(5, tally.recordedAt);
        if (!s.run()) return db.failure(kStore);
    }
    {
        SqliteStatement read(db, (std::string(kSelect) + " WHERE date = ?1").c_str());
        if (read.bind(1, std::string_view(tally.date)).step() != SQLITE_ROW)
            return db.failure(kStore);
        outcome.stored = rowTally(read);
    }
    if (auto committed = tx.commit(kStore); !committed) return std::move(committed).error();
    return outcome;
}

Result<std::vector<ManualTally>> tallies(SqliteConnection& db, std::string_view from,
                                         std::string_view to) {
    if (auto open = db.requireOpen(kRead); !open) return std::move(open).error();
    SqliteStatement s(db,
                      (std::string(kSelect) +
                       " WHERE (?1 = '' OR date >= ?1) AND (?2 = '' OR date <= ?2) ORDER BY date")
                          .c_str());
    s.bind(1, from).bind(2, to);
    std::vector<ManualTally> out;
    int rc = 0;
    while ((rc = s.step()) == SQLITE_ROW)
        out.push_back(rowTally(s));
    if (rc != SQLITE_DONE) return db.failure(kRead);
    return out;
}

} // namespace lantai::core
