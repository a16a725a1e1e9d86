// tests: the kiosk's mapping between the quiz engine and the stats store — solo results, class
// contests, the rankable nicknames, question usage back into the draw
#include "kiosk/ui/quiz_stats_records.h"
#include "tests/unit/stats/stats_test_support.h"

#include <chrono>
#include <random>
#include <set>

using namespace lantai::stats_test;
using namespace lantai::kiosk;

namespace {

class QuizStatsRecordsTest : public StatsStoreTest {};

LeaderboardRules presetRules() {
    LeaderboardRules rules;
    rules.nicknames = presetNicknameIds();
    return rules;
}

} // namespace

TEST_F(QuizStatsRecordsTest, RecordFromAQuizSummary) {
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
    EXPECT_EQ(r.correct, 4);
    EXPECT_EQ(r.total, 5);
    EXPECT_EQ(r.mode, "accuracy");
    EXPECT_EQ(r.nickname, "quiz-star");
    StatsStore s = openStore();
    EXPECT_EQ(s.recordQuizResult(r, today().range, presetRules())->status,
              LeaderboardStatus::TooFast);

    // An exact difficulty is no age band; the scoring mode is kept by name.
    config.filter.exactDifficulty = 2;
    config.scoring.mode = ScoringMode::Speed;
    const auto exact = quizResultRecord(summary, config, "demo", "", "", kNoon);
    EXPECT_EQ(exact.ageBand, "");
    EXPECT_EQ(exact.mode, "speed");
}

TEST_F(QuizStatsRecordsTest, OnlyPresetNicknamesAreRanked) {
    EXPECT_EQ(presetNicknameIds().size(), presetNicknames().size());
    StatsStore s = openStore();
    const auto day = today().range;
    const std::string preset = presetNicknames().front().id;
    EXPECT_EQ(s.recordQuizResult(result(preset, 1000, kNoon), day, presetRules())->status,
              LeaderboardStatus::Counted);
    EXPECT_EQ(s.recordQuizResult(result("Zhang San", 1000, kNoon + 1), day, presetRules())->status,
              LeaderboardStatus::NoNickname);
}

TEST_F(QuizStatsRecordsTest, QuestionUsageFeedsTheDraw) {
    StatsStore s = openStore();
    ASSERT_TRUE(s.recordQuestionUsage({"q0", "q1"}, 100));
    ASSERT_TRUE(s.recordQuestionUsage({"q1", "q2"}, 200));
    const auto stored = s.questionUsage();
    ASSERT_TRUE(stored);
    const UsageHistory usage = usageHistory(*stored);
    EXPECT_EQ(usage.at("q1").lastUsed, 200);
    EXPECT_EQ(usage.at("q1").timesUsed, 2);

    QuizBank bank;
    bank.id = "b";
    for (int i = 0; i < 4; ++i) {
        Question q;
        q.id = "q" + std::to_string(i);
        q.type = QuestionType::TrueFalse;
        bank.questions.push_back(q);
    }
    std::mt19937 rng(1);
    const auto drawn = drawQuestions({bank}, QuestionFilter{}, 2, usage, rng);
    std::set<std::string> got;
    for (const auto& d : drawn)
        got.insert(d.question.id);
    EXPECT_EQ(got, (std::set<std::string>{"q0", "q3"}));
}

TEST_F(QuizStatsRecordsTest, TeamSessionRecordFromASession) {
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

    // Exactly the record the stats tests export as CSV.
    const TeamSessionRecord expected = redBeatsBlue();
    EXPECT_EQ(rec.startedAt, expected.startedAt);
    EXPECT_EQ(rec.finishedAt, expected.finishedAt);
    EXPECT_EQ(rec.packId, expected.packId);
    EXPECT_EQ(rec.bank, expected.bank);
    EXPECT_EQ(rec.ageBand, expected.ageBand);
    EXPECT_EQ(rec.mode, expected.mode);
    EXPECT_EQ(rec.questionsPerTeam, expected.questionsPerTeam);
    for (std::size_t i = 0; i < expected.teams.size(); ++i) {
        const TeamResultRow& got = rec.teams[i];
        const TeamResultRow& want = expected.teams[i];
        EXPECT_EQ(got.teamIndex, want.teamIndex) << i;
        EXPECT_EQ(got.presetId, want.presetId) << i;
        EXPECT_EQ(got.name.zh, want.name.zh) << i;
        EXPECT_EQ(got.name.en, want.name.en) << i;
        EXPECT_EQ(got.colour, want.colour) << i;
        EXPECT_EQ(got.score, want.score) << i;
        EXPECT_EQ(got.correct, want.correct) << i;
        EXPECT_EQ(got.answered, want.answered) << i;
        EXPECT_EQ(got.total, want.total) << i;
        EXPECT_EQ(got.rank, want.rank) << i;
    }
}
