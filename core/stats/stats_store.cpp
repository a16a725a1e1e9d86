// core/stats: the kiosk's stats store — quiz results, leaderboards, question usage, team sessions
// and interaction events in one SQLite database (WAL, schema-versioned) in the state directory
#include "core/stats/stats_store.h"

#include "core/base/log.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <sqlite3.h>
#include <system_error>

namespace lantai::core {

namespace {

// ---- calendar maths (proleptic Gregorian, H. Hinnant's days_from_civil) ------------------------

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = floorDiv(y, 400);
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

Civil civilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = floorDiv(z, 146097);
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

unsigned daysInMonth(std::int64_t y, unsigned m) {
    static constexpr std::array<unsigned, 12> days = {31, 28, 31, 30, 31, 30,
                                                      31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

// ---- SQLite helpers ----------------------------------------------------------------------------

// A prepared statement, finalised on scope exit.
class Statement {
  public:
    Statement(sqlite3* db, const char* sql) {
        m_rc = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return m_rc == SQLITE_OK && m_stmt != nullptr; }
    Statement& bind(int i, std::int64_t v) { return check(sqlite3_bind_int64(m_stmt, i, v)); }
    Statement& bind(int i, int v) { return check(sqlite3_bind_int(m_stmt, i, v)); }
    Statement& bind(int i, double v) { return check(sqlite3_bind_double(m_stmt, i, v)); }
    Statement& bind(int i, std::string_view v) {
        return check(
            sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    }
    Statement& bindNull(int i) { return check(sqlite3_bind_null(m_stmt, i)); }
    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return m_rc == SQLITE_OK ? sqlite3_step(m_stmt) : m_rc; }
    bool run() { return step() == SQLITE_DONE; }

    std::int64_t int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
    int integer(int col) const { return sqlite3_column_int(m_stmt, col); }
    double real(int col) const { return sqlite3_column_double(m_stmt, col); }
    bool isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
    std::string text(int col) const {
        const auto* p = sqlite3_column_text(m_stmt, col);
        return p ? std::string(reinterpret_cast<const char*>(p),
                               static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col)))
                 : std::string();
    }

  private:
    Statement& check(int rc) {
        if (m_rc == SQLITE_OK && rc != SQLITE_OK) m_rc = rc;
        return *this;
    }
    sqlite3_stmt* m_stmt = nullptr;
    int m_rc = SQLITE_OK;
};

// BEGIN IMMEDIATE … COMMIT; rolls back unless commit() succeeded.
class Transaction {
  public:
    explicit Transaction(sqlite3* db) : m_db(db) {
        m_open = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    ~Transaction() {
        if (m_open) sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    bool ok() const { return m_open; }
    bool commit() {
        if (!m_open) return false;
        m_open = false;
        if (sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK) return true;
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        return false;
    }

  private:
    sqlite3* m_db;
    bool m_open = false;
};

bool isCorruptCode(int rc) {
    const int primary = rc & 0xff;
    return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}

// Migration N brings the schema from version N − 1 to N. Append, never edit a shipped one.
constexpr std::array<const char*, StatsStore::kSchemaVersion> kMigrations = {
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

// The board filter shared by topResults() and rankOf(): parameters ?1 … ?6.
constexpr const char* kBoardFilter =
    "counted_for_leaderboard = 1 AND timestamp >= ?1 AND timestamp < ?2"
    " AND (?3 = '' OR pack_id = ?3) AND (?4 = '' OR bank = ?4)"
    " AND (?5 = '' OR age_band = ?5) AND (?6 = '' OR mode = ?6)";

void bindBoard(Statement& s, const LeaderboardQuery& q) {
    s.bind(1, q.range.begin)
        .bind(2, q.range.end)
        .bind(3, std::string_view(q.packId))
        .bind(4, std::string_view(q.bank))
        .bind(5, std::string_view(q.ageBand))
        .bind(6, std::string_view(q.mode ? scoringModeName(*q.mode) : ""));
}

std::string csvField(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string colourHex(std::uint32_t colour) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06X", colour & 0xFFFFFFu);
    return buf;
}

} // namespace

// ---- time helpers ------------------------------------------------------------------------------

TimeRange localDayRange(std::int64_t unixSeconds, int utcOffsetSeconds) {
    const std::int64_t day = floorDiv(unixSeconds + utcOffsetSeconds, 86400);
    const std::int64_t begin = day * 86400 - utcOffsetSeconds;
    return {begin, begin + 86400};
}

std::optional<std::int64_t> parseLocalDate(std::string_view date, int utcOffsetSeconds) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
    auto number = [&](std::size_t pos, std::size_t len, int& out) {
        const char* first = date.data() + pos;
        for (std::size_t i = 0; i < len; ++i)
            if (first[i] < '0' || first[i] > '9') return false;
        return std::from_chars(first, first + len, out).ec == std::errc();
    };
    int y = 0, m = 0, d = 0;
    if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return std::nullopt;
    if (m < 1 || m > 12 || d < 1 || d > static_cast<int>(daysInMonth(y, static_cast<unsigned>(m))))
        return std::nullopt;
    return daysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400 -
           utcOffsetSeconds;
}

std::string formatLocalTime(std::int64_t unixSeconds, int utcOffsetSeconds) {
    const std::int64_t local = unixSeconds + utcOffsetSeconds;
    const Civil c = civilFromDays(floorDiv(local, 86400));
    const std::int64_t secs = local - floorDiv(local, 86400) * 86400;
    // secs is 0..86399, so the narrowing casts below are exact.
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02d:%02d:%02d",
                  static_cast<long long>(c.year), c.month, c.day, static_cast<int>(secs / 3600),
                  static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
    return buf;
}

int localUtcOffsetSeconds(std::int64_t unixSeconds) {
    const auto t = static_cast<std::time_t>(unixSeconds);
    std::tm tm{};
    if (!localtime_r(&t, &tm)) return 0;
    return static_cast<int>(tm.tm_gmtoff);
}

const char* leaderboardStatusName(LeaderboardStatus status) {
    switch (status) {
    case LeaderboardStatus::Counted:
        return "counted";
    case LeaderboardStatus::NoNickname:
        return "no_nickname";
    case LeaderboardStatus::Unfinished:
        return "unfinished";
    case LeaderboardStatus::TooFast:
        return "too_fast";
    case LeaderboardStatus::Cooldown:
        return "cooldown";
    case LeaderboardStatus::DailyCap:
        return "daily_cap";
    }
    return "counted";
}

QuizResultRecord quizResultRecord(const QuizSummary& summary, const QuizConfig& config,
                                  std::string packId, std::string bank, std::string nickname,
                                  std::int64_t timestamp) {
    QuizResultRecord r;
    r.timestamp = timestamp;
    r.packId = std::move(packId);
    r.bank = std::move(bank);
    r.ageBand = config.filter.exactDifficulty == 0 ? ageBandName(config.filter.ageBand) : "";
    r.nickname = std::move(nickname);
    r.score = summary.score;
    r.correct = summary.correctCount;
    r.total = summary.total;
    r.mode = config.scoring.mode;
    r.finished = summary.finished;
    r.tooFast = summary.tooFastCount > 0;
    r.fastestAnswerMs = summary.fastestAnswerMs;
    return r;
}

TeamSessionRecord teamSessionRecord(const TeamSession& session, std::string packId,
                                    std::string bank, std::int64_t startedAt,
                                    std::int64_t finishedAt) {
    TeamSessionRecord r;
    r.startedAt = startedAt;
    r.finishedAt = finishedAt;
    r.packId = std::move(packId);
    r.bank = std::move(bank);
    const QuestionFilter& f = session.config().filter;
    r.ageBand = f.exactDifficulty == 0 ? ageBandName(f.ageBand) : "";
    r.mode = session.config().scoring.mode;
    r.questionsPerTeam = session.questionsPerTeam();
    r.finished = session.finished();
    for (const TeamStanding& s : session.scoreboard()) {
        r.teams.push_back({s.team, s.preset->id, s.preset->name, s.preset->colour, s.score,
                           s.correctCount, s.answered, s.total, s.rank});
    }
    return r;
}

// ---- StatsStore: opening -----------------------------------------------------------------------

std::filesystem::path StatsStore::databasePath(const std::filesystem::path& stateDir) {
    return stateDir / "lantai.sqlite";
}

StatsStore::~StatsStore() {
    close();
}

StatsStore::StatsStore(StatsStore&& other) noexcept
    : m_db(other.m_db), m_path(std::move(other.m_path)),
      m_movedAside(std::move(other.m_movedAside)), m_error(std::move(other.m_error)) {
    other.m_db = nullptr;
}

StatsStore& StatsStore::operator=(StatsStore&& other) noexcept {
    if (this != &other) {
        close();
        m_db = other.m_db;
        other.m_db = nullptr;
        m_path = std::move(other.m_path);
        m_movedAside = std::move(other.m_movedAside);
        m_error = std::move(other.m_error);
    }
    return *this;
}

void StatsStore::close() {
    if (m_db) sqlite3_close_v2(m_db);
    m_db = nullptr;
}

bool StatsStore::fail(std::string message) {
    if (m_db) {
        message += ": ";
        message += sqlite3_errmsg(m_db);
    }
    m_error = std::move(message);
    return false;
}

std::nullopt_t StatsStore::failNull(std::string message) {
    fail(std::move(message));
    return std::nullopt;
}

bool StatsStore::exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &err) == SQLITE_OK) return true;
    m_error = err ? err : "unknown SQLite error";
    sqlite3_free(err);
    return false;
}

