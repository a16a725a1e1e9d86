// tests: stats store — schema, WAL, migration, leaderboards, anti-abuse, recovery, CSV export
#include "core/stats/stats_store.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <set>
#include <sqlite3.h>
#include <string>
#include <unistd.h>

using namespace lantai::core;
namespace fs = std::filesystem;

namespace {

constexpr int kChina = 8 * 3600;
// 2024-06-09 00:00:00 in UTC+8.
constexpr std::int64_t kDay = 1717862400;
constexpr std::int64_t kNoon = kDay + 12 * 3600;

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
        EXPECT_TRUE(s.open(file(), kNoon)) << s.lastError();
        return s;
    }

    fs::path m_dir;
};

QuizResultRecord result(std::string nickname, int score, std::int64_t timestamp) {
    QuizResultRecord r;
    r.timestamp = timestamp;
    r.packId = "demo";
    r.bank = "basics";
    r.ageBand = "adult";
    r.nickname = std::move(nickname);
    r.score = score;
    r.correct = score / 1000;
    r.total = 5;
    r.fastestAnswerMs = 1200;
    return r;
}

LeaderboardQuery today(std::int64_t now = kNoon) {
    LeaderboardQuery q;
    q.range = localDayRange(now, kChina);
    q.packId = "demo";
    return q;
}

const LeaderboardRules kNoLimits{0, 0, 300};

void writeFile(const fs::path& p, const std::string& data) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << data;
}

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

} // namespace

// ---- time helpers ------------------------------------------------------------------------------

TEST(StatsTime, LocalDaysAndDates) {
    const TimeRange r = localDayRange(kNoon, kChina);
    EXPECT_EQ(r.begin, kDay);
    EXPECT_EQ(r.end, kDay + 86400);
    EXPECT_EQ(localDayRange(kDay - 1, kChina).begin, kDay - 86400);
    EXPECT_EQ(localDayRange(kDay, kChina).begin, kDay);
    EXPECT_EQ(localDayRange(-1, 0).begin, -86400); // before 1970 floors correctly
    EXPECT_EQ(parseLocalDate("2024-06-09", kChina), kDay);
    EXPECT_EQ(parseLocalDate("2024-02-29", 0), 1709164800);
    EXPECT_FALSE(parseLocalDate("2023-02-29", 0));
    EXPECT_FALSE(parseLocalDate("2024-13-01", 0));
    EXPECT_FALSE(parseLocalDate("2024-6-9", 0));
    EXPECT_FALSE(parseLocalDate("2024-06-0x", 0));
    EXPECT_EQ(formatLocalTime(kNoon + 61, kChina), "2024-06-09 12:01:01");
    EXPECT_EQ(formatLocalTime(kDay, 0), "2024-06-08 16:00:00");
}

// ---- schema ------------------------------------------------------------------------------------

TEST_F(StatsStoreTest, CreatesSchemaInWalMode) {
    StatsStore s = openStore();
    EXPECT_TRUE(fs::exists(file()));
    EXPECT_EQ(s.schemaVersion(), 1);
    EXPECT_EQ(s.journalMode(), "wal");
    EXPECT_FALSE(s.movedAside().has_value());
    EXPECT_EQ(s.countQuizResults({0, kDay * 2}), 0);
    EXPECT_EQ(s.countEvents("item_view", {0, kDay * 2}), 0);
}

TEST_F(StatsStoreTest, ReopenKeepsData) {
    {
        StatsStore s = openStore();
        ASSERT_TRUE(s.recordQuizResult(result("quiz-star", 3000, kNoon), today().range));
        ASSERT_TRUE(s.recordEvent({kNoon, "item_view", "demo", "letter-01", std::nullopt}));
        ASSERT_TRUE(s.recordQuestionUsage({"q1", "q2"}, kNoon));
    }
    StatsStore s = openStore();
    EXPECT_EQ(s.countQuizResults(today().range), 1);
    EXPECT_EQ(s.countEvents("item_view", today().range), 1);
    EXPECT_EQ(s.questionUsage()->size(), 2u);
    EXPECT_EQ(s.topResults(today())->at(0).nickname, "quiz-star");

    // Moving the store keeps it usable.
    StatsStore moved = std::move(s);
    EXPECT_FALSE(s.isOpen());
    EXPECT_EQ(moved.countQuizResults(today().range), 1);
}

