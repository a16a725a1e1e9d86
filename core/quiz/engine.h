// core/quiz: quiz engine — solo session, class/team session, preset names, teacher PIN (pure logic)
#pragma once

#include "core/base/localized_text.h"
#include "core/quiz/answer_timing.h"
#include "core/quiz/draw.h"
#include "core/quiz/scoring.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

struct QuizConfig {
    int questionCount = 5;
    QuestionFilter filter;
    ScoringRules scoring;
    double timerSeconds = 0.0;             // per-question timer; 0 = none (Speed mode then uses
                                           // scoring.speedWindowSeconds as T)
    int minAnswerMs = kDefaultMinAnswerMs; // faster answers are flagged tooFast (no leaderboard)
    bool shuffleOptions = true;
};

// drawQuestions() with the config's filter, count and option shuffling.
std::vector<DrawnQuestion> drawQuestions(const std::vector<QuizBank>& banks,
                                         const QuizConfig& config, const UsageHistory& usage,
                                         std::mt19937& rng);

// The outcome of one question. Option indices are displayed indices (as the visitor saw them).
struct AnswerResult {
    std::string questionId;
    std::vector<int> chosen;         // what the visitor picked (empty on timeout)
    std::vector<int> correctOptions; // the correct options, to highlight
    bool correct = false;            // exactly the correct options
    double partialCredit = 0.0;      // 0…1 (FORMAT.md weights)
    int points = 0;                  // answer points + streakBonus
    int streakBonus = 0;
    int streak = 0;         // fully correct answers in a row, this one included (0 if not correct)
    bool timedOut = false;  // the timer ran out: scored as wrong, 0 points
    bool tooFast = false;   // answered in under minAnswerMs: scored, but not for the leaderboard
    int responseMs = 0;     // from the question being shown to the answer
    LocalizedText feedback; // true/false: the feedback for the chosen answer; single: the chosen
                            // option's feedback; multiple: empty (see each option's feedback)
    LocalizedText explanation; // the question's explanation, shown after every answer
};

struct QuizSummary {
    int score = 0;
    int correctCount = 0;
    int total = 0;    // questions in the session
    int answered = 0; // questions with a result (timeouts included)
    int timedOutCount = 0;
    int tooFastCount = 0;
    int bestStreak = 0;
    int fastestAnswerMs = -1; // fastest non-timed-out answer; -1 when none
    bool finished = false;
    std::vector<AnswerResult> answers;
};

enum class QuizPhase {
    NotStarted, // constructed; start() shows the first question
    Asking,     // a question is shown; answer() or timeout()
    Answered,   // the result and explanation are shown; next() moves on
    Finished,   // summary()
};

// One visitor's quiz over drawn questions: NotStarted -start-> Asking -answer/timeout->
// Answered -next-> Asking … -next-> Finished. The question's clock starts when it is shown
// (start() / next()); a per-question timer runs out at shown + timerSeconds. Calls in the wrong
// phase do nothing (and return nullopt / false).
//
// Threading/ownership: not thread-safe; use from one thread. Owns copies of its questions (the
// pack may be reloaded meanwhile). Never reads a clock: every time is passed in (steady_clock).
class QuizSession {
  public:
    using Clock = std::chrono::steady_clock;
    using TimePoint = Clock::time_point;

    QuizSession(std::vector<DrawnQuestion> questions, QuizConfig config);

    // Shows the first question at `now`; with no questions, goes straight to Finished (false).
    bool start(TimePoint now);
    // The visitor's answer (displayed indices; for true/false 0 = true, 1 = false). An answer
    // after the timer ran out counts as a timeout.
    std::optional<AnswerResult> answer(const std::vector<int>& displayed, TimePoint now);
    // If the timer has run out at `now`, records the question as timed out and returns it.
    std::optional<AnswerResult> timeout(TimePoint now);
    // Answered -> the next question, shown at `now` (true), or Finished after the last (false).
    bool next(TimePoint now);

    QuizPhase phase() const { return m_phase; }
    bool finished() const { return m_phase == QuizPhase::Finished; }
    int questionCount() const { return static_cast<int>(m_questions.size()); }
    int currentIndex() const { return m_index; }  // 0-based; questionCount() when finished
    const DrawnQuestion* currentQuestion() const; // nullptr when NotStarted / Finished
    const std::vector<DrawnQuestion>& questions() const { return m_questions; }
    const AnswerResult* lastResult() const; // the latest answer, nullptr before the first
    int score() const { return m_score; }
    int streak() const { return m_streak; }
    const QuizConfig& config() const { return m_config; }

    // The current question's deadline (Asking with a timer only).
    std::optional<TimePoint> deadline() const;
    // Seconds left on the timer (Asking with a timer), else 0.
    double secondsLeft(TimePoint now) const;
    // For the event loop: seconds until timeout() has something to do; +infinity when nothing
    // is scheduled, 0 when the deadline has passed.
    double secondsUntilNextEvent(TimePoint now) const;

    QuizSummary summary() const;

  private:
    AnswerResult record(std::vector<int> displayed, bool timedOut, TimePoint now);