StatsStore::OpenStatus StatsStore::tryOpen(const std::filesystem::path& file,
                                           const StatsStoreOptions& options) {
    const int flags =
        options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(file.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        fail("cannot open the stats database " + file.string());
        close();
        return OpenStatus::Failed;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 2000);

    auto failed = [&](const std::string& what) {
        const int code = sqlite3_errcode(m_db);
        fail(what + " " + file.string());
        close();
        return isCorruptCode(code) ? OpenStatus::Corrupt : OpenStatus::Failed;
    };
    {
        Statement check(m_db, "PRAGMA quick_check(1)");
        rc = check.step();
        if (rc != SQLITE_ROW) return failed("cannot check the stats database");
        if (check.text(0) != "ok") {
            m_error = "the stats database " + file.string() + " is damaged: " + check.text(0);
            close();
            return OpenStatus::Corrupt;
        }
    }
    if (!options.readOnly) {
        Statement wal(m_db, "PRAGMA journal_mode=WAL");
        if (wal.step() != SQLITE_ROW) return failed("cannot switch to WAL mode for");
        if (!exec("PRAGMA synchronous=NORMAL")) return failed("cannot set synchronous=NORMAL for");
    }
    if (!exec("PRAGMA foreign_keys=ON")) return failed("cannot enable foreign keys for");
    if (!migrate(options.readOnly)) {
        const int code = sqlite3_errcode(m_db);
        close();
        return isCorruptCode(code) ? OpenStatus::Corrupt : OpenStatus::Failed;
    }
    return OpenStatus::Ok;
}

