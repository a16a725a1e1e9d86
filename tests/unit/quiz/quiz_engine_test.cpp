// tests: quiz engine — draw (filters, LRU, seed), scoring formulas, timers, streak, teams, PIN.
// Over 500 lines: the engine is one state machine (solo and team sessions share it), so its
// scenarios stay in one file with their shared question fixtures.
#include "core/base/pin_hash.h"
#include "core/quiz/engine.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace lantai::core;

namespace {

using TP = QuizSession::TimePoint;

// Injected clock: seconds since an arbitrary epoch.
TP at(double seconds) {
    return TP{} + std::chrono::duration_cast<QuizSession::Clock::duration>(
                      std::chrono::duration<double>(1000.0 + seconds));
}

QuizOption opt(const char* text, bool correct, std::optional<double> weight = std::nullopt) {
    QuizOption o;
    o.text = {text, text};
    o.correct = correct;
    o.weight = weight;
    o.feedback = {std::string("fb-") + text, ""};
    return o;
}

Question single(std::string id, int difficulty = 1, std::vector<std::string> tags = {}) {
    Question q;
    q.id = std::move(id);
    q.type = QuestionType::Single;
    q.prompt = {"问题", "Question"};
    q.options = {opt("a", true), opt("b", false), opt("c", false), opt("d", false)};
    q.explanation = {"解释 " + q.id, "Explanation"};
    q.difficulty = difficulty;
    q.tags = std::move(tags);
    return q;
}

Question multiple(std::vector<QuizOption> options) {
    Question q;
    q.id = "m";
    q.type = QuestionType::Multiple;
    q.options = std::move(options);
    return q;
}

Question trueFalse(std::string id, bool answer) {
    Question q;
    q.id = std::move(id);
    q.type = QuestionType::TrueFalse;
    q.answer = answer;
    q.feedbackTrue = {"选了对", "chose true"};
    q.feedbackFalse = {"选了错", "chose false"};
    q.explanation = {"因为", "because"};
    return q;
}

QuizBank bank(std::string id, int count, int difficulty = 1, std::string prefix = "q") {
    QuizBank b;
    b.id = std::move(id);
    for (int i = 0; i < count; ++i)
        b.questions.push_back(single(prefix + std::to_string(i), difficulty));
    return b;
}

std::vector<std::string> ids(const std::vector<DrawnQuestion>& drawn) {
    std::vector<std::string> out;
    for (const auto& d : drawn)
        out.push_back(d.question.id);
    return out;
}

// Displayed index of the (first) correct option of a drawn question.
int correctIndex(const DrawnQuestion& q) {
    return q.correctDisplayed().at(0);
}
int wrongIndex(const DrawnQuestion& q) {
    return correctIndex(q) == 0 ? 1 : 0;
}

QuizSession sessionOf(std::vector<Question> questions, QuizConfig config = {}) {
    std::vector<DrawnQuestion> drawn;
    for (auto& q : questions) {
        DrawnQuestion d;
        d.bankId = "b";
        d.question = q;
        const int n = q.type == QuestionType::TrueFalse ? 2 : static_cast<int>(q.options.size());
        for (int i = 0; i < n; ++i)
            d.optionOrder.push_back(i);
        drawn.push_back(std::move(d));
    }
    return QuizSession(std::move(drawn), std::move(config));
}

} // namespace

// ---- draw --------------------------------------------------------------------------------------

TEST(QuizDraw, DrawsDistinctQuestions) {
    const std::vector<QuizBank> banks = {bank("a", 10)};
    std::mt19937 rng(1);
    const auto drawn = drawQuestions(banks, QuestionFilter{}, 5, {}, rng);
    ASSERT_EQ(drawn.size(), 5u);
    const auto got = ids(drawn);
    EXPECT_EQ(std::set<std::string>(got.begin(), got.end()).size(), 5u);
    for (const auto& d : drawn)
        EXPECT_EQ(d.bankId, "a");
}

TEST(QuizDraw, FewerQuestionsThanAsked) {
    std::vector<QuizBank> banks = {bank("a", 3), bank("b", 2, 3, "hard")};
    QuestionFilter primary;
    primary.ageBand = AgeBand::Primary;
    std::mt19937 rng(7);
    EXPECT_EQ(drawQuestions(banks, primary, 5, {}, rng).size(), 3u);
    EXPECT_EQ(countEligibleQuestions(banks, primary), 3);
    EXPECT_EQ(drawQuestions(banks, primary, 0, {}, rng).size(), 0u);
    EXPECT_EQ(drawQuestions(banks, primary, -2, {}, rng).size(), 0u);
}

TEST(QuizDraw, DuplicateIdsAcrossBanksAreDrawnOnce) {
    const std::vector<QuizBank> banks = {bank("a", 3), bank("b", 3)}; // same ids q0..q2
    std::mt19937 rng(3);
    const auto got = ids(drawQuestions(banks, QuestionFilter{}, 10, {}, rng));
    EXPECT_EQ(got.size(), 3u);
    EXPECT_EQ(std::set<std::string>(got.begin(), got.end()).size(), 3u);
}