    std::vector<DrawnQuestion> m_questions;
    QuizConfig m_config;
    QuizPhase m_phase = QuizPhase::NotStarted;
    int m_index = 0;
    TimePoint m_shownAt{};
    int m_score = 0;
    int m_streak = 0;
    std::vector<AnswerResult> m_answers;
};

// ---- class / team session ------------------------------------------------------------------

struct TeamPreset {
    std::string id; // stable, stored in results: "red", "blue", …
    LocalizedText name;
    std::uint32_t colour = 0; // 0xRRGGBB
};

inline constexpr int kMinTeams = 2;
inline constexpr int kMaxTeams = 6;

// Eight presets (红队 Red team, 蓝队 Blue team, …) to choose 2–6 from.
const std::vector<TeamPreset>& teamPresets();
const TeamPreset* findTeamPreset(std::string_view id);

struct TeamSessionSetup {
    std::vector<std::string> teams; // 2–6 distinct preset ids, in turn order
    int questionsPerTeam = 5;
    QuizConfig quiz; // questionCount is ignored (teams × questionsPerTeam are drawn)
};

enum class TeamSessionError { None, TeamCount, UnknownTeam, DuplicateTeam, NoQuestions };
const char* teamSessionErrorName(TeamSessionError error);

struct TeamStanding {
    int team = 0; // index in setup order
    const TeamPreset* preset = nullptr;
    int score = 0;
    int correctCount = 0;
    int answered = 0;
    int total = 0; // questions for this team
    int rank = 1;  // 1-based by score; equal scores share a rank (1, 1, 3)
};

// A school class plays in 2–6 teams that take turns on the kiosk: round-robin, one question
// per turn (team 1 question 1, team 2 question 1, …, team 1 question 2, …). Each team has its
// own questions (no question twice in the session), score and streak. When fewer questions
// are available than teams × questionsPerTeam, every team gets the same smaller number.
// The phases mirror QuizSession; answer()/timeout() act for currentTeam().
//
// Threading/ownership: not thread-safe; use from one thread. Never reads a clock.
class TeamSession {
  public:
    using TimePoint = QuizSession::TimePoint;

    // Deals `questions` to the teams. nullopt with `error` set when the setup is invalid or no
    // team would get a question.
    static std::optional<TeamSession> create(const TeamSessionSetup& setup,
                                             std::vector<DrawnQuestion> questions,
                                             TeamSessionError* error = nullptr);
    // Draws teams × questionsPerTeam questions (least recently used first) and creates it.
    static std::optional<TeamSession> draw(const TeamSessionSetup& setup,
                                           const std::vector<QuizBank>& banks,
                                           const UsageHistory& usage, std::mt19937& rng,
                                           TeamSessionError* error = nullptr);

    bool start(TimePoint now);
    std::optional<AnswerResult> answer(const std::vector<int>& displayed, TimePoint now);
    std::optional<AnswerResult> timeout(TimePoint now);
    // Passes the kiosk to the next team (true) or finishes the session (false).
    bool next(TimePoint now);

    QuizPhase phase() const;
    bool finished() const { return m_finished; }
    int teamCount() const { return static_cast<int>(m_teams.size()); }
    int questionsPerTeam() const { return m_perTeam; }
    int currentTeam() const { return m_turn % teamCount(); }
    int round() const { return m_turn / teamCount() + 1; } // 1-based question round
    int turn() const { return m_turn; }                    // 0 … teams × questionsPerTeam
    const TeamPreset& team(int index) const {
        return *m_teams[static_cast<std::size_t>(index)].preset;
    }
    const QuizSession& teamQuiz(int index) const {
        return m_teams[static_cast<std::size_t>(index)].quiz;
    }
    const DrawnQuestion* currentQuestion() const;
    const QuizConfig& config() const { return m_config; }
    double secondsUntilNextEvent(TimePoint now) const;

    // Every team in setup order, ranked.
    std::vector<TeamStanding> standings() const;
    // Live scoreboard: standings by rank, ties in setup order.
    std::vector<TeamStanding> scoreboard() const;
    // Final podium: the scoreboard's teams with rank ≤ 3 (ties can put more than three there).
    std::vector<TeamStanding> podium() const;

  private:
    struct Team {
        const TeamPreset* preset;
        QuizSession quiz;
    };
    TeamSession(std::vector<Team> teams, int perTeam, QuizConfig config);
    QuizSession& currentQuiz() { return m_teams[static_cast<std::size_t>(currentTeam())].quiz; }

    std::vector<Team> m_teams;
    int m_perTeam = 0;
    QuizConfig m_config;
    int m_turn = 0;
    bool m_started = false;
    bool m_finished = false;
};

// ---- preset nicknames ------------------------------------------------------------------------

// Visitors pick one of these for the leaderboard: no free text, so no personal data. The id is
// what the stats store keeps.
struct PresetNickname {
    std::string id; // stable: "little-archivist"
    LocalizedText name;
};
const std::vector<PresetNickname>& presetNicknames(); // 40 names
const PresetNickname* findNickname(std::string_view id);

} // namespace lantai::core