bool StatsStore::open(const std::filesystem::path& file, std::int64_t now,
                      StatsStoreOptions options) {
    close();
    m_path = file;
    m_movedAside.reset();
    m_error.clear();
    std::error_code ec;
    if (!options.readOnly && file.has_parent_path()) {
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec)
            return fail("cannot create the state directory " + file.parent_path().string() + ": " +
                        ec.message());
    }
    const OpenStatus status = tryOpen(file, options);
    if (status == OpenStatus::Ok) return true;
    if (status == OpenStatus::Failed || options.readOnly) return false;

    // Corrupt: move the file (and its WAL) aside and start a new database.
    const std::string reason = m_error;
    std::string stamp = formatLocalTime(now, 0); // "YYYY-MM-DD HH:MM:SS" UTC
    std::erase_if(stamp, [](char c) { return c == '-' || c == ':'; });
    std::replace(stamp.begin(), stamp.end(), ' ', 'T');
    std::filesystem::path aside = file.string() + ".corrupt-" + stamp + "Z";
    for (int n = 2; std::filesystem::exists(aside, ec); ++n)
        aside = file.string() + ".corrupt-" + stamp + "Z-" + std::to_string(n);
    std::filesystem::rename(file, aside, ec);
    if (ec) {
        m_error = reason + "; moving it aside failed: " + ec.message();
        return false;
    }
    const std::filesystem::path wal = file.string() + "-wal";
    if (std::filesystem::exists(wal, ec)) std::filesystem::rename(wal, aside.string() + "-wal", ec);
    std::filesystem::remove(file.string() + "-shm", ec);
    std::filesystem::remove(file.string() + "-journal", ec);
    logWarning("stats store: " + reason + "; moved it to " + aside.string() +
               " and started a new database");
    m_movedAside = aside;
    if (tryOpen(file, options) != OpenStatus::Ok) return false;
    return true;
}

