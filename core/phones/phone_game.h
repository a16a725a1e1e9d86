// core/phones: the class quiz on the visitors' phones — seats by token, preset nicknames, question
// phases and timer, answer acceptance, leaderboard and podium (pure logic, time passed in)
#pragma once

#include "core/phones/phone_protocol.h"
#include "core/phones/phone_teams.h"
#include "core/phones/rate_limiter.h"
#include "core/quiz/draw.h"
#include "core/quiz/scoring.h"

#include <cstdint>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

namespace lantai::core {

struct PhoneGameSettings {
    ScoringRules scoring;         // as on the kiosk (quiz.scoring, quiz.streak_bonus)
    double timerSeconds = 20;     // per question; phones always play against a timer
    int leaderboardEvery = 3;     // a leaderboard after every n-th question (not the last)
    int maxPlayers = 80;          // seats; joins beyond are refused ("full")
    double messagesPerSecond = 5; // per connection, after a burst of ...
    double messageBurst = 10;     // ... messages; the rest is dropped and counted
    // Team play: 2–6 teams (classContestTeams); each phone picks one when it joins, answers for
    // itself, and the leaderboard and podium rank the teams. Empty: each player for themselves.
    std::vector<PhoneTeam> teams;
};

enum class PhonePhase {
    Lobby,       // phones join; the teacher starts
    Question,    // answers are taken until the timer runs out or every seated phone answered
    Reveal,      // the correct answer and the explanation; the teacher moves on
    Leaderboard, // every leaderboardEvery questions
    Podium,      // the end: the top three
};
const char* phonePhaseName(PhonePhase phase);

// One seat: a phone that joined, kept across reconnections by its token.
struct PhonePlayer {
    int seat = 0;          // 1-based, in join order
    std::string token;     // 32 hex digits; the phone keeps it in localStorage
    std::string nickname;  // preset id (core/quiz presetNicknames)
    int sameNickname = 1;  // 2, 3, … when others took the nickname first (shown after it)
    int team = -1;         // index in the game's teams; -1 in an individual game
    int connection = 0;    // the connection it answers on; 0 while offline
    int firstQuestion = 0; // the first question it may answer (late joiners wait)
    int score = 0;
    int correct = 0;
    int answered = 0;
    int streak = 0;
    int rank = 1;
    // The current question.
    bool answeredCurrent = false;
    bool lastCorrect = false;
    int lastPoints = 0;
    int lastResponseMs = 0;
};

// A given answer, for the visitor statistics (quiz_answer events).
struct PhoneAnswerRecord {
    std::string questionId;
    bool correct = false;
};

struct PhoneQuestionFigures {
    std::string questionId;
    int answers = 0;
    int correct = 0;
};

// Everything that was refused or dropped, for the state report and the tests.
struct PhoneGameCounters {
    long long frames = 0;      // frames received
    long long malformed = 0;   // not JSON, wrong fields, unknown type, binary
    long long oversized = 0;   // longer than kMaxPhoneMessageBytes
    long long rateLimited = 0; // over the connection's rate
    long long answersAccepted = 0;
    long long duplicateAnswers = 0; // a second answer to the same question
    long long lateAnswers = 0;      // after the time (or for another question)
    long long waitingAnswers = 0;   // a late joiner before its first question
    long long wrongPins = 0;
    long long joins = 0;
    long long rejoins = 0; // hello with a known token
};

// A message for one connection (the server sends it; the game never touches the network).
struct PhoneOutbound {
    int connection = 0;
    std::string text;
};

// The game between the booth and the phones. The host feeds it the network's events (connected,
// received, disconnected) and the teacher's taps (start, next), calls update() for the timer, and
// sends what takeOutbound() returns. Answers are judged at the time the host hands them in.
//
// Threading/ownership: not thread-safe; one thread (the kiosk's main thread). Owns copies of its
// questions. Never reads a clock: every time is seconds on the host's monotonic clock.
class PhoneGame {
  public:
    PhoneGame(std::vector<DrawnQuestion> questions, PhoneGameSettings settings, std::string pin,
              std::uint64_t seed);