TEST(QuizDraw, DeterministicWithSeed) {
    const std::vector<QuizBank> banks = {bank("a", 30)};
    std::mt19937 r1(42), r2(42), r3(43);
    const auto a = drawQuestions(banks, QuestionFilter{}, 8, {}, r1);
    const auto b = drawQuestions(banks, QuestionFilter{}, 8, {}, r2);
    const auto c = drawQuestions(banks, QuestionFilter{}, 8, {}, r3);
    EXPECT_EQ(ids(a), ids(b));
    for (std::size_t i = 0; i < a.size(); ++i)
        EXPECT_EQ(a[i].optionOrder, b[i].optionOrder);
    EXPECT_NE(ids(a), ids(c));
}

TEST(QuizDraw, PrefersLeastRecentlyUsed) {
    const std::vector<QuizBank> banks = {bank("a", 10)};
    UsageHistory usage;
    for (int i = 0; i < 6; ++i)
        usage["q" + std::to_string(i)] = {100 + i, 1};
    std::mt19937 rng(5);
    auto got = ids(drawQuestions(banks, QuestionFilter{}, 4, usage, rng));
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, (std::vector<std::string>{"q6", "q7", "q8", "q9"})); // never used first

    // Then the oldest: q0 (100) and q1 (101) before q2…q5.
    got = ids(drawQuestions(banks, QuestionFilter{}, 6, usage, rng));
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, (std::vector<std::string>{"q0", "q1", "q6", "q7", "q8", "q9"}));

    // Same last use: fewer uses first.
    UsageHistory tie = {{"q0", {50, 3}}, {"q1", {50, 1}}};
    QuestionFilter two;
    const std::vector<QuizBank> small = {bank("a", 2)};
    got = ids(drawQuestions(small, two, 1, tie, rng));
    EXPECT_EQ(got, (std::vector<std::string>{"q1"}));
}

TEST(QuizDraw, SessionsCycleThroughTheWholeBankBeforeRepeating) {
    const std::vector<QuizBank> banks = {bank("a", 9)};
    UsageHistory usage;
    std::mt19937 rng(11);
    std::set<std::string> seen;
    for (int session = 0; session < 3; ++session) {
        for (const auto& id : ids(drawQuestions(banks, QuestionFilter{}, 3, usage, rng))) {
            EXPECT_TRUE(seen.insert(id).second) << id << " repeated in session " << session;
            usage[id] = {1000 + session, usage[id].timesUsed + 1};
        }
    }
    EXPECT_EQ(seen.size(), 9u);
}

TEST(QuizDraw, AgeBandAndDifficultyFilters) {
    QuizBank b;
    b.id = "mixed";
    for (int d = 1; d <= 3; ++d)
        for (int i = 0; i < 3; ++i)
            b.questions.push_back(single("d" + std::to_string(d) + "-" + std::to_string(i), d));
    const std::vector<QuizBank> banks = {b};
    auto maxDrawn = [&](QuestionFilter f) {
        std::mt19937 rng(1);
        int mx = 0, mn = 9;
        const auto drawn = drawQuestions(banks, f, 100, {}, rng);
        for (const auto& d : drawn) {
            mx = std::max(mx, d.question.difficulty);
            mn = std::min(mn, d.question.difficulty);
        }
        return std::tuple<std::size_t, int, int>{drawn.size(), mn, mx};
    };
    QuestionFilter f;
    f.ageBand = AgeBand::Primary;
    EXPECT_EQ(maxDrawn(f), (std::tuple<std::size_t, int, int>{3, 1, 1}));
    f.ageBand = AgeBand::Secondary;
    EXPECT_EQ(maxDrawn(f), (std::tuple<std::size_t, int, int>{6, 1, 2}));
    f.ageBand = AgeBand::Adult;
    EXPECT_EQ(maxDrawn(f), (std::tuple<std::size_t, int, int>{9, 1, 3}));
    f.exactDifficulty = 2; // overrides the band
    EXPECT_EQ(maxDrawn(f), (std::tuple<std::size_t, int, int>{3, 2, 2}));
    f.ageBand = AgeBand::Primary;
    EXPECT_EQ(maxDrawn(f), (std::tuple<std::size_t, int, int>{3, 2, 2}));

    AgeBand band;
    EXPECT_TRUE(parseAgeBand("secondary", band));
    EXPECT_EQ(band, AgeBand::Secondary);
    EXPECT_FALSE(parseAgeBand("toddler", band));
}