bool StatsStore::migrate(bool readOnly) {
    int version = 0;
    {
        Statement s(m_db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = "
                          "'schema_version'");
        if (s.step() != SQLITE_ROW) return fail("cannot read the schema");
        if (s.integer(0) > 0) {
            Statement v(m_db, "SELECT coalesce(max(version), 0) FROM schema_version");
            if (v.step() != SQLITE_ROW) return fail("cannot read the schema version");
            version = v.integer(0);
        }
    }
    if (version > kSchemaVersion) {
        m_error = "the stats database has schema version " + std::to_string(version) +
                  ", newer than this Lantai knows (" + std::to_string(kSchemaVersion) +
                  "); it was written by a newer version and is left untouched";
        return false;
    }
    if (version < kSchemaVersion && readOnly) {
        m_error = "the stats database has schema version " + std::to_string(version) +
                  " and needs an upgrade; open it once with the kiosk";
        return false;
    }
    for (int v = version + 1; v <= kSchemaVersion; ++v) {
        Transaction tx(m_db);
        if (!tx.ok()) return fail("cannot start the schema migration");
        if (!exec(kMigrations[static_cast<std::size_t>(v - 1)])) {
            m_error = "schema migration to version " + std::to_string(v) + " failed: " + m_error;
            return false;
        }
        Statement del(m_db, "DELETE FROM schema_version");
        Statement ins(m_db, "INSERT INTO schema_version (version) VALUES (?1)");
        if (!del.run() || !ins.bind(1, v).run() || !tx.commit())
            return fail("cannot record schema version " + std::to_string(v));
    }
    return true;
}

std::optional<int> StatsStore::schemaVersion() {
    if (!m_db) return failNull("the stats database is not open");
    Statement s(m_db, "SELECT coalesce(max(version), 0) FROM schema_version");
    if (s.step() != SQLITE_ROW) return failNull("cannot read the schema version");
    return s.integer(0);
}

std::optional<std::string> StatsStore::journalMode() {
    if (!m_db) return failNull("the stats database is not open");
    Statement s(m_db, "PRAGMA journal_mode");
    if (s.step() != SQLITE_ROW) return failNull("cannot read the journal mode");
    return s.text(0);
}

// ---- quiz results and leaderboards -------------------------------------------------------------