TEST_F(StatsStoreTest, MigratesAnEmptyFile) {
    fs::create_directories(m_dir);
    writeFile(file(), "");
    StatsStore s = openStore();
    EXPECT_EQ(s.schemaVersion(), StatsStore::kSchemaVersion);
    EXPECT_FALSE(s.movedAside().has_value());
}

TEST_F(StatsStoreTest, RefusesANewerSchemaWithoutTouchingIt) {
    { StatsStore s = openStore(); }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file().c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "UPDATE schema_version SET version = 99", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    StatsStore s;
    EXPECT_FALSE(s.open(file(), kNoon));
    EXPECT_NE(s.lastError().find("newer"), std::string::npos) << s.lastError();
    EXPECT_FALSE(s.isOpen());
    EXPECT_TRUE(fs::exists(file()));
    EXPECT_FALSE(s.movedAside().has_value());
}

TEST_F(StatsStoreTest, ReadOnlyOpenNeedsAnExistingDatabase) {
    StatsStore ro;
    EXPECT_FALSE(ro.open(file(), kNoon, {true}));
    EXPECT_FALSE(fs::exists(file()));
    {
        StatsStore s = openStore();
        s.recordQuizResult(result("quiz-star", 1000, kNoon), today().range);
    }
    ASSERT_TRUE(ro.open(file(), kNoon, {true})) << ro.lastError();
    EXPECT_EQ(ro.countQuizResults(today().range), 1);
    EXPECT_FALSE(ro.recordEvent({kNoon, "screen", "demo", "home", 1.0}));
    EXPECT_FALSE(ro.lastError().empty());
}

TEST_F(StatsStoreTest, NotOpenIsAnErrorValue) {
    StatsStore s;
    EXPECT_FALSE(s.topResults(today()).has_value());
    EXPECT_FALSE(s.recordEvent({}));
    EXPECT_NE(s.lastError().find("not open"), std::string::npos);
}

// ---- corrupt files -----------------------------------------------------------------------------

TEST_F(StatsStoreTest, GarbageFileIsMovedAsideAndReplaced) {
    fs::create_directories(m_dir);
    const std::string garbage(8192, 'x');
    writeFile(file(), garbage);
    writeFile(file().string() + "-wal", "not a wal either");
    StatsStore s;
    ASSERT_TRUE(s.open(file(), kNoon)) << s.lastError();
    ASSERT_TRUE(s.movedAside().has_value());
    EXPECT_EQ(s.movedAside()->filename().string(), "lantai.sqlite.corrupt-20240609T040000Z");
    EXPECT_EQ(readAll(*s.movedAside()), garbage);
    // (SQLite itself drops a -wal that is not a valid log when the bad file is closed.)
    EXPECT_NE(readAll(file().string() + "-wal"), "not a wal either");
    EXPECT_EQ(s.schemaVersion(), 1);
    EXPECT_EQ(s.journalMode(), "wal");
    EXPECT_TRUE(s.recordQuizResult(result("quiz-star", 1000, kNoon), today().range));

    // A second recovery in the same second does not overwrite the first.
    s.close();
    writeFile(file(), garbage);
    fs::remove(file().string() + "-wal");
    StatsStore again;
    ASSERT_TRUE(again.open(file(), kNoon)) << again.lastError();
    EXPECT_EQ(again.movedAside()->filename().string(), "lantai.sqlite.corrupt-20240609T040000Z-2");
}