TEST(QuizDraw, BankTagAndItemFilters) {
    QuizBank a = bank("a", 2, 1, "a");
    QuizBank b = bank("b", 2, 1, "b");
    b.questions[0].tags = {"seals", "ming"};
    b.questions[1].item = "letter-01";
    const std::vector<QuizBank> banks = {a, b};
    QuestionFilter f;
    f.banks = {"b"};
    EXPECT_EQ(countEligibleQuestions(banks, f), 2);
    f = {};
    f.tags = {"ming", "qing"};
    EXPECT_EQ(countEligibleQuestions(banks, f), 1);
    f = {};
    f.items = {"letter-01"};
    std::mt19937 rng(1);
    EXPECT_EQ(ids(drawQuestions(banks, f, 5, {}, rng)), (std::vector<std::string>{"b1"}));
}

TEST(QuizDraw, OptionShuffleMapsBackToOriginalOptions) {
    QuizBank b;
    b.id = "b";
    for (int i = 0; i < 20; ++i) {
        Question q = single("s" + std::to_string(i));
        q.options.push_back(opt("e", false));
        q.options.push_back(opt("f", false));
        b.questions.push_back(q);
    }
    b.questions.push_back(trueFalse("tf", false));
    std::mt19937 rng(9);
    bool anyShuffled = false;
    for (const auto& d : drawQuestions({b}, QuestionFilter{}, 21, {}, rng)) {
        if (d.question.type == QuestionType::TrueFalse) {
            EXPECT_EQ(d.optionOrder, (std::vector<int>{0, 1}));
            EXPECT_EQ(d.correctDisplayed(), (std::vector<int>{1}));
            EXPECT_EQ(d.displayedOption(0), nullptr);
            continue;
        }
        ASSERT_EQ(d.optionCount(), 6);
        std::vector<int> sorted = d.optionOrder;
        std::sort(sorted.begin(), sorted.end());
        EXPECT_EQ(sorted, (std::vector<int>{0, 1, 2, 3, 4, 5}));
        for (int i = 0; i < 6; ++i) {
            EXPECT_EQ(d.toDisplayed(d.toOriginal(i)), i);
            EXPECT_EQ(d.displayedOption(i),
                      &d.question.options[static_cast<std::size_t>(d.toOriginal(i))]);
        }
        EXPECT_EQ(d.toOriginal(d.correctDisplayed().at(0)), 0); // option "a" is the correct one
        if (d.optionOrder != std::vector<int>{0, 1, 2, 3, 4, 5}) anyShuffled = true;
        EXPECT_EQ(d.toOriginal(6), -1);
        EXPECT_EQ(d.toOriginal(std::vector<int>{5, 9, -1}), (std::vector<int>{d.toOriginal(5)}));
    }
    EXPECT_TRUE(anyShuffled);

    std::mt19937 rng2(9);
    for (const auto& d : drawQuestions({b}, QuestionFilter{}, 21, {}, rng2, false))
        for (int i = 0; i < d.optionCount(); ++i)
            EXPECT_EQ(d.toOriginal(i), i);
}

TEST(QuizDraw, UniformIndexStaysInRange) {
    std::mt19937 rng(1);
    std::vector<int> hits(7, 0);
    for (int i = 0; i < 7000; ++i)
        ++hits[uniformIndex(rng, 7)];
    for (int h : hits)
        EXPECT_GT(h, 800);
    EXPECT_EQ(uniformIndex(rng, 1), 0u);
}

// ---- scoring -----------------------------------------------------------------------------------

TEST(QuizScoring, KahootFormula) {
    struct Row {
        double t, limit;
        int base, expected;
    };
    const Row rows[] = {
        {0, 20, 1000, 1000},    // instant: full points
        {10, 20, 1000, 750},    // t = T/2
        {20, 20, 1000, 500},    // t = T: half
        {30, 20, 1000, 500},    // late: clamped to T
        {-1, 20, 1000, 1000},   // clock skew: clamped to 0
        {5, 20, 1000, 875},     //
        {1, 3, 1000, 833},      // 833.33 -> 833
        {2, 3, 1000, 667},      // 666.67 -> 667
        {0.02, 20, 1000, 1000}, // 999.5 rounds half up
        {7, 20, 2000, 1650},    // P = 2000
        {5, 0, 1000, 1000},     // no limit: no speed factor
    };
    for (const auto& r : rows)
        EXPECT_EQ(kahootPoints(r.t, r.limit, r.base), r.expected)
            << "t=" << r.t << " T=" << r.limit;
    EXPECT_DOUBLE_EQ(speedFactor(0, 20), 1.0);
    EXPECT_DOUBLE_EQ(speedFactor(10, 20), 0.75);
    EXPECT_DOUBLE_EQ(speedFactor(20, 20), 0.5);
}

