// core/stats: the kiosk's stats database as one object — opening the file (WAL, integrity
// check, a corrupt file moved aside) and the calls callers use
#pragma once

#include "core/stats/calendar.h"
#include "core/stats/events.h"
#include "core/stats/question_usage.h"
#include "core/stats/quiz_results.h"
#include "core/stats/schema.h"
#include "core/stats/sqlite.h"
#include "core/stats/team_results.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

struct StatsStoreOptions {
    bool readOnly = false; // the CLI's exports: no creation, migration or recovery
};

// <state_dir>/lantai.sqlite, opened with journal_mode=WAL and synchronous=NORMAL (a power cut
// can lose the last transactions but never corrupts the file). open() migrates older
// databases step by step (core/stats/schema.h) and refuses newer ones. A file that is not a
// database or fails PRAGMA quick_check is renamed to "<file>.corrupt-<UTC timestamp>" (its
// -wal too), logged as a warning, and a new database is created, so the kiosk keeps working.
//
// The record calls forward to the functions of quiz_results.h, question_usage.h,
// team_results.h and events.h, which take and return plain records.
//
// Errors are values: every call returns false / nullopt and sets lastError() (English); no
// exception leaves the store.
//
// Threading/ownership: one connection, owned by this object; use it from the main thread only
// (SQLite's own locking lets the CLI read the same file from another process meanwhile).
// Never reads a clock: every timestamp is passed in.
class StatsStore {
  public:
    static constexpr int kSchemaVersion = kStatsSchemaVersion;
    static std::filesystem::path databasePath(const std::filesystem::path& stateDir);

    // Opens or creates `file` (its directory too). `now` names a corrupt file moved aside.
    bool open(const std::filesystem::path& file, std::int64_t now, StatsStoreOptions options = {});
    void close() { m_db.close(); }
    bool isOpen() const { return m_db.isOpen(); }
    const std::string& lastError() const { return m_db.error(); }
    const std::filesystem::path& path() const { return m_path; }
    // Where a corrupt database was moved by the last open(), if it was.
    const std::optional<std::filesystem::path>& movedAside() const { return m_movedAside; }
    std::optional<int> schemaVersion() { return core::schemaVersion(m_db); }
    std::optional<std::string> journalMode(); // "wal"

    // Quiz results and leaderboards.
    std::optional<RecordOutcome> recordQuizResult(const QuizResultRecord& record, TimeRange today,
                                                  const LeaderboardRules& rules) {
        return core::recordQuizResult(m_db, record, today, rules);
    }
    std::optional<std::vector<LeaderboardEntry>> topResults(const LeaderboardQuery& query) {
        return core::topResults(m_db, query);
    }
    std::optional<int> rankOf(std::int64_t resultId, const LeaderboardQuery& query) {
        return core::rankOf(m_db, resultId, query);
    }
    std::optional<int> countQuizResults(TimeRange range) {
        return core::countQuizResults(m_db, range);
    }

    // Question usage across sessions (the draw's least-recently-used preference).
    std::optional<QuestionUsageRecords> questionUsage() { return core::questionUsage(m_db); }
    bool recordQuestionUsage(const std::vector<std::string>& questionIds, std::int64_t now) {
        return core::recordQuestionUsage(m_db, questionIds, now);
    }

    // Class / team sessions.
    std::optional<std::int64_t> recordTeamSession(const TeamSessionRecord& record) {
        return core::recordTeamSession(m_db, record);
    }
    std::optional<std::vector<TeamSessionRecord>> teamSessions(std::int64_t since) {
        return core::teamSessions(m_db, since);
    }

    // Interaction statistics.
    bool recordEvent(const StatsEvent& event) { return core::recordEvent(m_db, event); }
    std::optional<std::int64_t> countEvents(std::string_view kind, TimeRange range) {
        return core::countEvents(m_db, kind, range);
    }

  private:
    enum class OpenStatus { Ok, Corrupt, Failed };
    OpenStatus tryOpen(const std::filesystem::path& file, const StatsStoreOptions& options);

    SqliteConnection m_db;
    std::filesystem::path m_path;
    std::optional<std::filesystem::path> m_movedAside;
};

// The team results of sessions started at or after `since` (unix seconds) as CSV
// (teamResultsCsv, core/stats/team_results_csv.h); nullopt on error (store.lastError()).
std::optional<std::string> exportTeamResultsCsv(StatsStore& store, std::int64_t since,
                                                int utcOffsetSeconds = 0);

} // namespace lantai::core