std::optional<RecordOutcome> StatsStore::recordQuizResult(const QuizResultRecord& record,
                                                          TimeRange today,
                                                          const LeaderboardRules& rules) {
    if (!m_db) return failNull("the stats database is not open");
    Transaction tx(m_db);
    if (!tx.ok()) return failNull("cannot start a transaction");

    const std::string nickname = findNickname(record.nickname) ? record.nickname : "";
    const bool tooFast = record.tooFast || (record.fastestAnswerMs >= 0 &&
                                            record.fastestAnswerMs < rules.minAnswerMs);
    auto countCounted = [&](std::int64_t from, std::int64_t to) -> std::optional<int> {
        Statement s(m_db, "SELECT count(*) FROM quiz_results WHERE nickname = ?1 AND "
                          "counted_for_leaderboard = 1 AND timestamp >= ?2 AND timestamp < ?3");
        if (s.bind(1, std::string_view(nickname)).bind(2, from).bind(3, to).step() != SQLITE_ROW)
            return std::nullopt;
        return s.integer(0);
    };

    RecordOutcome outcome;
    if (nickname.empty()) {
        outcome.status = LeaderboardStatus::NoNickname;
    } else if (!record.finished) {
        outcome.status = LeaderboardStatus::Unfinished;
    } else if (tooFast) {
        outcome.status = LeaderboardStatus::TooFast;
    } else {
        if (rules.cooldownMinutes > 0) {
            const std::int64_t window = std::int64_t{rules.cooldownMinutes} * 60;
            const auto recent = countCounted(record.timestamp - window + 1, record.timestamp + 1);
            if (!recent) return failNull("cannot check the cooldown");
            if (*recent > 0) outcome.status = LeaderboardStatus::Cooldown;
        }
        if (outcome.status == LeaderboardStatus::Counted && rules.dailyCap > 0) {
            const auto todays = countCounted(today.begin, today.end);
            if (!todays) return failNull("cannot check the daily cap");
            if (*todays >= rules.dailyCap) outcome.status = LeaderboardStatus::DailyCap;
        }
    }
    const bool counted = outcome.status == LeaderboardStatus::Counted;

    Statement ins(m_db,
                  "INSERT INTO quiz_results (timestamp, pack_id, bank, age_band, nickname, score, "
                  "correct, total, mode, finished, too_fast, fastest_answer_ms, "
                  "counted_for_leaderboard, leaderboard_status) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    ins.bind(1, record.timestamp)
        .bind(2, std::string_view(record.packId))
        .bind(3, std::string_view(record.bank))
        .bind(4, std::string_view(record.ageBand))
        .bind(5, std::string_view(nickname))
        .bind(6, record.score)
        .bind(7, record.correct)
        .bind(8, record.total)
        .bind(9, std::string_view(scoringModeName(record.mode)))
        .bind(10, record.finished ? 1 : 0)
        .bind(11, tooFast ? 1 : 0);
    if (record.fastestAnswerMs >= 0)
        ins.bind(12, record.fastestAnswerMs);
    else
        ins.bindNull(12);
    ins.bind(13, counted ? 1 : 0).bind(14, std::string_view(leaderboardStatusName(outcome.status)));
    if (!ins.run()) return failNull("cannot store the quiz result");
    outcome.id = sqlite3_last_insert_rowid(m_db);
    if (!tx.commit()) return failNull("cannot store the quiz result");

    if (counted) {
        LeaderboardQuery board;
        board.range = today;
        board.packId = record.packId;
        board.bank = record.bank;
        board.ageBand = record.ageBand;
        board.mode = record.mode;
        const auto rank = rankOf(outcome.id, board);
        if (!rank) return std::nullopt;
        outcome.rank = *rank;
    }
    return outcome;
}

std::optional<std::vector<LeaderboardEntry>> StatsStore::topResults(const LeaderboardQuery& query) {
    if (!m_db) return failNull("the stats database is not open");
    const std::string sql = std::string("SELECT id, timestamp, nickname, score, correct, total "
                                        "FROM quiz_results WHERE ") +
                            kBoardFilter + " ORDER BY score DESC, timestamp ASC, id ASC LIMIT ?7";
    Statement s(m_db, sql.c_str());
    bindBoard(s, query);
    s.bind(7, std::max(0, query.limit));
    std::vector<LeaderboardEntry> out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        out.push_back({static_cast<int>(out.size()) + 1, s.int64(0), s.int64(1), s.text(2),
                       s.integer(3), s.integer(4), s.integer(5)});
    }
    if (rc != SQLITE_DONE) return failNull("cannot read the leaderboard");
    return out;
}