TEST(QuizScoring, AnswerPoints) {
    ScoringRules accuracy;
    ScoringRules speed;
    speed.mode = ScoringMode::Speed;
    struct Row {
        double partial, t, limit;
        const ScoringRules* rules;
        int expected;
    };
    const Row rows[] = {
        {1.0, 3, 10, &accuracy, 1000},   {0.5, 3, 10, &accuracy, 500},
        {1.0 / 3, 0, 0, &accuracy, 333}, {2.0 / 3, 0, 0, &accuracy, 667},
        {0.0, 0, 10, &accuracy, 0},      {0.0, 0, 10, &speed, 0}, // wrong answers: 0
        {1.0, 0, 10, &speed, 1000},      {1.0, 5, 10, &speed, 750},
        {1.0, 10, 10, &speed, 500},      {0.5, 5, 10, &speed, 375}, // partial × factor
        {1.0, 10, 0, &speed, 750}, // no timer: T = speedWindowSeconds (20)
        {1.0, 40, 0, &speed, 500},
    };
    for (const auto& r : rows)
        EXPECT_EQ(answerPoints(r.partial, r.t, r.limit, *r.rules), r.expected)
            << "partial=" << r.partial << " t=" << r.t;
}

TEST(QuizScoring, PartialCreditForMultipleChoice) {
    // Three correct options of five: a correct pick weighs 1/3, a wrong one −1/3.
    const Question q = multiple(
        {opt("a", true), opt("b", true), opt("c", true), opt("d", false), opt("e", false)});
    struct Row {
        std::vector<int> chosen;
        double expected;
        bool correct;
    };
    const Row rows[] = {
        {{0, 1, 2}, 1.0, true},      {{2, 0, 1, 1}, 1.0, true}, // order and duplicates ignored
        {{0, 1}, 2.0 / 3, false},    {{0}, 1.0 / 3, false},
        {{0, 1, 3}, 1.0 / 3, false}, {{0, 1, 2, 3}, 2.0 / 3, false},
        {{0, 3, 4}, 0.0, false}, // negative total clamped to 0
        {{3}, 0.0, false},           {{}, 0.0, false},
        {{0, 1, 2, 9}, 1.0, false}, // out of range: not exact, weighs nothing
    };
    for (const auto& r : rows) {
        EXPECT_NEAR(partialCredit(q, r.chosen), r.expected, 1e-12);
        EXPECT_EQ(isExactlyCorrect(q, r.chosen), r.correct);
    }
    EXPECT_NEAR(optionWeight(q, 0), 1.0 / 3, 1e-12);
    EXPECT_NEAR(optionWeight(q, 4), -1.0 / 3, 1e-12);

    // Explicit weights (GIFT-style), clamped to −1…1 and the total to 0…1.
    const Question w = multiple({opt("a", true, 0.5), opt("b", true, 0.5), opt("c", false, -1.0),
                                 opt("d", false, 0.25), opt("e", false, 3.0)});
    EXPECT_NEAR(partialCredit(w, {0}), 0.5, 1e-12);
    EXPECT_NEAR(partialCredit(w, {0, 2}), 0.0, 1e-12);    // −0.5 clamped
    EXPECT_NEAR(partialCredit(w, {0, 3}), 0.75, 1e-12);   // a wrong option may carry credit
    EXPECT_NEAR(partialCredit(w, {0, 1, 3}), 1.0, 1e-12); // 1.25 clamped
    EXPECT_NEAR(optionWeight(w, 4), 1.0, 1e-12);
    EXPECT_NEAR(partialCredit(w, {0, 1}), 1.0, 1e-12);
}

TEST(QuizScoring, SingleAndTrueFalse) {
    Question s = single("s");
    EXPECT_EQ(partialCredit(s, {0}), 1.0);
    EXPECT_EQ(partialCredit(s, {1}), 0.0);
    EXPECT_FALSE(isExactlyCorrect(s, {0, 1}));
    EXPECT_EQ(partialCredit(s, {0, 1, 2, 3}), 0.0); // picking everything earns nothing
    s.options[1].weight = 0.5;                      // "nearly right" option
    EXPECT_EQ(partialCredit(s, {1}), 0.5);
    EXPECT_FALSE(isExactlyCorrect(s, {1}));

    const Question t = trueFalse("t", true);
    const Question f = trueFalse("f", false);
    EXPECT_TRUE(isExactlyCorrect(t, {0}));
    EXPECT_FALSE(isExactlyCorrect(t, {1}));
    EXPECT_TRUE(isExactlyCorrect(f, {1}));
    EXPECT_FALSE(isExactlyCorrect(f, {0, 1}));
    EXPECT_EQ(partialCredit(f, {0, 1}), 0.0); // both picked: no credit
    EXPECT_FALSE(isExactlyCorrect(f, {2}));
}

TEST(QuizScoring, StreakBonus) {
    ScoringRules r;
    EXPECT_EQ(streakBonusPoints(5, r), 0); // off by default
    r.streakBonus = true;
    const int expected[] = {0, 0, 100, 200, 300, 400, 500, 500, 500};
    for (int s = 0; s < 9; ++s)
        EXPECT_EQ(streakBonusPoints(s, r), expected[s]) << s;
    EXPECT_EQ(roundPoints(2.5), 3);
    EXPECT_EQ(roundPoints(2.4999999999), 3); // within 1e-9 of .5
    EXPECT_EQ(roundPoints(2.49), 2);
    EXPECT_EQ(roundPoints(std::nan("")), 0);
    ScoringMode m;
    EXPECT_TRUE(parseScoringMode("speed", m));
    EXPECT_EQ(m, ScoringMode::Speed);
    EXPECT_STREQ(scoringModeName(ScoringMode::Accuracy), "accuracy");
}

