// core/stats: the kiosk's stats store — quiz results, leaderboards, question usage, team sessions
// and interaction events in one SQLite database (WAL, schema-versioned) in the state directory
#pragma once

#include "core/quiz/answer_timing.h"
#include "core/quiz/engine.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace lantai::core {

// ---- time helpers (pure: the caller passes the time and the local UTC offset) --------------

// Unix seconds, [begin, end).
struct TimeRange {
    std::int64_t begin = 0;
    std::int64_t end = 0;
};

// The local calendar day containing `unixSeconds`, for a zone `utcOffsetSeconds` east of UTC
// (China: 8 × 3600).
TimeRange localDayRange(std::int64_t unixSeconds, int utcOffsetSeconds);
// Local midnight of "YYYY-MM-DD"; nullopt when malformed.
std::optional<std::int64_t> parseLocalDate(std::string_view date, int utcOffsetSeconds);
// "YYYY-MM-DD HH:MM:SS" in the given offset.
std::string formatLocalTime(std::int64_t unixSeconds, int utcOffsetSeconds);
// The machine's UTC offset at that moment (localtime_r; reads the time zone, not the clock).
int localUtcOffsetSeconds(std::int64_t unixSeconds);

// ---- records -----------------------------------------------------------------------------------

// Anti-abuse at a public booth. A result is always stored; these decide whether it counts
// for the leaderboard.
struct LeaderboardRules {
    int cooldownMinutes = 10; // a nickname takes no new leaderboard slot within this; 0 = off
    int dailyCap = 5;         // leaderboard entries per nickname per local day; 0 = no cap
    int minAnswerMs = kDefaultMinAnswerMs; // a result with a faster answer is not counted
};

enum class LeaderboardStatus {
    Counted,
    NoNickname, // no nickname, or not one of presetNicknames() (stored as "")
    Unfinished, // the quiz was abandoned
    TooFast,    // an answer faster than humanly possible
    Cooldown,   // the same nickname took a slot less than cooldownMinutes ago
    DailyCap,   // the nickname has dailyCap entries today already
};
const char* leaderboardStatusName(LeaderboardStatus status); // "counted", "no_nickname", …

struct QuizResultRecord {
    std::int64_t timestamp = 0; // unix seconds
    std::string packId;
    std::string bank;     // bank id, "" when the quiz mixed banks
    std::string ageBand;  // ageBandName(), "" when not chosen
    std::string nickname; // presetNicknames() id; "" = anonymous
    int score = 0;
    int correct = 0;
    int total = 0;
    ScoringMode mode = ScoringMode::Accuracy;
    bool finished = true;
    bool tooFast = false;     // the engine flagged an answer (QuizSummary::tooFastCount > 0)
    int fastestAnswerMs = -1; // -1 unknown; checked against LeaderboardRules::minAnswerMs too
};

// Builds the record of a finished (or abandoned) solo quiz.
QuizResultRecord quizResultRecord(const QuizSummary& summary, const QuizConfig& config,
                                  std::string packId, std::string bank, std::string nickname,
                                  std::int64_t timestamp);

struct RecordOutcome {
    std::int64_t id = 0;
    LeaderboardStatus status = LeaderboardStatus::Counted;
    int rank =
        0; // today's rank on its leaderboard (same pack, bank, mode, age band); 0 if not counted
};

// Which leaderboard. Empty strings and nullopt mean "any".
struct LeaderboardQuery {
    TimeRange range; // e.g. localDayRange(now, offset)
    std::string packId;
    std::string bank;
    std::string ageBand;
    std::optional<ScoringMode> mode;
    int limit = 10;
};

// Ordered by score (high first), then time (who got there first), then id: ranks are unique.
struct LeaderboardEntry {
    int rank = 0;
    std::int64_t resultId = 0;
    std::int64_t timestamp = 0;
    std::string nickname; // preset id: findNickname() gives the name
    int score = 0;
    int correct = 0;
    int total = 0;
};

struct TeamResultRow {
    int teamIndex = 0;
    std::string presetId;
    LocalizedText name; // stored as shown, so exports survive preset changes
    std::uint32_t colour = 0;
    int score = 0;
    int correct = 0;
    int answered = 0;
    int total = 0;
    int rank = 0;
};

struct TeamSessionRecord {
    std::int64_t id = 0; // set by the store
    std::int64_t startedAt = 0;
    std::int64_t finishedAt = 0; // when the session ended (or was reset unfinished)
    std::string packId;
    std::string bank;
    std::string ageBand;
    ScoringMode mode = ScoringMode::Accuracy;
    int questionsPerTeam = 0;
    bool finished = false;
    std::vector<TeamResultRow> teams; // in rank order
};

