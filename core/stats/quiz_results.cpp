// core/stats: solo quiz results and today's leaderboards, with the anti-abuse rules of a public
// booth
#include "core/stats/quiz_results.h"

#include <algorithm>
#include <sqlite3.h>
#include <string_view>

namespace lantai::core {

namespace {

constexpr StatsAction kStore{"store the quiz result", "保存答题成绩"};
constexpr StatsAction kReadBoard{"read the leaderboard", "读取排行榜"};
constexpr StatsAction kCount{"count quiz results", "统计答题成绩"};

// The board filter shared by topResults() and rankOf(): parameters ?1 … ?6.
constexpr const char* kBoardFilter =
    "counted_for_leaderboard = 1 AND timestamp >= ?1 AND timestamp < ?2"
    " AND (?3 = '' OR pack_id = ?3) AND (?4 = '' OR bank = ?4)"
    " AND (?5 = '' OR age_band = ?5) AND (?6 = '' OR mode = ?6)";

void bindBoard(SqliteStatement& s, const LeaderboardQuery& q) {
    s.bind(1, q.range.begin)
        .bind(2, q.range.end)
        .bind(3, std::string_view(q.packId))
        .bind(4, std::string_view(q.bank))
        .bind(5, std::string_view(q.ageBand))
        .bind(6, std::string_view(q.mode));
}

// Results of `nickname` counted on a board in [from, to).
Result<int> countCounted(SqliteConnection& db, const std::string& nickname, std::int64_t from,
                         std::int64_t to) {
    SqliteStatement s(db, "SELECT count(*) FROM quiz_results WHERE nickname = ?1 AND "
                          "counted_for_leaderboard = 1 AND timestamp >= ?2 AND timestamp < ?3");
    if (s.bind(1, std::string_view(nickname)).bind(2, from).bind(3, to).step() != SQLITE_ROW)
        return db.failure(kStore);
    return s.integer(0);
}

} // namespace

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

Result<RecordOutcome> recordQuizResult(SqliteConnection& db, const QuizResultRecord& record,
                                       TimeRange today, const LeaderboardRules& rules) {
    SqliteTransaction tx(db);
    if (auto begun = tx.begun(kStore); !begun) return std::move(begun).error();

    const bool known = std::find(rules.nicknames.begin(), rules.nicknames.end(), record.nickname) !=
                       rules.nicknames.end();
    const std::string nickname = known ? record.nickname : "";
    const bool tooFast = record.tooFast || (record.fastestAnswerMs >= 0 &&
                                            record.fastestAnswerMs < rules.minAnswerMs);

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
            const auto recent =
                countCounted(db, nickname, record.timestamp - window + 1, record.timestamp + 1);
            if (!recent) return recent.error();
            if (*recent > 0) outcome.status = LeaderboardStatus::Cooldown;
        }
        if (outcome.status == LeaderboardStatus::Counted && rules.dailyCap > 0) {
            const auto todays = countCounted(db, nickname, today.begin, today.end);
            if (!todays) return todays.error();
            if (*todays >= rules.dailyCap) outcome.status = LeaderboardStatus::DailyCap;
        }
    }
    const bool counted = outcome.status == LeaderboardStatus::Counted;

    SqliteStatement ins(db,
                        "INSERT INTO quiz_results (timestamp, pack_id, bank, age_band, nickname, "
                        "score, correct, total, mode, finished, too_fast, fastest_answer_ms, "
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
        .bind(9, std::string_view(record.mode))
        .bind(10, record.finished ? 1 : 0)
        .bind(11, tooFast ? 1 : 0);
    if (record.fastestAnswerMs >= 0)
        ins.bind(12, record.fastestAnswerMs);
    else
        ins.bindNull(12);
    ins.bind(13, counted ? 1 : 0).bind(14, std::string_view(leaderboardStatusName(outcome.status)));
    if (!ins.run()) return db.failure(kStore);
    outcome.id = db.lastInsertId();
    if (auto committed = tx.commit(kStore); !committed) return std::move(committed).error();

    if (counted) {
        LeaderboardQuery board;
        board.range = today;
        board.packId = record.packId;
        board.bank = record.bank;
        board.ageBand = record.ageBand;
        board.mode = record.mode;
        const auto rank = rankOf(db, outcome.id, board);
        if (rank)
            outcome.rank = *rank;
        else
            outcome.rankUnknown = true;
    }
    return outcome;
}

Result<std::vector<LeaderboardEntry>> topResults(SqliteConnection& db,
                                                 const LeaderboardQuery& query) {
    if (auto open = db.requireOpen(kReadBoard); !open) return std::move(open).error();
    const std::string sql = std::string("SELECT id, timestamp, nickname, score, correct, total "
                                        "FROM quiz_results WHERE ") +
                            kBoardFilter + " ORDER BY score DESC, timestamp ASC, id ASC LIMIT ?7";
    SqliteStatement s(db, sql.c_str());
    bindBoard(s, query);
    s.bind(7, std::max(0, query.limit));
    std::vector<LeaderboardEntry> out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        out.push_back({static_cast<int>(out.size()) + 1, s.int64(0), s.int64(1), s.text(2),
                       s.integer(3), s.integer(4), s.integer(5)});
    }
    if (rc != SQLITE_DONE) return db.failure(kReadBoard);
    return out;
}

Result<int> rankOf(SqliteConnection& db, std::int64_t resultId, const LeaderboardQuery& query) {
    if (auto open = db.requireOpen(kReadBoard); !open) return std::move(open).error();
    const std::string own =
        std::string("SELECT score, timestamp FROM quiz_results WHERE id = ?7 AND ") + kBoardFilter;
    SqliteStatement s(db, own.c_str());
    bindBoard(s, query);
    s.bind(7, resultId);
    const int rc = s.step();
    if (rc == SQLITE_DONE) return 0;
    if (rc != SQLITE_ROW) return db.failure(kReadBoard);
    const int score = s.integer(0);
    const std::int64_t timestamp = s.int64(1);

    const std::string ahead =
        std::string("SELECT count(*) FROM quiz_results WHERE ") + kBoardFilter +
        " AND (score > ?7 OR (score = ?7 AND (timestamp < ?8 OR (timestamp = ?8 AND id < ?9))))";
    SqliteStatement c(db, ahead.c_str());
    bindBoard(c, query);
    c.bind(7, score).bind(8, timestamp).bind(9, resultId);
    if (c.step() != SQLITE_ROW) return db.failure(kReadBoard);
    return c.integer(0) + 1;
}

Result<int> countQuizResults(SqliteConnection& db, TimeRange range) {
    if (auto open = db.requireOpen(kCount); !open) return std::move(open).error();
    SqliteStatement s(db,
                      "SELECT count(*) FROM quiz_results WHERE timestamp >= ?1 AND timestamp < ?2");
    if (s.bind(1, range.begin).bind(2, range.end).step() != SQLITE_ROW) return db.failure(kCount);
    return s.integer(0);
}

} // namespace lantai::core
