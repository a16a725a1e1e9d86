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
};

} // namespace

std::optional<int> schemaVersion(SqliteConnection& db) {
    if (!db.requireOpen()) return std::nullopt;
    SqliteStatement s(db, "SELECT coalesce(max(version), 0) FROM schema_version");
    if (s.step() != SQLITE_ROW) return db.failNull("cannot read the schema version");
    return s.integer(0);
}

bool migrateSchema(SqliteConnection& db, bool readOnly) {
    int version = 0;
    {
        SqliteStatement s(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = "
                              "'schema_version'");
        if (s.step() != SQLITE_ROW) return db.fail("cannot read the schema");
        if (s.integer(0) > 0) {
            const auto current = schemaVersion(db);
            if (!current) return false;
            version = *current;
        }
    }
    if (version > kStatsSchemaVersion) {
        db.setError("the stats database has schema version " + std::to_string(version) +
                    ", newer than this Lantai knows (" + std::to_string(kStatsSchemaVersion) +
                    "); it was written by a newer version and is left untouched");
        return false;
    }
    if (version < kStatsSchemaVersion && readOnly) {
        db.setError("the stats database has schema version " + std::to_string(version) +
                    " and needs an upgrade; open it once with the kiosk");
        return false;
    }
    for (int v = version + 1; v <= kStatsSchemaVersion; ++v) {
        SqliteTransaction tx(db);
        if (!tx.ok()) return db.fail("cannot start the schema migration");
        if (!db.exec(kMigrations[static_cast<std::size_t>(v - 1)])) {
            db.setError("schema migration to version " + std::to_string(v) +
                        " failed: " + db.error());
            return false;
        }
        SqliteStatement del(db, "DELETE FROM schema_version");
        SqliteStatement ins(db, "INSERT INTO schema_version (version) VALUES (?1)");
        if (!del.run() || !ins.bind(1, v).run() || !tx.commit())
            return db.fail("cannot record schema version " + std::to_string(v));
    }
    return true;
}

} // namespace lantai::core
