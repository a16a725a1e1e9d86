// tests: what the stats tests share — a fresh state directory per test, a sample quiz result,
// today's board and the nicknames the store may rank
#pragma once

#include "core/base/log.h"
#include "core/stats/stats_store.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace lantai::stats_test {

using namespace lantai::core;
namespace fs = std::filesystem;

inline constexpr int kChina = 8 * 3600;
// 2024-06-09 00:00:00 in UTC+8.
inline constexpr std::int64_t kDay = 1717862400;
inline constexpr std::int64_t kNoon = kDay + 12 * 3600;

// The nicknames these tests use (all preset nickname ids of the quiz).
inline const std::vector<std::string> kNicknames = {
    "quiz-star", "curious-cat", "clever-owl", "inky-panda", "moon-rabbit", "lucky-koi", "red-kite"};

inline LeaderboardRules rankingRules(int cooldownMinutes, int dailyCap, int minAnswerMs) {
    return {cooldownMinutes, dailyCap, minAnswerMs, kNicknames};
}
// The default limits (cooldown 10 min, cap 5, 300 ms), ranking kNicknames.
inline const LeaderboardRules kRules = rankingRules(10, 5, 300);
inline const LeaderboardRules kNoLimits = rankingRules(0, 0, 300);

// The English sentence of a failed Result ("" when it succeeded), for assertion messages.
template <class T> std::string errorOf(const Result<T>& result) {
    return result ? std::string() : result.error().code + ": " + result.error().message;
}

class StatsStoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_dir = fs::temp_directory_path() /
                ("lantai-stats-" + std::to_string(::getpid()) + "-" + info->name());
        fs::remove_all(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    fs::path file() const { return StatsStore::databasePath(m_dir); }
    StatsStore openStore() {
        StatsStore s;
        const Status opened = s.open(file(), kNoon);
        EXPECT_TRUE(opened) << errorOf(opened);
        return s;
    }

    fs::path m_dir;
};

// A StatsStoreTest whose log goes to <folder>/kiosk.log (info level), for tests that assert on
// what the writers log.
class LoggingStatsTest : public StatsStoreTest {
  protected:
    void SetUp() override {
        StatsStoreTest::SetUp();
        fs::create_directories(m_dir);
        setLogToStderr(false);
        setLogLevel(LogLevel::Info);
        ASSERT_TRUE(openLog(m_dir / "kiosk.log", 1 << 20, 1));
    }
    void TearDown() override {
        (void)openLog({}, 1 << 20, 1); // back to stderr only, before the folder goes
        setLogToStderr(true);
        StatsStoreTest::TearDown();
    }
    std::string log() const;
};

inline QuizResultRecord result(std::string nickname, int score, std::int64_t timestamp) {
    QuizResultRecord r;
    r.timestamp = timestamp;
    r.packId = "demo";
    r.bank = "basics";
    r.ageBand = "adult";
    r.nickname = std::move(nickname);
    r.score = score;
    r.correct = score / 1000;
    r.total = 5;
    r.mode = "accuracy";
    r.fastestAnswerMs = 1200;
    return r;
}

inline LeaderboardQuery today(std::int64_t now = kNoon) {
    LeaderboardQuery q;
    q.range = localDayRange(now, kChina);
    q.packId = "demo";
    return q;
}

// A finished class contest of one question per team: red answered right, blue wrong — the
// record the kiosk maps from such a session (tests/unit/kiosk/kiosk_quiz_stats_records_test.cpp).
inline TeamSessionRecord redBeatsBlue() {
    TeamSessionRecord r;
    r.startedAt = kNoon;
    r.finishedAt = kNoon + 600;
    r.packId = "demo";
    r.bank = "basics";
    r.ageBand = "adult";
    r.mode = "accuracy";
    r.questionsPerTeam = 1;
    r.finished = true;
    r.teams = {{1, "red", {"红队", "Red team"}, 0xD7263D, 1000, 1, 1, 1, 1},
               {0, "blue", {"蓝队", "Blue team"}, 0x1B6CA8, 0, 0, 1, 1, 2}};
    return r;
}

inline void writeFile(const fs::path& p, const std::string& data) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << data;
}

// Runs `sql` on the database file through a connection of its own (a test editing the file
// behind the store's back).
inline void runSql(const fs::path& database, const char* sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(database.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
}

inline std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

inline std::string LoggingStatsTest::log() const {
    return readAll(m_dir / "kiosk.log");
}

} // namespace lantai::stats_test