TEST_F(StatsStoreTest, DamagedPagesAreMovedAside) {
    {
        StatsStore s = openStore();
        for (int i = 0; i < 400; ++i)
            s.recordEvent({kNoon + i, "item_view", "demo", "item-" + std::to_string(i), i * 1.5});
    }
    // Keep the header page, scribble over the rest.
    std::string bytes = readAll(file());
    ASSERT_GT(bytes.size(), 8192u);
    for (std::size_t i = 4096; i < bytes.size(); ++i)
        bytes[i] = static_cast<char>(i * 7 + 3);
    writeFile(file(), bytes);
    StatsStore s;
    ASSERT_TRUE(s.open(file(), kNoon)) << s.lastError();
    EXPECT_TRUE(s.movedAside().has_value());
    EXPECT_EQ(s.countEvents("item_view", {0, kDay * 2}), 0);
}

// ---- leaderboards ------------------------------------------------------------------------------

TEST_F(StatsStoreTest, LeaderboardOrderAndTodayBoundaries) {
    StatsStore s = openStore();
    const TimeRange day = today().range;
    std::vector<std::int64_t> ids;
    auto add = [&](const char* nick, int score, std::int64_t t) {
        auto o = s.recordQuizResult(result(nick, score, t), localDayRange(t, kChina), kNoLimits);
        EXPECT_TRUE(o) << s.lastError();
        ids.push_back(o ? o->id : 0);
        return o;
    };
    add("curious-cat", 500, kNoon);
    auto second = add("quiz-star", 900, kNoon + 10);
    add("clever-owl", 900, kNoon + 20); // same score, later: ranked after quiz-star
    add("inky-panda", 700, kNoon + 30);
    add("moon-rabbit", 9000, kDay - 1); // 23:59:59 yesterday (local)
    add("lucky-koi", 600, kDay);        // 00:00:00 today
    add("red-kite", 800, kDay + 86400); // tomorrow
    auto anon = add("", 5000, kNoon);   // anonymous: stored, never on the board
    EXPECT_EQ(anon->status, LeaderboardStatus::NoNickname);
    EXPECT_EQ(anon->rank, 0);
    EXPECT_EQ(second->rank, 1);

    const auto top = s.topResults(today());
    ASSERT_TRUE(top);
    std::vector<std::string> names;
    for (const auto& e : *top)
        names.push_back(e.nickname);
    EXPECT_EQ(names, (std::vector<std::string>{"quiz-star", "clever-owl", "inky-panda", "lucky-koi",
                                               "curious-cat"}));
    EXPECT_EQ(top->at(0).rank, 1);
    EXPECT_EQ(top->at(4).rank, 5);
    EXPECT_EQ(top->at(0).score, 900);
    EXPECT_EQ(top->at(0).total, 5);

    LeaderboardQuery q = today();
    q.limit = 2;
    EXPECT_EQ(s.topResults(q)->size(), 2u);
    EXPECT_EQ(s.rankOf(ids[0], today()), 5);
    EXPECT_EQ(s.rankOf(ids[2], today()), 2);
    EXPECT_EQ(s.rankOf(ids[4], today()), 0); // yesterday
    EXPECT_EQ(s.rankOf(ids[7], today()), 0); // anonymous
    EXPECT_EQ(s.countQuizResults(day), 6);

    // Other boards.
    q = today();
    q.packId = "other";
    EXPECT_TRUE(s.topResults(q)->empty());
    q = today();
    q.mode = ScoringMode::Speed;
    EXPECT_TRUE(s.topResults(q)->empty());
    q.mode = ScoringMode::Accuracy;
    q.ageBand = "adult";
    q.bank = "basics";
    EXPECT_EQ(s.topResults(q)->size(), 5u);
}