std::optional<int> StatsStore::rankOf(std::int64_t resultId, const LeaderboardQuery& query) {
    if (!m_db) return failNull("the stats database is not open");
    const std::string own =
        std::string("SELECT score, timestamp FROM quiz_results WHERE id = ?7 AND ") + kBoardFilter;
    Statement s(m_db, own.c_str());
    bindBoard(s, query);
    s.bind(7, resultId);
    const int rc = s.step();
    if (rc == SQLITE_DONE) return 0;
    if (rc != SQLITE_ROW) return failNull("cannot read the leaderboard");
    const int score = s.integer(0);
    const std::int64_t timestamp = s.int64(1);

    const std::string ahead =
        std::string("SELECT count(*) FROM quiz_results WHERE ") + kBoardFilter +
        " AND (score > ?7 OR (score = ?7 AND (timestamp < ?8 OR (timestamp = ?8 AND id < ?9))))";
    Statement c(m_db, ahead.c_str());
    bindBoard(c, query);
    c.bind(7, score).bind(8, timestamp).bind(9, resultId);
    if (c.step() != SQLITE_ROW) return failNull("cannot read the leaderboard");
    return c.integer(0) + 1;
}

std::optional<int> StatsStore::countQuizResults(TimeRange range) {
    if (!m_db) return failNull("the stats database is not open");
    Statement s(m_db, "SELECT count(*) FROM quiz_results WHERE timestamp >= ?1 AND timestamp < ?2");
    if (s.bind(1, range.begin).bind(2, range.end).step() != SQLITE_ROW)
        return failNull("cannot count quiz results");
    return s.integer(0);
}

// ---- question usage ----------------------------------------------------------------------------

std::optional<UsageHistory> StatsStore::questionUsage() {
    if (!m_db) return failNull("the stats database is not open");
    Statement s(m_db, "SELECT question_id, last_used, times_used FROM question_usage");
    UsageHistory out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out[s.text(0)] = {s.int64(1), s.integer(2)};
    if (rc != SQLITE_DONE) return failNull("cannot read question usage");
    return out;
}

bool StatsStore::recordQuestionUsage(const std::vector<std::string>& questionIds,
                                     std::int64_t now) {
    if (!m_db) return fail("the stats database is not open");
    Transaction tx(m_db);
    if (!tx.ok()) return fail("cannot start a transaction");
    for (const auto& id : questionIds) {
        Statement s(m_db, "INSERT INTO question_usage (question_id, last_used, times_used) "
                          "VALUES (?1, ?2, 1) ON CONFLICT (question_id) DO UPDATE SET "
                          "last_used = max(last_used, excluded.last_used), "
                          "times_used = times_used + 1");
        if (!s.bind(1, std::string_view(id)).bind(2, now).run())
            return fail("cannot record question usage");
    }
    if (!tx.commit()) return fail("cannot record question usage");
    return true;
}

// ---- team sessions -----------------------------------------------------------------------------

