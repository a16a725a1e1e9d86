// core/stats: the kiosk's writes to the stats database — kept in memory while the database cannot
// take them (a full disk, a file that cannot be opened) and written when it can; reopening on a
// timer; a warning when the state disk runs low
#pragma once

#include "core/base/result.h"
#include "core/stats/pending_writes.h"
#include "core/stats/stats_store.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lantai::core {

struct StatsWriterOptions {
    std::filesystem::path file;             // <state_dir>/lantai.sqlite
    std::chrono::seconds retryInterval{60}; // reopening, writing what waits, the free-space check
    std::uint64_t diskReserveBytes = std::uint64_t{200} << 20; // warn below this; 0: never
    PendingLimits limits;                                      // the memory queue's bound
    std::size_t writesPerUpdate = 100; // waiting writes written by one update() call
};

// The store the kiosk writes through. Every record is queued (PendingWrites) and the queue is
// written oldest first, each record in its own transaction, so the order of results — which the
// leaderboard's cooldown and daily cap depend on — is kept. A record the database cannot take
// now (stats.disk_full, stats.read_only, stats.cannot_open, stats.busy, …) stays queued: it is
// tried again on the next write and on the timer, and written when space returns or the file
// can be opened. A record that would fail the same way every time (stats.sqlite_error: a
// constraint, a misuse) is dropped with an error in the log. When the queue passes its bound the
// oldest record is dropped, with a log line.
//
// A database that cannot be opened, or that fails mid-run with anything but a full disk or a
// lock (read-only, damaged, an I/O error), is (re)opened on the next update() and then every
// retryInterval; StatsStore::open moves a damaged file aside. Failures are logged when they
// start or change (repeats at debug level), and once when writes work again.
//
// Threading/ownership: main thread only; owns the store and the queue. Never reads a clock:
// `now` (steady, for the timer) and `unixNow` (the name of a damaged file moved aside) are
// arguments; records carry their own timestamps.
class StatsWriter {
  public:
    using Clock = std::chrono::steady_clock;
    using TimePoint = Clock::time_point;

    StatsWriter() = default;
    // A last try to write what waits; what still cannot be written is lost, with a log line.
    ~StatsWriter();
    StatsWriter(const StatsWriter&) = delete;
    StatsWriter& operator=(const StatsWriter&) = delete;

    // Opens the database (logged either way) and checks the free space; retries on the timer.
    Status start(StatsWriterOptions options, TimePoint now, std::int64_t unixNow);
    // Call every loop iteration: at the timer's deadline (or right after a write closed the
    // store) reopens the database, writes what waits, checks the free space.
    void update(TimePoint now, std::int64_t unixNow);

    bool available() const { return m_store.isOpen(); } // open (writes may still fail)
    // Why the database cannot be opened or the last write failed; empty while writes work.
    const std::optional<Diagnostic>& problem() const { return m_problem; }
    // The state disk has less free space than the reserve (a warning, for the staff screen).
    const std::optional<Diagnostic>& diskWarning() const { return m_diskWarning; }
    const PendingWrites& pending() const { return m_pending; }

    // Writes. Ok: written now (a quiz result with its rank). An error says why it was not; the
    // record then waits in memory (unless the error is one that can never succeed: dropped).
    Result<RecordOutcome> recordQuizResult(const QuizResultRecord& record, TimeRange today,
                                           const LeaderboardRules& rules);
    Status recordTeamSession(TeamSessionRecord record);
    Status recordQuestionUsage(std::vector<std::string> questionIds, std::int64_t timestamp);
    Status recordEvent(StatsEvent event);

    // Reads; while the database is not open, the reason it cannot be opened.
    Result<std::vector<LeaderboardEntry>> topResults(const LeaderboardQuery& query);
    Result<QuestionUsageRecords> questionUsage();

  private:
    struct Drained {
        std::optional<RecordOutcome> wanted;   // the outcome of the write asked for, if written
        std::optional<Diagnostic> wantedError; // why it was dropped as unwritable, if it was
        std::optional<Diagnostic> stopped;     // why writing stopped before the queue was empty
        std::size_t written = 0;
    };
    Result<RecordOutcome> write(PendingWrite write);
    Drained drain(std::size_t limit, std::uint64_t wanted);
    Status reopen(std::int64_t unixNow);
    void checkDisk();
    void noteProblem(const Diagnostic& problem, const std::string& consequence);
    Diagnostic unavailable() const;

    StatsWriterOptions m_options;
    StatsStore m_store;
    PendingWrites m_pending;
    std::shared_ptr<const LeaderboardRules> m_rules; // shared by waiting results
    std::optional<Diagnostic> m_problem;
    std::optional<Diagnostic> m_diskWarning;
    TimePoint m_nextAttempt{};
    bool m_reopenSoon = false; // a write closed the store: reopen on the next update()
    bool m_drainSoon = false;  // update() stopped at writesPerUpdate: go on next time
};

} // namespace lantai::core
