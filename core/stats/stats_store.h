// core/stats: the kiosk's stats database as one object — opening the file (WAL, integrity
// check, a corrupt file moved aside) and the calls callers use
#pragma once

#include "core/stats/calendar.h"
#include "core/stats/events.h"
#include "core/stats/maintenance.h"
#include "core/stats/question_usage.h"
#include "core/stats/quiz_results.h"
#include "core/stats/schema.h"
#include "core/stats/sqlite.h"
#include "core/stats/subject_names.h"
#include "core/stats/tallies.h"
#include "core/stats/team_results.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

struct StatsStoreOptions {
    bool readOnly = false; // the CLI's exports: no creation, migration or recovery
    // Read-only: a copy nothing writes to, without a -wal (SqliteConnection::open), e.g. on a
    // write-protected USB stick.
    bool immutable = false;
    // A corrupt file is moved aside and a new one made. The event writer's second connection
    // leaves that to the kiosk's own store (false) and tries again later.
    bool recoverCorrupt = true;
    bool quickCheck = true; // PRAGMA quick_check on opening
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
// Errors are values: every call returns a Status or Result whose Diagnostic carries a stable
// code (core/stats/stats_errors.h: stats.disk_full, stats.cannot_open, …) and a zh/en sentence
// naming the file; no exception leaves the store. The store does not retry or queue: the
// kiosk writes through core/stats/stats_writer.h, which does.
//
// Threading/ownership: one connection, owned by this object; use it from the main thread only
// (SQLite's own locking lets the CLI read the same file from another process meanwhile).
// Never reads a clock: every timestamp is passed in.
class StatsStore {
  public:
    static constexpr int kSchemaVersion = kStatsSchemaVersion;
    static std::filesystem::path databasePath(const std::filesystem::path& stateDir);

    // Opens or creates `file` (its directory too). `now` names a corrupt file moved aside.
    // A folder or another non-regular file in its place is stats.cannot_open, a write-protected
    // file stats.read_only.
    Status open(const std::filesystem::path& file, std::int64_t now,
                StatsStoreOptions options = {});
    void close() { m_db.close(); }
    bool isOpen() const { return m_db.isOpen(); }
    const std::filesystem::path& path() const { return m_path; }
    // Where a corrupt database was moved by the last open(), if it was.
    const std::optional<std::filesystem::path>& movedAside() const { return m_movedAside; }
    Result<int> schemaVersion() { return core::schemaVersion(m_db); }
    Result<std::string> journalMode(); // "wal"

    // Quiz results and leaderboards.
    Result<RecordOutcome> recordQuizResult(const QuizResultRecord& record, TimeRange today,
                                           const LeaderboardRules& rules) {
        return core::recordQuizResult(m_db, record, today, rules);
    }
    Result<std::vector<LeaderboardEntry>> topResults(const LeaderboardQuery& query) {
        return core::topResults(m_db, query);
    }
    Result<int> rankOf(std::int64_t resultId, const LeaderboardQuery& query) {
        return core::rankOf(m_db, resultId, query);
    }
    Result<int> countQuizResults(TimeRange range) { return core::countQuizResults(m_db, range); }

    // Question usage across sessions (the draw's least-recently-used preference).
    Result<QuestionUsageRecords> questionUsage() { return core::questionUsage(m_db); }
    Status recordQuestionUsage(const std::vector<std::string>& questionIds, std::int64_t now) {
        return core::recordQuestionUsage(m_db, questionIds, now);
    }

    // Class / team sessions.
    Result<std::int64_t> recordTeamSession(const TeamSessionRecord& record) {
        return core::recordTeamSession(m_db, record);
    }
    Result<std::vector<TeamSessionRecord>> teamSessions(std::int64_t since) {
        return core::teamSessions(m_db, since);
    }

    // Interaction statistics.
    Status recordEvent(const StatsEvent& event) { return core::recordEvent(m_db, event); }
    Status recordEvents(std::span<const StatsEvent> events) {
        return core::recordEvents(m_db, events);
    }
    Result<std::int64_t> countEvents(std::string_view kind, TimeRange range) {
        return core::countEvents(m_db, kind, range);
    }
    Status recordSubjectNames(std::span<const SubjectName> names) {
        return core::recordSubjectNames(m_db, names);
    }

    // The staff's manual tallies.
    Result<TallyOutcome> recordTally(const ManualTally& tally) {
        return core::recordTally(m_db, tally);
    }

    // Retention and the size bound (maintenance.h).
    Result<std::int64_t> deleteRecordsBefore(std::int64_t before, int limit) {
        return core::deleteRecordsBefore(m_db, before, limit);
    }
    Result<std::uint64_t> usedBytes() { return core::databaseUsedBytes(m_db); }
    Result<std::int64_t> deleteOldestEvents(int count) {
        return core::deleteOldestEvents(m_db, count);
    }

    // The connection, for readers with queries of their own (core/report's aggregates).
    SqliteConnection& connection() { return m_db; }

  private:
    Status tryOpen(const std::filesystem::path& file, const StatsStoreOptions& options);

    SqliteConnection m_db;
    std::filesystem::path m_path;
    std::optional<std::filesystem::path> m_movedAside;
};

// The team results of sessions started at or after `since` (unix seconds) as CSV
// (teamResultsCsv, core/stats/team_results_csv.h).
Result<std::string> exportTeamResultsCsv(StatsStore& store, std::int64_t since,
                                         int utcOffsetSeconds = 0);

} // namespace lantai::core
