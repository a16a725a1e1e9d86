// kiosk/ui: the quiz as the kiosk runs it — stages, the solo or team session, results into the
// stats store
#pragma once

#include "core/quiz/answer_timing.h"
#include "core/quiz/engine.h"
#include "core/stats/stats_writer.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace lantai::kiosk {

// Quiz settings from the kiosk configuration ([quiz] keys).
struct QuizSettings {
    core::ScoringMode scoring = core::ScoringMode::Accuracy;
    int questions = 5;
    double timerSeconds = 0;
    bool streakBonus = false;
    int minAnswerMs = core::kDefaultMinAnswerMs;
    int cooldownMinutes = 10;
    int dailyCap = 5;
    std::string teacherPinHash; // empty: class sessions disabled
};

enum class QuizStage { Entry, Nickname, Pin, TeamSetup, Playing, Result, Phones };
const char* quizStageName(QuizStage stage);

// Something that happened in the quiz, for the visitor statistics (the runtime drains them).
struct QuizHappening {
    enum class Type { Started, Answered, Finished, ContestFinished };
    Type type = Type::Started;
    bool team = false;
    core::AgeBand ageBand = core::AgeBand::Adult;
    std::string questionId; // Answered: the question's stable id
    bool correct = false;   // Answered (a timeout is wrong)
    int score = 0;          // Finished: the solo score
    int teams = 0;          // ContestFinished: how many teams played
    std::string winner;     // ContestFinished: the first-placed team's preset id
};

// Drives one visitor's (or one class's) quiz. Screens read it and call its actions; the app
// calls update() every loop iteration (timers) and reset() when a visit ends.
//
// Threading: main thread only. Holds a pointer to the pack's banks and to the stats writer
// (may be null: results are then not kept), both owned by the app. A result the writer cannot
// store now waits in its memory queue; the result screen then says that today's ranking is
// unavailable instead of showing a rank.
class QuizController {
  public:
    using TimePoint = std::chrono::steady_clock::time_point;

    void configure(const core::Pack* pack, core::StatsWriter* stats, QuizSettings settings);
    bool available() const; // the pack has at least one question
    bool classSessionsEnabled() const { return !m_settings.teacherPinHash.empty(); }

    QuizStage stage() const { return m_stage; }
    bool teamMode() const { return m_team.has_value(); }
    core::AgeBand ageBand() const { return m_ageBand; }
    const std::string& nickname() const { return m_nickname; }
    const std::vector<const core::PresetNickname*>& nicknameChoices() const {
        return m_nicknameChoices;
    }
    const std::string& pinDigits() const { return m_pin; }
    bool pinRejected() const { return m_pinRejected; }
    int teamCount() const { return m_teamCount; }
    int perTeam() const { return m_perTeam; }
    const std::string& message() const { return m_message; } // e.g. not enough questions

    // Stage actions (taps).
    void begin(TimePoint now); // home tile: Entry
    void chooseLevel(core::AgeBand band, TimePoint now);
    void chooseNickname(const std::string& presetId, TimePoint now); // "" = no leaderboard
    void openPin();
    void pinDigit(char digit);
    void pinClear();
    void pinSubmit();
    void setTeamCount(int count) {
        m_teamCount = std::clamp(count, core::kMinTeams, core::kMaxTeams);
    }
    void setPerTeam(int count) { m_perTeam = std::clamp(count, 1, 20); }
    void startTeams(TimePoint now);
    // "Class on phones": the runtime opened a phone game (kiosk/ui/phones_view.h) — the quiz
    // screen shows it until reset().
    void showPhones() { m_stage = QuizStage::Phones; }
    void toggleOption(int displayed);          // multiple choice: select / unselect
    void answer(int displayed, TimePoint now); // single / true-false: answer right away
    void submit(TimePoint now);                // multiple choice
    void next(TimePoint now);
    void reset();
    // The editor's preview: a solo session of just this question of the pack, options in the
    // pack's order, nothing recorded. False when the pack has no such question.
    bool previewQuestion(const std::string& questionId, TimePoint now);

    // What happened since the last call, oldest first (started, each answer, finished).
    std::vector<QuizHappening> takeHappenings();

    // Timers: call every loop iteration.
    bool update(TimePoint now);
    double secondsUntilNextEvent(TimePoint now) const; // negative: nothing scheduled
    bool timerRunning() const;
    double timerSeconds() const { return m_settings.timerSeconds; }

    // What the play screen shows.
    const core::DrawnQuestion* question() const;
    core::QuizPhase phase() const;
    const core::AnswerResult* lastResult() const;
    const std::vector<int>& selected() const { return m_selected; }
    int questionIndex() const;
    int questionCount() const;
    int score() const;
    double secondsLeft(TimePoint now) const;
    const core::TeamSession* team() const { return m_team ? &*m_team : nullptr; }
    const core::QuizSummary& summary() const { return m_summary; }
    const std::vector<core::LeaderboardEntry>& leaderboard() const { return m_leaderboard; }
    int rank() const { return m_rank; } // today's rank of the last solo result, 0 = not ranked
    // The last solo result is stored and today's leaderboard was read: rank() and leaderboard()
    // are meaningful. False while the stats database cannot be written or read.
    bool rankingAvailable() const { return m_rankingAvailable; }

  private:
    void startSolo(TimePoint now);
    void finish(TimePoint now);
    void happened(QuizHappening::Type type);
    void noteAnswer();
    core::QuizConfig quizConfig() const;
    core::UsageHistory usage() const;
    core::LeaderboardQuery todayQuery(std::int64_t nowUnix) const;
    std::string bankId() const;

    const core::Pack* m_pack = nullptr;
    core::StatsWriter* m_stats = nullptr;
    QuizSettings m_settings;
    std::mt19937 m_rng{std::random_device{}()};

    QuizStage m_stage = QuizStage::Entry;
    core::AgeBand m_ageBand = core::AgeBand::Adult;
    std::string m_nickname;
    std::vector<const core::PresetNickname*> m_nicknameChoices;
    std::string m_pin;
    std::vector<QuizHappening> m_happenings;
    bool m_pinRejected = false;
    int m_teamCount = 2;
    int m_perTeam = 5;
    std::string m_message;
    std::optional<core::QuizSession> m_solo;
    std::optional<core::TeamSession> m_team;
    std::int64_t m_teamStartedUnix = 0;
    std::vector<int> m_selected;
    core::QuizSummary m_summary;
    std::vector<core::LeaderboardEntry> m_leaderboard;
    int m_rank = 0;
    bool m_rankingAvailable = false;
};

} // namespace lantai::kiosk