// ---- session -----------------------------------------------------------------------------------

TEST(QuizSession, AccuracyRunAndSummary) {
    QuizSession s = sessionOf({single("a"), single("b"), trueFalse("c", false)});
    EXPECT_EQ(s.phase(), QuizPhase::NotStarted);
    EXPECT_FALSE(s.answer({0}, at(0)).has_value()); // not started
    ASSERT_TRUE(s.start(at(0)));
    EXPECT_FALSE(s.start(at(0)));
    EXPECT_EQ(s.currentQuestion()->question.id, "a");
    EXPECT_FALSE(s.next(at(1))); // must answer first

    auto r = s.answer({0}, at(2));
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->correct);
    EXPECT_EQ(r->points, 1000);
    EXPECT_EQ(r->responseMs, 2000);
    EXPECT_EQ(r->explanation.zh, "解释 a");
    EXPECT_EQ(r->feedback.zh, "fb-a");
    EXPECT_EQ(r->correctOptions, (std::vector<int>{0}));
    EXPECT_EQ(s.phase(), QuizPhase::Answered);
    EXPECT_FALSE(s.answer({0}, at(2.5)).has_value()); // one answer per question
    ASSERT_TRUE(s.next(at(3)));

    r = s.answer({2}, at(4));
    EXPECT_FALSE(r->correct);
    EXPECT_EQ(r->points, 0);
    EXPECT_EQ(r->streak, 0);
    ASSERT_TRUE(s.next(at(5)));

    r = s.answer({1}, at(6)); // "false" is right
    EXPECT_TRUE(r->correct);
    EXPECT_EQ(r->feedback.en, "chose false");
    EXPECT_EQ(r->explanation.en, "because");
    EXPECT_FALSE(s.next(at(7)));
    EXPECT_TRUE(s.finished());
    EXPECT_EQ(s.currentQuestion(), nullptr);

    const QuizSummary sum = s.summary();
    EXPECT_EQ(sum.score, 2000);
    EXPECT_EQ(sum.correctCount, 2);
    EXPECT_EQ(sum.total, 3);
    EXPECT_EQ(sum.answered, 3);
    EXPECT_EQ(sum.fastestAnswerMs, 1000);
    EXPECT_EQ(sum.tooFastCount, 0);
    EXPECT_TRUE(sum.finished);
    EXPECT_EQ(sum.answers.size(), 3u);
}

TEST(QuizSession, EmptySessionFinishesAtOnce) {
    QuizSession s({}, {});
    EXPECT_FALSE(s.start(at(0)));
    EXPECT_TRUE(s.finished());
    EXPECT_EQ(s.summary().total, 0);
}

TEST(QuizSession, TimerRunsOutAsAWrongAnswer) {
    QuizConfig c;
    c.timerSeconds = 10;
    c.scoring.streakBonus = true;
    QuizSession s = sessionOf({single("a"), single("b"), single("c")}, c);
    EXPECT_TRUE(std::isinf(s.secondsUntilNextEvent(at(0))));
    s.start(at(0));
    EXPECT_DOUBLE_EQ(s.secondsLeft(at(4)), 6.0);
    EXPECT_NEAR(s.secondsUntilNextEvent(at(4)), 6.0, 1e-9);
    EXPECT_EQ(s.answer({0}, at(3))->streak, 1);
    EXPECT_TRUE(std::isinf(s.secondsUntilNextEvent(at(4)))); // answered: no deadline
    s.next(at(20));
    EXPECT_FALSE(s.timeout(at(29.9)).has_value());
    auto r = s.timeout(at(30));
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->timedOut);
    EXPECT_FALSE(r->correct);
    EXPECT_EQ(r->points, 0);
    EXPECT_EQ(r->streak, 0); // streak broken
    EXPECT_TRUE(r->chosen.empty());
    EXPECT_EQ(r->correctOptions, (std::vector<int>{0}));
    EXPECT_FALSE(s.timeout(at(31)).has_value()); // already answered
    s.next(at(40));
    r = s.answer({0}, at(50.5)); // too late: counts as a timeout
    EXPECT_TRUE(r->timedOut);
    EXPECT_EQ(r->points, 0);
    s.next(at(51));
    const auto sum = s.summary();
    EXPECT_EQ(sum.timedOutCount, 2);
    EXPECT_EQ(sum.correctCount, 1);
    EXPECT_EQ(sum.fastestAnswerMs, 3000);
}

