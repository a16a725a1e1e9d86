// core/stats: solo quiz results and today's leaderboards, with the anti-abuse rules of a public
// booth
#pragma once

#include "core/quiz/answer_timing.h"
#include "core/stats/calendar.h"
#include "core/stats/sqlite.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lantai::core {

// Anti-abuse at a public booth. A result is always stored; these decide whether it counts
// for the leaderboard.
struct LeaderboardRules {
    int cooldownMinutes = 10; // a nickname takes no new leaderboard slot within this; 0 = off
    int dailyCap = 5;         // leaderboard entries per nickname per local day; 0 = no cap
    int minAnswerMs = kDefaultMinAnswerMs; // a result with a faster answer is not counted
    // The nicknames a visitor can choose (the quiz's preset nickname ids). Any other nickname
    // is stored as "", so free text never reaches the database; empty: nobody is ranked.
    std::vector<std::string> nicknames;

    bool operator==(const LeaderboardRules&) const = default;
};

enum class LeaderboardStatus {
    Counted,
    NoNickname, // no nickname, or not one of LeaderboardRules::nicknames (stored as "")
    Unfinished, // the quiz was abandoned
    TooFast,    // an answer faster than humanly possible
    Cooldown,   // the same nickname took a slot less than cooldownMinutes ago
    DailyCap,   // the nickname has dailyCap entries today already
};
const char* leaderboardStatusName(LeaderboardStatus status); // "counted", "no_nickname", …

// A finished (or abandoned) solo quiz, as the caller maps it from its quiz session.
struct QuizResultRecord {
    std::int64_t timestamp = 0; // unix seconds
    std::string packId;
    std::string bank;     // bank id, "" when the quiz mixed banks
    std::string ageBand;  // "primary" | "secondary" | "adult", "" when not chosen
    std::string nickname; // preset nickname id; "" = anonymous
    int score = 0;
    int correct = 0;
    int total = 0;
    std::string mode; // scoring mode: "accuracy" | "speed"
    bool finished = true;
    bool tooFast = false;     // the quiz flagged an answer as too fast
    int fastestAnswerMs = -1; // -1 unknown; checked against LeaderboardRules::minAnswerMs too
};

struct RecordOutcome {
    std::int64_t id = 0;
    LeaderboardStatus status = LeaderboardStatus::Counted;
    // Today's rank on its leaderboard (same pack, bank, mode, age band); 0 if not counted.
    int rank = 0;
    // The result is stored, but reading its rank afterwards failed (rank is 0).
    bool rankUnknown = false;
};

// Which leaderboard. Empty strings mean "any".
struct LeaderboardQuery {
    TimeRange range; // e.g. localDayRange(now, offset)
    std::string packId;
    std::string bank;
    std::string ageBand;
    std::string mode; // "accuracy" | "speed" | "" (any)
    int limit = 10;
};

// Ordered by score (high first), then time (who got there first), then id: ranks are unique.
struct LeaderboardEntry {
    int rank = 0;
    std::int64_t resultId = 0;
    std::int64_t timestamp = 0;
    std::string nickname; // preset nickname id
    int score = 0;
    int correct = 0;
    int total = 0;
};

// Stores the result, decides under `rules` whether it counts on today's board (`today` is the
// local day of record.timestamp) and, if it does, reports its rank there. An error means the
// result is not stored (one transaction); once stored, a failure to read the rank is
// RecordOutcome::rankUnknown, so a caller that retries failed writes never stores one twice.
Result<RecordOutcome> recordQuizResult(SqliteConnection& db, const QuizResultRecord& record,
                                       TimeRange today, const LeaderboardRules& rules);
Result<std::vector<LeaderboardEntry>> topResults(SqliteConnection& db,
                                                 const LeaderboardQuery& query);
// 1-based rank of a result on the board `query` describes (limit ignored); 0 when it is not
// on it (not counted, another day, another board).
Result<int> rankOf(SqliteConnection& db, std::int64_t resultId, const LeaderboardQuery& query);
Result<int> countQuizResults(SqliteConnection& db, TimeRange range);

} // namespace lantai::core