TEST_F(StatsStoreTest, RankIsReportedWhenRecording) {
    StatsStore s = openStore();
    const TimeRange day = today().range;
    EXPECT_EQ(s.recordQuizResult(result("quiz-star", 3000, kNoon), day, kNoLimits)->rank, 1);
    EXPECT_EQ(s.recordQuizResult(result("clever-owl", 4000, kNoon + 5), day, kNoLimits)->rank, 1);
    EXPECT_EQ(s.recordQuizResult(result("inky-panda", 3500, kNoon + 9), day, kNoLimits)->rank, 2);
    auto speed = result("red-kite", 100, kNoon + 9);
    speed.mode = ScoringMode::Speed; // its own board
    EXPECT_EQ(s.recordQuizResult(speed, day, kNoLimits)->rank, 1);
}

TEST_F(StatsStoreTest, CooldownPerNickname) {
    StatsStore s = openStore();
    const LeaderboardRules rules{10, 0, 300};
    const TimeRange day = today().range;
    auto o = s.recordQuizResult(result("quiz-star", 1000, kNoon), day, rules);
    EXPECT_EQ(o->status, LeaderboardStatus::Counted);
    o = s.recordQuizResult(result("quiz-star", 5000, kNoon + 5 * 60), day, rules);
    EXPECT_EQ(o->status, LeaderboardStatus::Cooldown);
    EXPECT_EQ(o->rank, 0);
    // Another nickname is not affected.
    EXPECT_EQ(s.recordQuizResult(result("clever-owl", 1000, kNoon + 5 * 60), day, rules)->status,
              LeaderboardStatus::Counted);
    // The cooldown runs from the last counted entry, not from the refused one.
    o = s.recordQuizResult(result("quiz-star", 2000, kNoon + 10 * 60), day, rules);
    EXPECT_EQ(o->status, LeaderboardStatus::Counted);
    EXPECT_EQ(s.topResults(today())->at(0).score, 2000);
    EXPECT_EQ(s.countQuizResults(day), 4); // every result is stored
}

TEST_F(StatsStoreTest, DailyCapPerNickname) {
    StatsStore s = openStore();
    const LeaderboardRules rules{0, 5, 300};
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(s.recordQuizResult(result("quiz-star", 1000 + i, kNoon + i), today().range, rules)
                      ->status,
                  LeaderboardStatus::Counted);
    EXPECT_EQ(
        s.recordQuizResult(result("quiz-star", 9999, kNoon + 9), today().range, rules)->status,
        LeaderboardStatus::DailyCap);
    // The next local day starts afresh.
    const std::int64_t tomorrow = kNoon + 86400;
    EXPECT_EQ(s.recordQuizResult(result("quiz-star", 10, tomorrow), localDayRange(tomorrow, kChina),
                                 rules)
                  ->status,
              LeaderboardStatus::Counted);
    // Defaults: cooldown 10 min and cap 5.
    const LeaderboardRules defaults;
    EXPECT_EQ(defaults.cooldownMinutes, 10);
    EXPECT_EQ(defaults.dailyCap, 5);
    EXPECT_EQ(defaults.minAnswerMs, 300);
}

TEST_F(StatsStoreTest, TooFastUnfinishedAndUnknownNicknamesAreNotCounted) {
    StatsStore s = openStore();
    const TimeRange day = today().range;
    auto fast = result("quiz-star", 5000, kNoon);
    fast.fastestAnswerMs = 250;
    EXPECT_EQ(s.recordQuizResult(fast, day, kNoLimits)->status, LeaderboardStatus::TooFast);
    auto flagged = result("quiz-star", 5000, kNoon + 1);
    flagged.tooFast = true;
    EXPECT_EQ(s.recordQuizResult(flagged, day, kNoLimits)->status, LeaderboardStatus::TooFast);
    auto human = result("quiz-star", 100, kNoon + 2);
    human.fastestAnswerMs = 300;
    EXPECT_EQ(s.recordQuizResult(human, day, kNoLimits)->status, LeaderboardStatus::Counted);
    auto unfinished = result("clever-owl", 4000, kNoon + 3);
    unfinished.finished = false;
    EXPECT_EQ(s.recordQuizResult(unfinished, day, kNoLimits)->status,
              LeaderboardStatus::Unfinished);
    // Free text never reaches the database: an unknown nickname is stored as "".
    EXPECT_EQ(s.recordQuizResult(result("Zhang San 13800000000", 9000, kNoon + 4), day, kNoLimits)
                  ->status,
              LeaderboardStatus::NoNickname);
    const auto top = s.topResults(today());
    ASSERT_EQ(top->size(), 1u);
    EXPECT_EQ(top->at(0).score, 100);
    s.close();
    EXPECT_EQ(readAll(file()).find("Zhang San"), std::string::npos);
    EXPECT_EQ(readAll(file().string() + "-wal").find("Zhang San"), std::string::npos);
    EXPECT_STREQ(leaderboardStatusName(LeaderboardStatus::DailyCap), "daily_cap");
}