TEST(QuizSession, TooFastAnswersAreFlaggedButScored) {
    QuizConfig c;
    c.minAnswerMs = 300;
    QuizSession s = sessionOf({single("a"), single("b")}, c);
    s.start(at(0));
    auto r = s.answer({0}, at(0.2));
    EXPECT_TRUE(r->tooFast);
    EXPECT_EQ(r->points, 1000);
    s.next(at(1));
    r = s.answer({0}, at(1.3)); // exactly 300 ms: human
    EXPECT_FALSE(r->tooFast);
    const auto sum = s.summary();
    EXPECT_EQ(sum.tooFastCount, 1);
    EXPECT_EQ(sum.fastestAnswerMs, 200);
}

TEST(QuizSession, SpeedModeUsesTheTimer) {
    QuizConfig c;
    c.timerSeconds = 20;
    c.scoring.mode = ScoringMode::Speed;
    QuizSession s = sessionOf({single("a"), single("b"), single("c")}, c);
    s.start(at(0));
    EXPECT_EQ(s.answer({0}, at(10))->points, 750);
    s.next(at(10));
    EXPECT_EQ(s.answer({0}, at(30))->points, 500); // at the deadline: half
    s.next(at(30));
    EXPECT_EQ(s.answer({1}, at(31))->points, 0); // wrong
    EXPECT_EQ(s.score(), 1250);
}

TEST(QuizSession, StreakBonusAndPartialAnswers) {
    QuizConfig c;
    c.scoring.streakBonus = true;
    std::vector<Question> qs;
    for (int i = 0; i < 7; ++i)
        qs.push_back(single("s" + std::to_string(i)));
    Question m = multiple({opt("a", true), opt("b", true), opt("c", false)});
    qs.push_back(m);
    qs.push_back(single("after"));
    QuizSession s = sessionOf(qs, c);
    s.start(at(0));
    const int bonus[] = {0, 100, 200, 300, 400, 500, 500};
    int t = 1;
    for (int i = 0; i < 7; ++i, ++t) {
        auto r = s.answer({0}, at(t));
        EXPECT_EQ(r->streak, i + 1);
        EXPECT_EQ(r->streakBonus, bonus[i]);
        EXPECT_EQ(r->points, 1000 + bonus[i]);
        s.next(at(t));
    }
    auto r = s.answer({0}, at(t)); // half of the multiple: partial credit, streak over
    EXPECT_FALSE(r->correct);
    EXPECT_DOUBLE_EQ(r->partialCredit, 0.5);
    EXPECT_EQ(r->points, 500);
    EXPECT_EQ(r->streak, 0);
    EXPECT_EQ(r->streakBonus, 0);
    EXPECT_TRUE(r->feedback.empty()); // multiple: per-option feedback only
    s.next(at(++t));
    r = s.answer({0}, at(++t));
    EXPECT_EQ(r->streak, 1);
    EXPECT_EQ(r->points, 1000);
    s.next(at(t));
    EXPECT_EQ(s.summary().bestStreak, 7);
    EXPECT_EQ(s.score(), 7000 + 2000 + 500 + 1000);
}

TEST(QuizSession, AnswersUseDisplayedIndices) {
    QuizBank b;
    b.id = "b";
    b.questions = {single("x")};
    std::mt19937 rng(4);
    auto drawn = drawQuestions({b}, QuestionFilter{}, 1, {}, rng);
    ASSERT_EQ(drawn.size(), 1u);
    while (drawn[0].toOriginal(0) == 0) { // make sure the correct option moved
        drawn = drawQuestions({b}, QuestionFilter{}, 1, {}, rng);
    }
    const int shown = drawn[0].toDisplayed(0);
    QuizSession s(drawn, {});
    s.start(at(0));
    EXPECT_FALSE(s.answer({0}, at(1))->correct);
    QuizSession s2(drawn, {});
    s2.start(at(0));
    auto r = s2.answer({shown}, at(1));
    EXPECT_TRUE(r->correct);
    EXPECT_EQ(r->correctOptions, (std::vector<int>{shown}));
    EXPECT_EQ(r->chosen, (std::vector<int>{shown}));
    QuizSession s3(drawn, {});
    s3.start(at(0));
    EXPECT_FALSE(s3.answer({shown, 17}, at(1))->correct); // out-of-range index: wrong
}

// ---- team session ------------------------------------------------------------------------------

namespace {

TeamSessionSetup teams(std::vector<std::string> ids, int perTeam) {
    TeamSessionSetup s;
    s.teams = std::move(ids);
    s.questionsPerTeam = perTeam;
    return s;
}

std::vector<DrawnQuestion> drawnSingles(int count) {
    std::vector<DrawnQuestion> out;
    for (int i = 0; i < count; ++i) {
        DrawnQuestion d;
        d.question = single("t" + std::to_string(i));
        d.optionOrder = {0, 1, 2, 3};
        out.push_back(d);
    }
    return out;
}

} // namespace

