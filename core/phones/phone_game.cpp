// core/phones: the phone game's rules — joining and rejoining, the question timer, one answer per
// player per question, speed scoring as on the kiosk, ranks; the messages each phone gets
#include "core/phones/phone_game.h"

#include "core/quiz/engine.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace lantai::core {

namespace {

using nlohmann::json;

json nameJson(const std::string& nicknameId, int sameNickname) {
    const PresetNickname* preset = findNickname(nicknameId);
    json name = {{"zh", preset ? preset->name.zh : nicknameId},
                 {"en", preset ? preset->name.en : nicknameId}};
    if (sameNickname > 1) {
        name["zh"] = name["zh"].get<std::string>() + " " + std::to_string(sameNickname);
        name["en"] = name["en"].get<std::string>() + " " + std::to_string(sameNickname);
    }
    return name;
}

const char* kindName(QuestionType type) {
    switch (type) {
    case QuestionType::Multiple:
        return "multiple";
    case QuestionType::TrueFalse:
        return "true_false";
    default:
        return "single";
    }
}

} // namespace

const char* phonePhaseName(PhonePhase phase) {
    switch (phase) {
    case PhonePhase::Lobby:
        return "lobby";
    case PhonePhase::Question:
        return "question";
    case PhonePhase::Reveal:
        return "reveal";
    case PhonePhase::Leaderboard:
        return "leaderboard";
    case PhonePhase::Podium:
        return "podium";
    }
    return "lobby";
}

std::string makeGamePin(std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%04u", static_cast<unsigned>(1000 + rng() % 9000));
    return buffer;
}

PhoneGame::PhoneGame(std::vector<DrawnQuestion> questions, PhoneGameSettings settings,
                     std::string pin, std::uint64_t seed)
    : m_questions(std::move(questions)), m_settings(settings), m_pin(std::move(pin)), m_rng(seed) {
    for (const auto& q : m_questions)
        m_figures.push_back({q.question.id, 0, 0});
}

std::string PhoneGame::newToken() {
    static const char* hex = "0123456789abcdef";
    std::string token;
    for (int i = 0; i < 2; ++i) {
        std::uint64_t v = m_rng();
        for (int n = 0; n < 16; ++n, v >>= 4)
            token += hex[v & 15];
    }
    return token;
}

void PhoneGame::connected(int connection) {
    m_connections.emplace(
        connection,
        Connection{RateLimiter(m_settings.messagesPerSecond, m_settings.messageBurst), 0});
}

void PhoneGame::disconnected(int connection) {
    auto it = m_connections.find(connection);
    if (it == m_connections.end()) return;
    if (PhonePlayer* p = seatOf(it->second); p && p->connection == connection) {
        p->connection = 0;
        m_changed = true;
    }
    m_connections.erase(it);
}

PhonePlayer* PhoneGame::seatOf(const Connection& c) {
    if (c.seat <= 0 || c.seat > static_cast<int>(m_players.size())) return nullptr;
    return &m_players[static_cast<std::size_t>(c.seat - 1)];
}

void PhoneGame::received(int connection, std::string_view frame, bool binary, double now) {
    ++m_counters.frames;
    auto it = m_connections.find(connection);
    if (it == m_connections.end()) return; // closed meanwhile
    if (!it->second.limiter.allow(now)) {
        ++m_counters.rateLimited;
        return;
    }
    PhoneMessageError error = PhoneMessageError::None;
    const auto message = parsePhoneMessage(frame, binary, error);
    if (!message) {
        if (error == PhoneMessageError::Oversized)
            ++m_counters.oversized;
        else
            ++m_counters.malformed;
        return;
    }
    handle(connection, it->second, *message, now);
}

void PhoneGame::handle(int connection, Connection& c, const PhoneMessage& m, double now) {
    switch (m.type) {
    case PhoneMessage::Type::Hello:
        hello(connection, c, m);
        if (PhonePlayer* p = seatOf(c)) sendState(*p, now);
        return;
    case PhoneMessage::Type::Join:
        join(connection, c, m);
        if (PhonePlayer* p = seatOf(c)) sendState(*p, now);
        return;
    case PhoneMessage::Type::Answer:
        answer(connection, c, m, now);
        return;
    case PhoneMessage::Type::Ping:
        send(connection, json{{"t", "pong"}, {"id", m.id}}.dump());
        return;
    }
}