TEST_F(StatsStoreTest, RecordFromAQuizSummary) {
    QuizConfig config;
    config.filter.ageBand = AgeBand::Primary;
    QuizSummary summary;
    summary.score = 4200;
    summary.correctCount = 4;
    summary.total = 5;
    summary.finished = true;
    summary.tooFastCount = 1;
    summary.fastestAnswerMs = 120;
    const auto r = quizResultRecord(summary, config, "demo", "basics", "quiz-star", kNoon);
    EXPECT_EQ(r.ageBand, "primary");
    EXPECT_TRUE(r.tooFast);
    EXPECT_EQ(r.fastestAnswerMs, 120);
    EXPECT_EQ(r.score, 4200);
    StatsStore s = openStore();
    EXPECT_EQ(s.recordQuizResult(r, today().range)->status, LeaderboardStatus::TooFast);
}

// ---- question usage and events -----------------------------------------------------------------

TEST_F(StatsStoreTest, QuestionUsageFeedsTheDraw) {
    StatsStore s = openStore();
    ASSERT_TRUE(s.recordQuestionUsage({"q0", "q1"}, 100));
    ASSERT_TRUE(s.recordQuestionUsage({"q1", "q2"}, 200));
    auto usage = s.questionUsage();
    ASSERT_TRUE(usage);
    EXPECT_EQ(usage->at("q0").lastUsed, 100);
    EXPECT_EQ(usage->at("q0").timesUsed, 1);
    EXPECT_EQ(usage->at("q1").lastUsed, 200);
    EXPECT_EQ(usage->at("q1").timesUsed, 2);

    QuizBank bank;
    bank.id = "b";
    for (int i = 0; i < 4; ++i) {
        Question q;
        q.id = "q" + std::to_string(i);
        q.type = QuestionType::TrueFalse;
        bank.questions.push_back(q);
    }
    std::mt19937 rng(1);
    const auto drawn = drawQuestions({bank}, QuestionFilter{}, 2, *usage, rng);
    std::set<std::string> got;
    for (const auto& d : drawn)
        got.insert(d.question.id);
    EXPECT_EQ(got, (std::set<std::string>{"q0", "q3"}));
}

TEST_F(StatsStoreTest, EventsByKindAndTime) {
    StatsStore s = openStore();
    ASSERT_TRUE(s.recordEvent({kNoon, "item_view", "demo", "letter-01", std::nullopt}));
    ASSERT_TRUE(s.recordEvent({kNoon + 1, "item_view", "demo", "letter-02", std::nullopt}));
    ASSERT_TRUE(s.recordEvent({kNoon + 2, "video_play", "demo", "intro", 42.5}));
    ASSERT_TRUE(s.recordEvent({kDay - 5, "item_view", "demo", "letter-01", std::nullopt}));
    EXPECT_EQ(s.countEvents("item_view", today().range), 2);
    EXPECT_EQ(s.countEvents("video_play", today().range), 1);
    EXPECT_EQ(s.countEvents("screen", today().range), 0);
}

// ---- team sessions and CSV ---------------------------------------------------------------------