std::optional<std::int64_t> StatsStore::recordTeamSession(const TeamSessionRecord& record) {
    if (!m_db) return failNull("the stats database is not open");
    Transaction tx(m_db);
    if (!tx.ok()) return failNull("cannot start a transaction");
    Statement s(m_db, "INSERT INTO team_sessions (started_at, finished_at, pack_id, bank, "
                      "age_band, mode, questions_per_team, team_count, finished) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    s.bind(1, record.startedAt)
        .bind(2, record.finishedAt)
        .bind(3, std::string_view(record.packId))
        .bind(4, std::string_view(record.bank))
        .bind(5, std::string_view(record.ageBand))
        .bind(6, std::string_view(scoringModeName(record.mode)))
        .bind(7, record.questionsPerTeam)
        .bind(8, static_cast<int>(record.teams.size()))
        .bind(9, record.finished ? 1 : 0);
    if (!s.run()) return failNull("cannot store the team session");
    const std::int64_t id = sqlite3_last_insert_rowid(m_db);
    for (const auto& t : record.teams) {
        Statement r(m_db, "INSERT INTO team_results (session_id, team_index, team_preset, "
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
        if (!r.run()) return failNull("cannot store a team result");
    }
    if (!tx.commit()) return failNull("cannot store the team session");
    return id;
}

std::optional<std::vector<TeamSessionRecord>> StatsStore::teamSessions(std::int64_t since) {
    if (!m_db) return failNull("the stats database is not open");
    Statement s(m_db, "SELECT id, started_at, finished_at, pack_id, bank, age_band, mode, "
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
        parseScoringMode(s.text(6), r.mode);
        r.questionsPerTeam = s.integer(7);
        r.finished = s.integer(8) != 0;
        out.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE) return failNull("cannot read team sessions");
    for (auto& r : out) {
        Statement t(m_db, "SELECT team_index, team_preset, name_zh, name_en, colour, score, "
                          "correct, answered, total, rank FROM team_results WHERE session_id = ?1 "
                          "ORDER BY rank, team_index");
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
        if (rc != SQLITE_DONE) return failNull("cannot read team results");
    }
    return out;
}

// ---- interaction events ------------------------------------------------------------------------

bool StatsStore::recordEvent(const StatsEvent& event) {
    if (!m_db) return fail("the stats database is not open");
    Statement s(m_db, "INSERT INTO events (timestamp, kind, pack_id, subject_id, value) "
                      "VALUES (?1, ?2, ?3, ?4, ?5)");
    s.bind(1, event.timestamp)
        .bind(2, std::string_view(event.kind))
        .bind(3, std::string_view(event.packId))
        .bind(4, std::string_view(event.subjectId));
    if (event.value)
        s.bind(5, *event.value);
    else
        s.bindNull(5);
    if (!s.run()) return fail("cannot store the event");
    return true;
}

std::optional<std::int64_t> StatsStore::countEvents(std::string_view kind, TimeRange range) {
    if (!m_db) return failNull("the stats database is not open");
    Statement s(m_db, "SELECT count(*) FROM events WHERE kind = ?1 AND timestamp >= ?2 AND "
                      "timestamp < ?3");
    if (s.bind(1, kind).bind(2, range.begin).bind(3, range.end).step() != SQLITE_ROW)
        return failNull("cannot count events");
    return s.int64(0);
}

// ---- CSV export --------------------------------------------------------------------------------

std::optional<std::string> exportTeamResultsCsv(StatsStore& store, std::int64_t since,
                                                int utcOffsetSeconds) {
    const auto sessions = store.teamSessions(since);
    if (!sessions) return std::nullopt;
    std::string out = "\xEF\xBB\xBF"; // UTF-8 byte-order mark for Excel
    out += "session,started,ended,completed,pack,bank,age_band,mode,questions_per_team,rank,"
           "team,team_zh,team_en,colour,score,correct,answered,total\r\n";
    for (const auto& s : *sessions) {
        for (const auto& t : s.teams) {
            const std::vector<std::string> fields = {
                std::to_string(s.id),
                formatLocalTime(s.startedAt, utcOffsetSeconds),
                formatLocalTime(s.finishedAt, utcOffsetSeconds),
                s.finished ? "yes" : "no",
                s.packId,
                s.bank,
                s.ageBand,
                scoringModeName(s.mode),
                std::to_string(s.questionsPerTeam),
                std::to_string(t.rank),
                t.presetId,
                t.name.zh,
                t.name.en,
                colourHex(t.colour),
                std::to_string(t.score),
                std::to_string(t.correct),
                std::to_string(t.answered),
                std::to_string(t.total),
            };
            for (std::size_t i = 0; i < fields.size(); ++i) {
                if (i) out += ',';
                out += csvField(fields[i]);
            }
            out += "\r\n";
        }
    }
    return out;
}

} // namespace lantai::core