void PhoneGame::sendWelcome(int connection) {
    json names = json::array();
    for (const auto& n : presetNicknames())
        names.push_back({{"id", n.id}, {"zh", n.name.zh}, {"en", n.name.en}});
    json welcome = {
        {"t", "welcome"}, {"phase", phonePhaseName(m_phase)}, {"names", std::move(names)}};
    if (teamPlay()) {
        json teams = json::array();
        for (int i = 0; i < static_cast<int>(m_settings.teams.size()); ++i)
            teams.push_back(teamJson(i));
        welcome["teams"] = std::move(teams);
    }
    send(connection, welcome.dump());
}

json PhoneGame::teamJson(int team) const {
    const PhoneTeam& t = m_settings.teams[static_cast<std::size_t>(team)];
    const TeamPreset* preset = findTeamPreset(t.preset);
    return {{"id", t.preset},
            {"zh", preset ? preset->name.zh : t.preset},
            {"en", preset ? preset->name.en : t.preset},
            {"colour", t.colour},
            {"text", t.textColour}};
}

void PhoneGame::sendJoined(int connection, const PhonePlayer& p) {
    json joined = {{"t", "joined"},
                   {"token", p.token},
                   {"seat", p.seat},
                   {"nick", p.nickname},
                   {"name", nameJson(p.nickname, p.sameNickname)}};
    if (p.team >= 0) joined["team"] = teamJson(p.team);
    send(connection, joined.dump());
}

void PhoneGame::hello(int connection, Connection& c, const PhoneMessage& m) {
    if (!m.token.empty()) {
        for (auto& p : m_players) {
            if (p.token != m.token) continue;
            if (p.connection != 0 && p.connection != connection) {
                auto old = m_connections.find(p.connection);
                if (old != m_connections.end()) old->second.seat = 0;
            }
            p.connection = connection;
            c.seat = p.seat;
            ++m_counters.rejoins;
            m_changed = true;
            sendJoined(connection, p);
            return;
        }
    }
    sendWelcome(connection);
}

void PhoneGame::join(int connection, Connection& c, const PhoneMessage& m) {
    auto refuse = [&](const char* why) {
        send(connection, json{{"t", "error"}, {"why", why}}.dump());
    };
    if (c.seat != 0) return; // already seated: a repeated join is ignored
    if (m.pin != m_pin) {
        ++m_counters.wrongPins;
        return refuse("pin");
    }
    if (!findNickname(m.nickname)) return refuse("nick");
    int team = -1;
    if (teamPlay()) {
        const auto it = std::find_if(m_settings.teams.begin(), m_settings.teams.end(),
                                     [&](const PhoneTeam& t) { return t.preset == m.team; });
        if (it == m_settings.teams.end()) return refuse("team");
        team = static_cast<int>(it - m_settings.teams.begin());
    }
    if (m_phase == PhonePhase::Podium) return refuse("over");
    if (static_cast<int>(m_players.size()) >= m_settings.maxPlayers) return refuse("full");
    PhonePlayer p;
    p.seat = static_cast<int>(m_players.size()) + 1;
    p.token = newToken();
    p.nickname = m.nickname;
    p.team = team;
    p.sameNickname = 1 + static_cast<int>(std::count_if(
                             m_players.begin(), m_players.end(),
                             [&](const PhonePlayer& o) { return o.nickname == m.nickname; }));
    p.connection = connection;
    // Late joiners wait for the next question.
    p.firstQuestion = m_phase == PhonePhase::Lobby ? 0 : m_index + 1;
    p.rank = 0;
    c.seat = p.seat;
    m_players.push_back(p);
    rank();
    ++m_counters.joins;
    m_changed = true;
    sendJoined(connection, p);
}

void PhoneGame::answer(int connection, Connection& c, const PhoneMessage& m, double now) {
    json ack = {{"t", "ack"}, {"q", m.question}, {"id", m.id}, {"ok", false}};
    PhonePlayer* p = seatOf(c);
    const DrawnQuestion* q = currentQuestion();
    auto refuse = [&](const char* why, long long& counter) {
        ++counter;
        ack["why"] = why;
        send(connection, ack.dump());
    };
    if (!p) return refuse("not_seated", m_counters.malformed);
    if (m_phase != PhonePhase::Question || m.question != m_index || now >= m_deadline || !q)
        return refuse("late", m_counters.lateAnswers);
    if (p->firstQuestion > m_index) return refuse("waiting", m_counters.waitingAnswers);
    if (p->answeredCurrent) return refuse("duplicate", m_counters.duplicateAnswers);
    const bool single = q->question.type != QuestionType::Multiple;
    if ((single && m.answers.size() != 1) ||
        std::any_of(m.answers.begin(), m.answers.end(),
                    [&](int a) { return a >= q->optionCount(); }))
        return refuse("invalid", m_counters.malformed);

    const std::vector<int> original = q->toOriginal(m.answers);
    const double partial = partialCredit(q->question, original);
    const bool correct = isExactlyCorrect(q->question, original);
    const double t = now - m_shownAt;
    int points = answerPoints(partial, t, m_settings.timerSeconds, m_settings.scoring);
    p->streak = correct ? p->streak + 1 : 0;
    if (correct) points += streakBonusPoints(p->streak, m_settings.scoring);
    p->answeredCurrent = true;
    p->lastCorrect = correct;
    p->lastPoints = points;
    p->lastResponseMs = static_cast<int>(std::lround(t * 1000));
    p->score += points;
    p->correct += correct ? 1 : 0;
    ++p->answered;
    for (int a : m.answers)
        ++m_optionCounts[static_cast<std::size_t>(a)];
    ++m_answersThisQuestion;
    ++m_counters.answersAccepted;
    auto& figures = m_figures[static_cast<std::size_t>(m_index)];
    ++figures.answers;
    figures.correct += correct ? 1 : 0;
    m_answers.push_back({q->question.id, correct});
    m_changed = true;
    ack["ok"] = true;
    send(connection, ack.dump());
    if (unansweredPlayers() == 0) reveal();
    if (m_phase == PhonePhase::Reveal) broadcastState(now);
}

