// kiosk/ui: quiz stages and sessions; results, question usage and leaderboards through the stats
// store
#include "kiosk/ui/quiz_controller.h"

#include "core/base/log.h"
#include "core/base/pin_hash.h"
#include "kiosk/ui/quiz_stats_records.h"

#include <algorithm>
#include <ctime>

namespace lantai::kiosk {

namespace {

std::int64_t unixNow() {
    return static_cast<std::int64_t>(std::time(nullptr));
}

constexpr std::size_t kNicknameChoices = 12;

} // namespace

const char* quizStageName(QuizStage stage) {
    switch (stage) {
    case QuizStage::Entry:
        return "entry";
    case QuizStage::Nickname:
        return "nickname";
    case QuizStage::Pin:
        return "pin";
    case QuizStage::TeamSetup:
        return "team_setup";
    case QuizStage::Playing:
        return "playing";
    case QuizStage::Result:
        return "result";
    case QuizStage::Phones:
        return "phones";
    }
    return "entry";
}

void QuizController::configure(const core::Pack* pack, core::StatsWriter* stats,
                               QuizSettings settings) {
    m_pack = pack;
    m_stats = stats;
    m_settings = std::move(settings);
    reset();
}

bool QuizController::available() const {
    return m_pack && m_pack->questionCount() > 0;
}

void QuizController::reset() {
    m_stage = QuizStage::Entry;
    m_nickname.clear();
    m_pin.clear();
    m_pinRejected = false;
    m_message.clear();
    m_solo.reset();
    m_team.reset();
    m_selected.clear();
    m_summary = {};
    m_leaderboard.clear();
    m_rank = 0;
    m_rankingAvailable = false;
}

core::QuizConfig QuizController::quizConfig() const {
    core::QuizConfig config;
    config.questionCount = m_settings.questions;
    config.filter.ageBand = m_ageBand;
    config.scoring.mode = m_settings.scoring;
    config.scoring.streakBonus = m_settings.streakBonus;
    config.timerSeconds = m_settings.timerSeconds;
    config.minAnswerMs = m_settings.minAnswerMs;
    return config;
}

core::UsageHistory QuizController::usage() const {
    if (!m_stats) return {};
    return usageHistory(m_stats->questionUsage().valueOr(core::QuestionUsageRecords{}));
}

std::string QuizController::bankId() const {
    return m_pack && m_pack->quizBanks.size() == 1 ? m_pack->quizBanks.front().id : std::string();
}

core::LeaderboardQuery QuizController::todayQuery(std::int64_t nowUnix) const {
    core::LeaderboardQuery query;
    query.range = core::localDayRange(nowUnix, core::localUtcOffsetSeconds(nowUnix));
    query.packId = m_pack ? m_pack->id : "";
    query.bank = bankId();
    query.ageBand = core::ageBandName(m_ageBand);
    query.mode = core::scoringModeName(m_settings.scoring);
    query.limit = 10;
    return query;
}

void QuizController::begin(TimePoint) {
    reset();
}

void QuizController::chooseLevel(core::AgeBand band, TimePoint) {
    m_ageBand = band;
    // A fresh, shuffled handful of the preset nicknames for each visitor.
    m_nicknameChoices.clear();
    for (const auto& n : core::presetNicknames())
        m_nicknameChoices.push_back(&n);
    std::shuffle(m_nicknameChoices.begin(), m_nicknameChoices.end(), m_rng);
    if (m_nicknameChoices.size() > kNicknameChoices) m_nicknameChoices.resize(kNicknameChoices);
    m_stage = QuizStage::Nickname;
}

void QuizController::chooseNickname(const std::string& presetId, TimePoint now) {
    m_nickname = core::findNickname(presetId) ? presetId : "";
    startSolo(now);
}

void QuizController::startSolo(TimePoint now) {
    auto questions = core::drawQuestions(m_pack->quizBanks, quizConfig(), usage(), m_rng);
    if (questions.empty()) {
        m_message = "no questions for this level";
        m_stage = QuizStage::Entry;
        return;
    }
    std::vector<std::string> ids;
    for (const auto& q : questions)
        ids.push_back(q.question.id);
    if (m_stats) // kept in memory when it cannot be written now (the writer logs why)
        (void)m_stats->recordQuestionUsage(std::move(ids), unixNow());
    m_solo.emplace(std::move(questions), quizConfig());
    m_solo->start(now);
    m_selected.clear();
    m_stage = QuizStage::Playing;
    happened(QuizHappening::Type::Started);
}

bool QuizController::previewQuestion(const std::string& questionId, TimePoint now) {
    if (!m_pack) return false;
    for (const auto& bank : m_pack->quizBanks)
        for (const auto& question : bank.questions) {
            if (question.id != questionId) continue;
            core::DrawnQuestion drawn{bank.id, question, {}};
            const int options = question.type == core::QuestionType::TrueFalse
                                    ? 2
                                    : static_cast<int>(question.options.size());
            for (int i = 0; i < options; ++i)
                drawn.optionOrder.push_back(i);
            reset();
            std::vector<core::DrawnQuestion> one;
            one.push_back(std::move(drawn));
            m_solo.emplace(std::move(one), quizConfig());
            m_solo->start(now);
            m_selected.clear();
            m_stage = QuizStage::Playing;
            return true;
        }
    return false;
}

void QuizController::openPin() {
    m_pin.clear();
    m_pinRejected = false;
    m_stage = QuizStage::Pin;
}

void QuizController::pinDigit(char digit) {
    if (m_pin.size() < 12) m_pin += digit;
    m_pinRejected = false;
}

void QuizController::pinClear() {
    m_pin.clear();
    m_pinRejected = false;
}

void QuizController::pinSubmit() {
    if (!m_settings.teacherPinHash.empty() && core::verifyPin(m_pin, m_settings.teacherPinHash)) {
        m_stage = QuizStage::TeamSetup;
        core::logInfo("quiz: class session unlocked");
    } else {
        m_pinRejected = true;
        core::logInfo("quiz: wrong teacher PIN");
    }
    m_pin.clear();
}

void QuizController::startTeams(TimePoint now) {
    core::TeamSessionSetup setup;
    for (int i = 0; i < m_teamCount && i < static_cast<int>(core::teamPresets().size()); ++i)
        setup.teams.push_back(core::teamPresets()[static_cast<std::size_t>(i)].id);
    setup.questionsPerTeam = m_perTeam;
    setup.quiz = quizConfig();
    core::TeamSessionError error = core::TeamSessionError::None;
    m_team = core::TeamSession::draw(setup, m_pack->quizBanks, usage(), m_rng, &error);
    if (!m_team) {
        m_message = core::teamSessionErrorName(error);
        return;
    }
    m_teamStartedUnix = unixNow();
    m_team->start(now);
    m_selected.clear();
    m_stage = QuizStage::Playing;
    happened(QuizHappening::Type::Started);
    core::logInfo("quiz: class session with " + std::to_string(m_teamCount) + " teams started");
}

const core::DrawnQuestion* QuizController::question() const {
    if (m_team) return m_team->currentQuestion();
    return m_solo ? m_solo->currentQuestion() : nullptr;
}

core::QuizPhase QuizController::phase() const {
    if (m_team) return m_team->phase();
    return m_solo ? m_solo->phase() : core::QuizPhase::NotStarted;
}

const core::AnswerResult* QuizController::lastResult() const {
    if (m_team) {
        if (m_team->phase() != core::QuizPhase::Answered) return nullptr;
        return m_team->teamQuiz(m_team->currentTeam()).lastResult();
    }
    return m_solo ? m_solo->lastResult() : nullptr;
}

int QuizController::questionIndex() const {
    if (m_team) return m_team->turn();
    return m_solo ? m_solo->currentIndex() : 0;
}

int QuizController::questionCount() const {
    if (m_team) return m_team->teamCount() * m_team->questionsPerTeam();
    return m_solo ? m_solo->questionCount() : 0;
}

int QuizController::score() const {
    return m_solo ? m_solo->score() : 0;
}

double QuizController::secondsLeft(TimePoint now) const {
    if (m_team) return m_team->teamQuiz(m_team->currentTeam()).secondsLeft(now);
    return m_solo ? m_solo->secondsLeft(now) : 0;
}

bool QuizController::timerRunning() const {
    return m_stage == QuizStage::Playing && m_settings.timerSeconds > 0 &&
           phase() == core::QuizPhase::Asking;
}

void QuizController::toggleOption(int displayed) {
    auto it = std::find(m_selected.begin(), m_selected.end(), displayed);
    if (it == m_selected.end())
        m_selected.push_back(displayed);
    else
        m_selected.erase(it);
}

void QuizController::answer(int displayed, TimePoint now) {
    m_selected = {displayed};
    submit(now);
}

void QuizController::submit(TimePoint now) {
    if (phase() != core::QuizPhase::Asking || m_selected.empty()) return;
    std::sort(m_selected.begin(), m_selected.end());
    if (m_team)
        m_team->answer(m_selected, now);
    else if (m_solo)
        m_solo->answer(m_selected, now);
    noteAnswer();
}

void QuizController::happened(QuizHappening::Type type) {
    QuizHappening h;
    h.type = type;
    h.team = m_team.has_value();
    h.ageBand = m_ageBand;
    m_happenings.push_back(std::move(h));
}

void QuizController::noteAnswer() {
    const core::AnswerResult* result = lastResult();
    if (!result) return;
    happened(QuizHappening::Type::Answered);
    m_happenings.back().questionId = result->questionId;
    m_happenings.back().correct = result->correct;
}

std::vector<QuizHappening> QuizController::takeHappenings() {
    std::vector<QuizHappening> out;
    out.swap(m_happenings);
    return out;
}

void QuizController::next(TimePoint now) {
    m_selected.clear();
    if (m_team) {
        m_team->next(now);
        if (m_team->finished()) finish(now);
    } else if (m_solo) {
        m_solo->next(now);
        if (m_solo->finished()) finish(now);
    }
}

void QuizController::finish(TimePoint) {
    const std::int64_t nowUnix = unixNow();
    m_stage = QuizStage::Result;
    if (m_team) {
        auto record = teamSessionRecord(*m_team, m_pack->id, bankId(), m_teamStartedUnix, nowUnix);
        happened(QuizHappening::Type::ContestFinished);
        m_happenings.back().teams = m_team->teamCount();
        if (!record.teams.empty()) m_happenings.back().winner = record.teams.front().presetId;
        if (m_stats) // kept in memory when it cannot be written now (the writer logs why)
            (void)m_stats->recordTeamSession(std::move(record));
        core::logInfo("quiz: class session finished");
        return;
    }
    m_summary = m_solo->summary();
    happened(QuizHappening::Type::Finished);
    m_happenings.back().score = m_summary.score;
    m_rank = 0;
    m_rankingAvailable = false;
    m_leaderboard.clear();
    if (!m_stats) return;
    core::LeaderboardRules rules;
    rules.cooldownMinutes = m_settings.cooldownMinutes;
    rules.dailyCap = m_settings.dailyCap;
    rules.minAnswerMs = m_settings.minAnswerMs;
    rules.nicknames = presetNicknameIds();
    auto record =
        quizResultRecord(m_summary, m_solo->config(), m_pack->id, bankId(), m_nickname, nowUnix);
    record.ageBand = core::ageBandName(m_ageBand);
    const auto query = todayQuery(nowUnix);
    // Not stored now (the writer keeps it in memory and logs why): no rank to show.
    const auto outcome = m_stats->recordQuizResult(record, query.range, rules);
    if (!outcome || outcome->rankUnknown) return;
    auto board = m_stats->topResults(query);
    if (!board) return;
    m_rank = outcome->status == core::LeaderboardStatus::Counted ? outcome->rank : 0;
    m_leaderboard = std::move(board).value();
    m_rankingAvailable = true;
}

bool QuizController::update(TimePoint now) {
    if (!timerRunning() || secondsLeft(now) > 0) return false;
    if (m_team)
        m_team->timeout(now);
    else if (m_solo)
        m_solo->timeout(now);
    m_selected.clear();
    noteAnswer();
    return true;
}

double QuizController::secondsUntilNextEvent(TimePoint now) const {
    return timerRunning() ? std::max(0.0, secondsLeft(now)) : -1;
}

} // namespace lantai::kiosk