TEST(TeamSession, RejectsInvalidSetups) {
    TeamSessionError e = TeamSessionError::None;
    EXPECT_FALSE(TeamSession::create(teams({"red"}, 2), drawnSingles(10), &e));
    EXPECT_EQ(e, TeamSessionError::TeamCount);
    EXPECT_FALSE(TeamSession::create(
        teams({"red", "blue", "green", "yellow", "purple", "orange", "teal"}, 1), drawnSingles(10),
        &e));
    EXPECT_EQ(e, TeamSessionError::TeamCount);
    EXPECT_FALSE(TeamSession::create(teams({"red", "mauve"}, 2), drawnSingles(10), &e));
    EXPECT_EQ(e, TeamSessionError::UnknownTeam);
    EXPECT_FALSE(TeamSession::create(teams({"red", "red"}, 2), drawnSingles(10), &e));
    EXPECT_EQ(e, TeamSessionError::DuplicateTeam);
    EXPECT_FALSE(TeamSession::create(teams({"red", "blue", "green"}, 2), drawnSingles(2), &e));
    EXPECT_EQ(e, TeamSessionError::NoQuestions);
    EXPECT_STREQ(teamSessionErrorName(e), "no_questions");
    EXPECT_TRUE(TeamSession::create(
        teams({"red", "blue", "green", "yellow", "purple", "orange"}, 1), drawnSingles(6), &e));
    EXPECT_EQ(e, TeamSessionError::None);
}

TEST(TeamSession, TeamsTakeTurns) {
    const std::vector<QuizBank> banks = {bank("a", 20)};
    std::mt19937 rng(2);
    TeamSessionSetup setup = teams({"red", "blue", "green"}, 2);
    setup.quiz.timerSeconds = 10;
    auto ts = TeamSession::draw(setup, banks, {}, rng);
    ASSERT_TRUE(ts);
    EXPECT_EQ(ts->teamCount(), 3);
    EXPECT_EQ(ts->questionsPerTeam(), 2);
    EXPECT_EQ(ts->phase(), QuizPhase::NotStarted);
    ASSERT_TRUE(ts->start(at(0)));

    std::vector<int> order, rounds;
    std::set<std::string> asked;
    double t = 0;
    do {
        order.push_back(ts->currentTeam());
        rounds.push_back(ts->round());
        ASSERT_NE(ts->currentQuestion(), nullptr);
        EXPECT_TRUE(asked.insert(ts->currentQuestion()->question.id).second);
        // Each turn's timer starts when that team's question is shown.
        EXPECT_NEAR(ts->secondsUntilNextEvent(at(t + 1)), 9.0, 1e-9);
        // red answers right, blue wrong, green times out
        const int team = ts->currentTeam();
        const DrawnQuestion& q = *ts->currentQuestion();
        if (team == 0)
            EXPECT_TRUE(ts->answer({correctIndex(q)}, at(t + 2))->correct);
        else if (team == 1)
            EXPECT_FALSE(ts->answer({wrongIndex(q)}, at(t + 2))->correct);
        else
            EXPECT_TRUE(ts->timeout(at(t + 10))->timedOut);
        EXPECT_EQ(ts->phase(), QuizPhase::Answered);
        t += 20;
    } while (ts->next(at(t)));
    EXPECT_TRUE(ts->finished());
    EXPECT_EQ(ts->phase(), QuizPhase::Finished);
    EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 0, 1, 2}));
    EXPECT_EQ(rounds, (std::vector<int>{1, 1, 1, 2, 2, 2}));
    EXPECT_FALSE(ts->answer({0}, at(t)).has_value());
    for (int i = 0; i < 3; ++i)
        EXPECT_TRUE(ts->teamQuiz(i).finished());

    const auto board = ts->scoreboard();
    EXPECT_EQ(board[0].preset->id, "red");
    EXPECT_EQ(board[0].score, 2000);
    EXPECT_EQ(board[0].correctCount, 2);
    EXPECT_EQ(board[0].answered, 2);
    EXPECT_EQ(board[0].rank, 1);
    EXPECT_EQ(board[1].rank, 2); // blue and green tie at 0
    EXPECT_EQ(board[2].rank, 2);
    EXPECT_EQ(board[1].preset->id, "blue"); // ties keep setup order
    EXPECT_EQ(ts->podium().size(), 3u);
}

TEST(TeamSession, FewerQuestionsGiveEveryTeamTheSameNumber) {
    auto ts = TeamSession::create(teams({"red", "blue"}, 3), drawnSingles(5));
    ASSERT_TRUE(ts);
    EXPECT_EQ(ts->questionsPerTeam(), 2);
    EXPECT_EQ(ts->teamQuiz(0).questionCount(), 2);
    EXPECT_EQ(ts->teamQuiz(1).questionCount(), 2);
    // Round-robin deal: red t0, t2; blue t1, t3.
    EXPECT_EQ(ts->teamQuiz(0).questions()[1].question.id, "t2");
    EXPECT_EQ(ts->teamQuiz(1).questions()[0].question.id, "t1");
}