bool PhoneGame::start(double now) {
    if (m_phase != PhonePhase::Lobby || m_questions.empty()) return false;
    showQuestion(0, now);
    return true;
}

void PhoneGame::showQuestion(int index, double now) {
    m_index = index;
    m_phase = PhonePhase::Question;
    m_shownAt = now;
    m_deadline = now + m_settings.timerSeconds;
    m_answersThisQuestion = 0;
    m_optionCounts.assign(
        static_cast<std::size_t>(m_questions[static_cast<std::size_t>(index)].optionCount()), 0);
    for (auto& p : m_players) {
        p.answeredCurrent = false;
        p.lastCorrect = false;
        p.lastPoints = 0;
    }
    m_changed = true;
    broadcastState(now);
}

void PhoneGame::reveal() {
    if (m_phase != PhonePhase::Question) return;
    m_phase = PhonePhase::Reveal;
    // A seated player who did not answer loses the streak, as a timeout does on the kiosk.
    for (auto& p : m_players)
        if (!p.answeredCurrent && p.firstQuestion <= m_index) p.streak = 0;
    rank();
    m_changed = true;
}

bool PhoneGame::next(double now) {
    switch (m_phase) {
    case PhonePhase::Question:
        reveal();
        broadcastState(now);
        return true;
    case PhonePhase::Reveal: {
        const bool last = m_index + 1 >= questionCount();
        if (last) {
            m_phase = PhonePhase::Podium;
            m_changed = true;
            broadcastState(now);
        } else if (m_settings.leaderboardEvery > 0 &&
                   (m_index + 1) % m_settings.leaderboardEvery == 0) {
            m_phase = PhonePhase::Leaderboard;
            m_changed = true;
            broadcastState(now);
        } else {
            showQuestion(m_index + 1, now);
        }
        return true;
    }
    case PhonePhase::Leaderboard:
        showQuestion(m_index + 1, now);
        return true;
    default:
        return false;
    }
}

bool PhoneGame::update(double now) {
    if (m_phase != PhonePhase::Question) return false;
    // The timer ran out, or the last phone still to answer went away.
    if (now < m_deadline && !(m_answersThisQuestion > 0 && unansweredPlayers() == 0)) return false;
    reveal();
    broadcastState(now);
    return true;
}

double PhoneGame::secondsUntilNextEvent(double now) const {
    if (m_phase != PhonePhase::Question) return std::numeric_limits<double>::infinity();
    return std::max(0.0, m_deadline - now);
}

double PhoneGame::secondsLeft(double now) const {
    return m_phase == PhonePhase::Question ? std::max(0.0, m_deadline - now) : 0.0;
}

const DrawnQuestion* PhoneGame::currentQuestion() const {
    if (m_phase == PhonePhase::Lobby || m_questions.empty()) return nullptr;
    return &m_questions[static_cast<std::size_t>(m_index)];
}

int PhoneGame::eligiblePlayers() const {
    return static_cast<int>(
        std::count_if(m_players.begin(), m_players.end(), [&](const PhonePlayer& p) {
            return p.connection != 0 && p.firstQuestion <= m_index;
        }));
}

int PhoneGame::unansweredPlayers() const {
    return static_cast<int>(
        std::count_if(m_players.begin(), m_players.end(), [&](const PhonePlayer& p) {
            return p.connection != 0 && p.firstQuestion <= m_index && !p.answeredCurrent;
        }));
}