TEST_F(StatsStoreTest, TeamSessionsRoundTripAndExportCsv) {
    StatsStore s = openStore();
    // A real session: red wins, blue second.
    TeamSessionSetup setup;
    setup.teams = {"blue", "red"};
    setup.questionsPerTeam = 1;
    std::vector<DrawnQuestion> qs(2);
    for (int i = 0; i < 2; ++i) {
        qs[i].question.id = "t" + std::to_string(i);
        qs[i].question.type = QuestionType::TrueFalse;
        qs[i].question.answer = true;
        qs[i].optionOrder = {0, 1};
    }
    auto ts = TeamSession::create(setup, qs);
    ASSERT_TRUE(ts);
    const auto t0 = QuizSession::TimePoint{};
    ts->start(t0);
    ts->answer({1}, t0 + std::chrono::seconds(2)); // blue wrong
    ts->next(t0 + std::chrono::seconds(3));
    ts->answer({0}, t0 + std::chrono::seconds(5)); // red right
    ts->next(t0 + std::chrono::seconds(6));
    ASSERT_TRUE(ts->finished());
    const auto rec = teamSessionRecord(*ts, "demo", "basics", kNoon, kNoon + 600);
    ASSERT_EQ(rec.teams.size(), 2u);
    EXPECT_EQ(rec.teams[0].presetId, "red");
    EXPECT_EQ(rec.teams[0].teamIndex, 1);
    EXPECT_TRUE(rec.finished);
    const auto id = s.recordTeamSession(rec);
    ASSERT_TRUE(id) << s.lastError();

    // An older session (before `since`) and an unfinished one with awkward names.
    TeamSessionRecord old = rec;
    old.startedAt = kDay - 3600;
    ASSERT_TRUE(s.recordTeamSession(old));
    TeamSessionRecord odd;
    odd.startedAt = kNoon + 3600;
    odd.finishedAt = kNoon + 3700;
    odd.packId = "demo";
    odd.mode = ScoringMode::Speed;
    odd.questionsPerTeam = 3;
    odd.teams = {{0, "green", {"绿队, \"快\"", "Green, \"fast\""}, 0x2E9E4F, 1500, 2, 3, 3, 1}};
    ASSERT_TRUE(s.recordTeamSession(odd));

    const auto sessions = s.teamSessions(kDay);
    ASSERT_TRUE(sessions);
    ASSERT_EQ(sessions->size(), 2u);
    EXPECT_EQ(sessions->at(0).id, *id);
    EXPECT_EQ(sessions->at(0).teams[1].name.zh, "蓝队");
    EXPECT_EQ(sessions->at(1).mode, ScoringMode::Speed);

    const auto csv = exportTeamResultsCsv(s, kDay, kChina);
    ASSERT_TRUE(csv) << s.lastError();
    const std::string expected =
        "\xEF\xBB\xBF"
        "session,started,ended,completed,pack,bank,age_band,mode,questions_per_team,rank,team,"
        "team_zh,team_en,colour,score,correct,answered,total\r\n"
        "1,2024-06-09 12:00:00,2024-06-09 12:10:00,yes,demo,basics,adult,accuracy,1,1,red,红队,"
        "Red team,#D7263D,1000,1,1,1\r\n"
        "1,2024-06-09 12:00:00,2024-06-09 12:10:00,yes,demo,basics,adult,accuracy,1,2,blue,蓝队,"
        "Blue team,#1B6CA8,0,0,1,1\r\n"
        "3,2024-06-09 13:00:00,2024-06-09 13:01:40,no,demo,,,speed,3,1,green,"
        "\"绿队, \"\"快\"\"\",\"Green, \"\"fast\"\"\",#2E9E4F,1500,2,3,3\r\n";
    EXPECT_EQ(*csv, expected);

    // Nothing since tomorrow: just the header.
    const auto empty = exportTeamResultsCsv(s, kDay + 86400, kChina);
    EXPECT_EQ(std::count(empty->begin(), empty->end(), '\n'), 1);
}
