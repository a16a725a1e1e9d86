// tests: quiz results and leaderboards — order, today's boundaries, ranks, anti-abuse rules
#include "tests/unit/stats/stats_test_support.h"

using namespace lantai::stats_test;

TEST_F(StatsStoreTest, LeaderboardOrderAndTodayBoundaries) {
    StatsStore s = openStore();
    const TimeRange day = today().range;
    std::vector<std::int64_t> ids;
    auto add = [&](const char* nick, int score, std::int64_t t) -> std::optional<RecordOutcome> {
        auto o = s.recordQuizResult(result(nick, score, t), localDayRange(t, kChina), kNoLimits);
        EXPECT_TRUE(o) << errorOf(o);
        ids.push_back(o ? o->id : 0);
        if (!o) return std::nullopt;
        return *o;
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
    q.mode = "speed";
    EXPECT_TRUE(s.topResults(q)->empty());
    q.mode = "accuracy";
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
    speed.mode = "speed"; // its own board
    EXPECT_EQ(s.recordQuizResult(speed, day, kNoLimits)->rank, 1);
}

TEST_F(StatsStoreTest, CooldownPerNickname) {
    StatsStore s = openStore();
    const LeaderboardRules rules = rankingRules(10, 0, 300);
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
    const LeaderboardRules rules = rankingRules(0, 5, 300);
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