TEST(TeamSession, PodiumWithTies) {
    // 4 teams × 1 question; points by answer: right 1000, wrong 0.
    auto play = [](std::vector<bool> right) {
        std::vector<std::string> ids = {"red", "blue", "green", "yellow"};
        ids.resize(right.size());
        auto ts =
            TeamSession::create(teams(ids, 2), drawnSingles(static_cast<int>(right.size()) * 2));
        ts->start(at(0));
        double t = 0;
        for (int round = 0; round < 2; ++round)
            for (std::size_t i = 0; i < right.size(); ++i) {
                // second round: only team 1 scores again
                const bool ok = round == 0 ? right[i] : i == 1;
                ts->answer({ok ? 0 : 1}, at(t + 1));
                ts->next(at(t += 5));
            }
        return *ts;
    };
    // red 1000, blue 2000, green 1000, yellow 0
    TeamSession a = play({true, true, true, false});
    auto board = a.scoreboard();
    std::vector<std::pair<std::string, int>> got;
    for (const auto& s : board)
        got.push_back({s.preset->id, s.rank});
    EXPECT_EQ(got, (std::vector<std::pair<std::string, int>>{
                       {"blue", 1}, {"red", 2}, {"green", 2}, {"yellow", 4}}));
    EXPECT_EQ(a.podium().size(), 3u);
    const auto standings = a.standings(); // setup order
    EXPECT_EQ(standings[0].preset->id, "red");
    EXPECT_EQ(standings[0].rank, 2);

    // Nobody scores but blue in round 2: three tie for second, all on the podium.
    TeamSession b = play({false, false, false, false});
    EXPECT_EQ(b.podium().size(), 4u);
    EXPECT_EQ(b.podium()[0].preset->id, "blue");
    for (std::size_t i = 1; i < 4; ++i)
        EXPECT_EQ(b.podium()[i].rank, 2);
}

TEST(TeamSession, PresetsAreDistinct) {
    const auto& presets = teamPresets();
    EXPECT_GE(presets.size(), static_cast<std::size_t>(kMaxTeams));
    std::set<std::string> idSet;
    std::set<std::uint32_t> colours;
    for (const auto& p : presets) {
        idSet.insert(p.id);
        colours.insert(p.colour);
        EXPECT_FALSE(p.name.zh.empty());
        EXPECT_FALSE(p.name.en.empty());
    }
    EXPECT_EQ(idSet.size(), presets.size());
    EXPECT_EQ(colours.size(), presets.size());
    EXPECT_EQ(findTeamPreset("red")->name.zh, "红队");
    EXPECT_EQ(findTeamPreset("nope"), nullptr);
}

// ---- nicknames and PIN -------------------------------------------------------------------------

TEST(PresetNicknames, FortyFriendlyNames) {
    const auto& names = presetNicknames();
    EXPECT_EQ(names.size(), 40u);
    std::set<std::string> idSet, zh, en;
    for (const auto& n : names) {
        EXPECT_FALSE(n.id.empty());
        EXPECT_TRUE(std::all_of(n.id.begin(), n.id.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || c == '-';
        })) << n.id;
        idSet.insert(n.id);
        zh.insert(n.name.zh);
        en.insert(n.name.en);
    }
    EXPECT_EQ(idSet.size(), names.size());
    EXPECT_EQ(zh.size(), names.size());
    EXPECT_EQ(en.size(), names.size());
    EXPECT_EQ(findNickname("little-archivist")->name.zh, "小档案员");
    EXPECT_EQ(findNickname("Zhang San"), nullptr);
}

TEST(TeacherPin, HashAndVerify) {
    EXPECT_TRUE(isValidPinFormat("2468"));
    EXPECT_FALSE(isValidPinFormat("123"));
    EXPECT_FALSE(isValidPinFormat("12a4"));
    EXPECT_FALSE(isValidPinFormat("1234567890123"));
    EXPECT_FALSE(hashPin("12").has_value());

    const auto h1 = hashPin("2468");
    const auto h2 = hashPin("2468");
    ASSERT_TRUE(h1 && h2);
    EXPECT_EQ(h1->rfind("$argon2id$", 0), 0u) << *h1;
    EXPECT_NE(*h1, *h2); // random salt inside
    EXPECT_EQ(h1->find("2468"), std::string::npos);
    EXPECT_TRUE(verifyPin("2468", *h1));
    EXPECT_TRUE(verifyPin("2468", *h2));
    EXPECT_FALSE(verifyPin("2469", *h1));
    EXPECT_FALSE(verifyPin("2468", ""));
    EXPECT_FALSE(verifyPin("2468", "2468"));
    EXPECT_FALSE(verifyPin("2468", h1->substr(0, h1->size() - 4)));
    EXPECT_FALSE(verifyPin("", *h1));
}
