// core/stats: the stats database's schema and its versioned migrations
#include "core/stats/schema.h"

#include <array>
#include <sqlite3.h>
#include <string>

namespace lantai::core {

namespace {

// Migration N brings the schema from version N − 1 to N. Append, never edit a shipped one.
constexpr std::array<const char*, kStatsSchemaVersion> kMigrations = {
    // v1: quiz results, question usage, team sessions, interaction events.
    R"sql(
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE quiz_results (
  id INTEGER PRIMARY KEY,
  timestamp INTEGER NOT NULL,
  pack_id TEXT NOT NULL,
  bank TEXT NOT NULL DEFAULT '',
  age_band TEXT NOT NULL DEFAULT '',
  nickname TEXT NOT NULL DEFAULT '',
  score INTEGER NOT NULL,
  correct INTEGER NOT NULL,
  total INTEGER NOT NULL,
  mode TEXT NOT NULL,
  finished INTEGER NOT NULL,
  too_fast INTEGER NOT NULL,
  fastest_answer_ms INTEGER,
  counted_for_leaderboard INTEGER NOT NULL,
  leaderboard_status TEXT NOT NULL
);
CREATE INDEX quiz_results_board ON quiz_results (counted_for_leaderboard, timestamp);
CREATE INDEX quiz_results_nickname ON quiz_results (nickname, timestamp);
CREATE TABLE question_usage (
  question_id TEXT PRIMARY KEY,
  last_used INTEGER NOT NULL,
  times_used INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE team_sessions (
  id INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL,
  pack_id TEXT NOT NULL,
  bank TEXT NOT NULL DEFAULT '',
  age_band TEXT NOT NULL DEFAULT '',
  mode TEXT NOT NULL,
  questions_per_team INTEGER NOT NULL,
  team_count INTEGER NOT NULL,
  finished INTEGER NOT NULL
);
CREATE INDEX team_sessions_started ON team_sessions (started_at);
CREATE TABLE team_results (
  session_id INTEGER NOT NULL REFERENCES team_sessions (id) ON DELETE CASCADE,
  team_index INTEGER NOT NULL,
  team_preset TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  colour INTEGER NOT NULL,
  score INTEGER NOT NULL,
  correct INTEGER NOT NULL,
  answered INTEGER NOT NULL,
  total INTEGER NOT NULL,
  rank INTEGER NOT NULL,
  PRIMARY KEY (session_id, team_index)
);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  timestamp INTEGER NOT NULL,
  kind TEXT NOT NULL,
  pack_id TEXT NOT NULL DEFAULT '',
  subject_id TEXT NOT NULL DEFAULT '',
  value REAL
);
CREATE INDEX events_kind_time ON events (kind, timestamp);
)sql",
    // v2 (issue 14): events say which booth, pack version and visit they belong to, and carry a
    // detail (a language, an age band, "completed"); the names of what events name, so a report
    // needs no pack; the staff's manual tallies.
    R"sql(
ALTER TABLE events ADD COLUMN booth_id TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN pack_version TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN session INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN detail TEXT NOT NULL DEFAULT '';
CREATE TABLE subject_names (
  pack_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  title_zh TEXT NOT NULL DEFAULT '',
  title_en TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (pack_id, kind, subject_id)
) WITHOUT ROWID;
CREATE TABLE tallies (
  date TEXT PRIMARY KEY,
  visitors INTEGER,
  leaflets INTEGER,
  note TEXT NOT NULL DEFAULT '',
  recorded_at INTEGER NOT NULL
) WITHOUT ROWID;
)sql",
};

constexpr StatsAction kReadVersion{"read the statistics database's schema version",
                                   "读取统计数据库的版本"};
constexpr StatsAction kMigrate{"upgrade the statistics database", "升级统计数据库"};

} // namespace

Result<int> schemaVersion(SqliteConnection& db) {
    if (auto open = db.requireOpen(kReadVersion); !open) return std::move(open).error();
    SqliteStatement s(db, "SELECT coalesce(max(version), 0) FROM schema_version");
    if (s.step() != SQLITE_ROW) return db.failure(kReadVersion);
    return s.integer(0);
}

Status migrateSchema(SqliteConnection& db, bool readOnly) {
    int version = 0;
    {
        SqliteStatement s(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = "
                              "'schema_version'");
        if (s.step() != SQLITE_ROW) return db.failure(kReadVersion);
        if (s.integer(0) > 0) {
            auto current = schemaVersion(db);
            if (!current) return std::move(current).error();
            version = *current;
        }
    }
    const std::string file = db.file().string();
    const std::string have = std::to_string(version);
    const std::string known = std::to_string(kStatsSchemaVersion);
    if (version > kStatsSchemaVersion)
        return operationalError(
            kStatsSchemaNewer, file,
            "The statistics database \"" + file + "\" has schema version " + have +
                ", newer than this Lantai knows (" + known +
                "): it was written by a newer version and is left untouched. Update Lantai.",
            "统计数据库“" + file + "”的版本为 " + have + "，比本版兰台支持的版本（" + known +
                "）新：它由更新的版本写入，已保持原样。请升级兰台。");
    if (version < kStatsSchemaVersion && readOnly)
        return operationalError(kStatsSchemaOlder, file,
                                "The statistics database \"" + file + "\" has schema version " +
                                    have + " and needs an upgrade: start the kiosk with it once.",
                                "统计数据库“" + file + "”的版本为 " + have +
                                    "，需要升级：请先用展台程序打开一次。");
    for (int v = version + 1; v <= kStatsSchemaVersion; ++v) {
        SqliteTransaction tx(db);
        if (auto begun = tx.begun(kMigrate); !begun) return begun;
        if (auto migrated = db.exec(kMigrations[static_cast<std::size_t>(v - 1)], kMigrate);
            !migrated)
            return migrated;
        SqliteStatement del(db, "DELETE FROM schema_version");
        SqliteStatement ins(db, "INSERT INTO schema_version (version) VALUES (?1)");
        if (!del.run() || !ins.bind(1, v).run()) return db.failure(kMigrate);
        if (auto committed = tx.commit(kMigrate); !committed) return committed;
    }
    return {};
}

} // namespace lantai::core