TeamSessionRecord teamSessionRecord(const TeamSession& session, std::string packId,
                                    std::string bank, std::int64_t startedAt,
                                    std::int64_t finishedAt);

// A visitor interaction for later statistics: kind e.g. "item_view", "screen", "video_play";
// subject is an item / screen / video id; value is optional (seconds watched, …).
struct StatsEvent {
    std::int64_t timestamp = 0;
    std::string kind;
    std::string packId;
    std::string subjectId;
    std::optional<double> value;
};

struct StatsStoreOptions {
    bool readOnly = false; // the CLI's exports: no creation, migration or recovery
};

// <state_dir>/lantai.sqlite, opened with journal_mode=WAL and synchronous=NORMAL (a power cut
// can lose the last transactions but never corrupts the file). The schema version lives in
// the table schema_version; open() migrates older databases step by step in transactions and
// refuses newer ones. A file that is not a database or fails PRAGMA quick_check is renamed
// to "<file>.corrupt-<UTC timestamp>" (its -wal too), logged as a warning, and a new database
// is created, so the kiosk keeps working.
//
// Errors are values: every call returns false / nullopt and sets lastError() (English); no
// exception leaves the store.
//
// Threading/ownership: one connection, owned by this object; use it from the main thread only
// (SQLite's own locking lets the CLI read the same file from another process meanwhile).
// Never reads a clock: every timestamp is passed in.
class StatsStore {
  public:
    static constexpr int kSchemaVersion = 1;
    static std::filesystem::path databasePath(const std::filesystem::path& stateDir);

    StatsStore() = default;
    ~StatsStore();
    StatsStore(StatsStore&& other) noexcept;
    StatsStore& operator=(StatsStore&& other) noexcept;
    StatsStore(const StatsStore&) = delete;
    StatsStore& operator=(const StatsStore&) = delete;

    // Opens or creates `file` (its directory too). `now` names a corrupt file moved aside.
    bool open(const std::filesystem::path& file, std::int64_t now, StatsStoreOptions options = {});
    void close();
    bool isOpen() const { return m_db != nullptr; }
    const std::string& lastError() const { return m_error; }
    const std::filesystem::path& path() const { return m_path; }
    // Where a corrupt database was moved by the last open(), if it was.
    const std::optional<std::filesystem::path>& movedAside() const { return m_movedAside; }
    std::optional<int> schemaVersion();
    std::optional<std::string> journalMode(); // "wal"

    // Quiz results and leaderboards.
    std::optional<RecordOutcome> recordQuizResult(const QuizResultRecord& record, TimeRange today,
                                                  const LeaderboardRules& rules = {});
    std::optional<std::vector<LeaderboardEntry>> topResults(const LeaderboardQuery& query);
    // 1-based rank of a result on the board `query` describes (limit ignored); 0 when it is not
    // on it (not counted, another day, another board); nullopt on error.
    std::optional<int> rankOf(std::int64_t resultId, const LeaderboardQuery& query);
    std::optional<int> countQuizResults(TimeRange range);

    // Question usage across sessions (the draw's least-recently-used preference).
    std::optional<UsageHistory> questionUsage();
    bool recordQuestionUsage(const std::vector<std::string>& questionIds, std::int64_t now);

    // Class / team sessions.
    std::optional<std::int64_t> recordTeamSession(const TeamSessionRecord& record);
    // Sessions started at or after `since`, oldest first, teams in rank order.
    std::optional<std::vector<TeamSessionRecord>> teamSessions(std::int64_t since);

    // Interaction statistics.
    bool recordEvent(const StatsEvent& event);
    std::optional<std::int64_t> countEvents(std::string_view kind, TimeRange range);

  private:
    enum class OpenStatus { Ok, Corrupt, Failed };
    OpenStatus tryOpen(const std::filesystem::path& file, const StatsStoreOptions& options);
    bool migrate(bool readOnly);
    bool exec(const char* sql);
    bool fail(std::string message); // sets lastError() with SQLite's message appended
    std::nullopt_t failNull(std::string message);

    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
    std::optional<std::filesystem::path> m_movedAside;
    std::string m_error;
};

// CSV of every team result of sessions started at or after `since` (unix seconds): UTF-8
// with a byte-order mark (so Excel detects the encoding), CRLF line ends, RFC 4180 quoting,
// one header line, one row per team; times local in `utcOffsetSeconds`. nullopt on error
// (store.lastError()).
std::optional<std::string> exportTeamResultsCsv(StatsStore& store, std::int64_t since,
                                                int utcOffsetSeconds = 0);

} // namespace lantai::core