    // ---- the network
    void connected(int connection);
    void disconnected(int connection);
    void received(int connection, std::string_view frame, bool binary, double now);

    // ---- the teacher
    bool start(double now); // Lobby -> the first question
    // Question -> Reveal (ends it early); Reveal -> Leaderboard, the next question or Podium;
    // Leaderboard -> the next question. False in the Lobby or on the podium.
    bool next(double now);
    // The timer: Question -> Reveal when it ran out. True when something changed.
    bool update(double now);
    double secondsUntilNextEvent(double now) const; // +infinity when nothing is scheduled

    std::vector<PhoneOutbound> takeOutbound();
    std::vector<PhoneAnswerRecord> takeAnswers();
    // Something the booth shows changed since the last call (joins, answers, phases).
    bool takeChanged();

    // ---- what the booth shows
    PhonePhase phase() const { return m_phase; }
    const std::string& pin() const { return m_pin; }
    int questionIndex() const { return m_index; } // 0-based; meaningful from the first question
    int questionCount() const { return static_cast<int>(m_questions.size()); }
    const DrawnQuestion* currentQuestion() const;
    double secondsLeft(double now) const;
    double timerSeconds() const { return m_settings.timerSeconds; }
    int answersThisQuestion() const { return m_answersThisQuestion; }
    int eligiblePlayers() const; // seated and online, may answer this question
    // Seated, online, may answer and have not: the question ends when none are left.
    int unansweredPlayers() const;
    int playersOnline() const;
    const std::vector<PhonePlayer>& players() const { return m_players; } // by seat
    std::vector<const PhonePlayer*> ranking() const;                      // by rank, then seat
    bool teamPlay() const { return !m_settings.teams.empty(); }
    const std::vector<PhoneTeam>& teams() const { return m_settings.teams; }
    // Every team by rank (score = the mean of its members' points), empty teams last.
    std::vector<PhoneTeamStanding> teamRanking() const;
    // The chosen displayed options of this question, counted (the reveal's bars).
    const std::vector<int>& optionCounts() const { return m_optionCounts; }
    const std::vector<PhoneQuestionFigures>& questionFigures() const { return m_figures; }
    const PhoneGameCounters& counters() const { return m_counters; }

  private:
    struct Connection {
        RateLimiter limiter;
        int seat = 0; // 0: not seated
    };

    void handle(int connection, Connection& c, const PhoneMessage& m, double now);
    void hello(int connection, Connection& c, const PhoneMessage& m);
    void join(int connection, Connection& c, const PhoneMessage& m);
    void answer(int connection, Connection& c, const PhoneMessage& m, double now);
    void showQuestion(int index, double now);
    void reveal();
    void rank();
    void broadcastState(double now);
    void sendState(const PhonePlayer& player, double now);
    void sendWelcome(int connection);
    void sendJoined(int connection, const PhonePlayer& p);
    nlohmann::json teamJson(int team) const;
    nlohmann::json topJson(std::size_t count) const;
    void send(int connection, std::string text);
    PhonePlayer* seatOf(const Connection& c);
    std::string newToken();

    std::vector<DrawnQuestion> m_questions;
    PhoneGameSettings m_settings;
    std::string m_pin;
    std::mt19937_64 m_rng;
    PhonePhase m_phase = PhonePhase::Lobby;
    int m_index = 0;
    double m_shownAt = 0;
    double m_deadline = 0;
    int m_answersThisQuestion = 0;
    std::vector<int> m_optionCounts;
    std::vector<PhonePlayer> m_players;
    std::map<int, Connection> m_connections;
    std::vector<PhoneOutbound> m_outbound;
    std::vector<PhoneAnswerRecord> m_answers;
    std::vector<PhoneQuestionFigures> m_figures;
    PhoneGameCounters m_counters;
    bool m_changed = true;
};

// The 4-digit game PIN phones type (or find in the join QR code), from `seed`.
std::string makeGamePin(std::uint64_t seed);

} // namespace lantai::core