int PhoneGame::playersOnline() const {
    return static_cast<int>(std::count_if(m_players.begin(), m_players.end(),
                                          [](const PhonePlayer& p) { return p.connection != 0; }));
}

void PhoneGame::rank() {
    for (auto& p : m_players)
        p.rank = 1 + static_cast<int>(
                         std::count_if(m_players.begin(), m_players.end(),
                                       [&](const PhonePlayer& o) { return o.score > p.score; }));
}

std::vector<const PhonePlayer*> PhoneGame::ranking() const {
    std::vector<const PhonePlayer*> out;
    for (const auto& p : m_players)
        out.push_back(&p);
    std::stable_sort(out.begin(), out.end(),
                     [](const PhonePlayer* a, const PhonePlayer* b) { return a->rank < b->rank; });
    return out;
}

std::vector<PhoneTeamStanding> PhoneGame::teamRanking() const {
    std::vector<PhoneTeamStanding> standings(m_settings.teams.size());
    for (std::size_t i = 0; i < standings.size(); ++i)
        standings[i].team = static_cast<int>(i);
    for (const auto& p : m_players) {
        if (p.team < 0 || p.team >= static_cast<int>(standings.size())) continue;
        auto& s = standings[static_cast<std::size_t>(p.team)];
        ++s.members;
        s.totalPoints += p.score;
        s.correct += p.correct;
        s.answered += p.answered;
    }
    return rankTeams(std::move(standings));
}

json PhoneGame::topJson(std::size_t count) const {
    json top = json::array();
    if (teamPlay()) {
        for (const PhoneTeamStanding& t : teamRanking()) {
            if (top.size() >= count || t.members == 0) break;
            json team = teamJson(t.team);
            top.push_back({{"name", {{"zh", team["zh"]}, {"en", team["en"]}}},
                           {"score", t.score},
                           {"rank", t.rank},
                           {"members", t.members},
                           {"colour", team["colour"]},
                           {"text", team["text"]}});
        }
        return top;
    }
    for (const PhonePlayer* o : ranking()) {
        if (top.size() >= count) break;
        top.push_back({{"name", nameJson(o->nickname, o->sameNickname)},
                       {"score", o->score},
                       {"rank", o->rank}});
    }
    return top;
}

void PhoneGame::broadcastState(double now) {
    for (const auto& p : m_players)
        if (p.connection != 0) sendState(p, now);
}

void PhoneGame::sendState(const PhonePlayer& p, double now) {
    json s = {{"t", "state"},
              {"phase", phonePhaseName(m_phase)},
              {"q", m_index},
              {"of", questionCount()},
              {"score", p.score},
              {"rank", p.rank},
              {"players", static_cast<int>(m_players.size())}};
    if (const DrawnQuestion* q = currentQuestion()) {
        s["kind"] = kindName(q->question.type);
        s["options"] = q->optionCount();
    }
    if (m_phase == PhonePhase::Question) {
        s["left_ms"] = static_cast<long long>(std::lround(secondsLeft(now) * 1000));
        s["answered"] = p.answeredCurrent;
        s["waiting"] = p.firstQuestion > m_index;
    }
    if (m_phase == PhonePhase::Reveal) {
        s["correct"] = p.lastCorrect;
        s["points"] = p.lastPoints;
        s["answered"] = p.answeredCurrent;
        s["waiting"] = p.firstQuestion > m_index;
        if (const DrawnQuestion* q = currentQuestion()) s["right"] = q->correctDisplayed();
    }
    if (p.team >= 0) {
        // The player's team: its place and score (the mean of its members' points).
        for (const PhoneTeamStanding& t : teamRanking())
            if (t.team == p.team)
                s["team"] = {{"rank", t.rank}, {"score", t.score}, {"members", t.members}};
    }
    if (m_phase == PhonePhase::Leaderboard || m_phase == PhonePhase::Podium) {
        s["top"] = topJson(m_phase == PhonePhase::Podium ? 3u : 5u);
        s["by"] = teamPlay() ? "team" : "player";
    }
    send(p.connection, s.dump());
}

void PhoneGame::send(int connection, std::string text) {
    m_outbound.push_back({connection, std::move(text)});
}

std::vector<PhoneOutbound> PhoneGame::takeOutbound() {
    std::vector<PhoneOutbound> out;
    out.swap(m_outbound);
    return out;
}

std::vector<PhoneAnswerRecord> PhoneGame::takeAnswers() {
    std::vector<PhoneAnswerRecord> out;
    out.swap(m_answers);
    return out;
}

bool PhoneGame::takeChanged() {
    const bool changed = m_changed;
    m_changed = false;
    return changed;
}

} // namespace lantai::core
