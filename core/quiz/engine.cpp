// core/quiz: quiz engine — solo session, class/team session, preset names, teacher PIN (pure logic)
#include "core/quiz/engine.h"

#include "core/base/steady_duration.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lantai::core {

namespace {

using Clock = QuizSession::Clock;
using TimePoint = QuizSession::TimePoint;

Clock::duration toDuration(double seconds) {
    return steadyDuration(seconds);
}

} // namespace

std::vector<DrawnQuestion> drawQuestions(const std::vector<QuizBank>& banks,
                                         const QuizConfig& config, const UsageHistory& usage,
                                         std::mt19937& rng) {
    return drawQuestions(banks, config.filter, config.questionCount, usage, rng,
                         config.shuffleOptions);
}

// ---- QuizSession -------------------------------------------------------------------------------

QuizSession::QuizSession(std::vector<DrawnQuestion> questions, QuizConfig config)
    : m_questions(std::move(questions)), m_config(std::move(config)) {}

bool QuizSession::start(TimePoint now) {
    if (m_phase != QuizPhase::NotStarted) return false;
    m_index = 0;
    if (m_questions.empty()) {
        m_phase = QuizPhase::Finished;
        return false;
    }
    m_phase = QuizPhase::Asking;
    m_shownAt = now;
    return true;
}

std::optional<TimePoint> QuizSession::deadline() const {
    if (m_phase != QuizPhase::Asking || !(m_config.timerSeconds > 0.0)) return std::nullopt;
    return m_shownAt + toDuration(m_config.timerSeconds);
}

double QuizSession::secondsLeft(TimePoint now) const {
    const auto d = deadline();
    if (!d) return 0.0;
    return std::max(0.0, std::chrono::duration<double>(*d - now).count());
}

double QuizSession::secondsUntilNextEvent(TimePoint now) const {
    if (!deadline()) return std::numeric_limits<double>::infinity();
    return secondsLeft(now);
}

std::optional<AnswerResult> QuizSession::answer(const std::vector<int>& displayed, TimePoint now) {
    if (m_phase != QuizPhase::Asking) return std::nullopt;
    const auto d = deadline();
    if (d && now > *d) return record({}, true, now);
    return record(displayed, false, now);
}

std::optional<AnswerResult> QuizSession::timeout(TimePoint now) {
    const auto d = deadline();
    if (!d || now < *d) return std::nullopt;
    return record({}, true, now);
}

AnswerResult QuizSession::record(std::vector<int> displayed, bool timedOut, TimePoint now) {
    const DrawnQuestion& dq = m_questions[static_cast<std::size_t>(m_index)];
    const Question& q = dq.question;
    AnswerResult r;
    r.questionId = q.id;
    r.correctOptions = dq.correctDisplayed();
    r.explanation = q.explanation;
    r.timedOut = timedOut;
    const auto elapsed = std::max(Clock::duration::zero(), now - m_shownAt);
    const double seconds = std::chrono::duration<double>(elapsed).count();
    r.responseMs = static_cast<int>(
        std::min<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(),
                            std::numeric_limits<int>::max()));

    if (!timedOut) {
        std::sort(displayed.begin(), displayed.end());
        displayed.erase(std::unique(displayed.begin(), displayed.end()), displayed.end());
        r.chosen = displayed;
        const std::vector<int> original = dq.toOriginal(displayed);
        // An out-of-range index makes the answer wrong rather than silently dropping it.
        const bool valid = original.size() == displayed.size();
        r.correct = valid && isExactlyCorrect(q, original);
        r.partialCredit = valid ? partialCredit(q, original) : 0.0;
        r.tooFast = r.responseMs < m_config.minAnswerMs;
        r.points = answerPoints(r.partialCredit, seconds, m_config.timerSeconds, m_config.scoring);
        if (q.type == QuestionType::TrueFalse && original.size() == 1)
            r.feedback = original[0] == 0 ? q.feedbackTrue : q.feedbackFalse;
        else if (q.type == QuestionType::Single && original.size() == 1)
            r.feedback = q.options[static_cast<std::size_t>(original[0])].feedback;
    }

    m_streak = r.correct ? m_streak + 1 : 0;
    r.streak = m_streak;
    if (r.correct) {
        r.streakBonus = streakBonusPoints(m_streak, m_config.scoring);
        r.points += r.streakBonus;
    }
    m_score += r.points;
    m_answers.push_back(r);
    m_phase = QuizPhase::Answered;
    return r;
}

bool QuizSession::next(TimePoint now) {
    if (m_phase != QuizPhase::Answered) return false;
    ++m_index;
    if (m_index >= questionCount()) {
        m_phase = QuizPhase::Finished;
        return false;
    }
    m_phase = QuizPhase::Asking;
    m_shownAt = now;
    return true;
}

const DrawnQuestion* QuizSession::currentQuestion() const {
    if (m_phase != QuizPhase::Asking && m_phase != QuizPhase::Answered) return nullptr;
    return &m_questions[static_cast<std::size_t>(m_index)];
}

const AnswerResult* QuizSession::lastResult() const {
    return m_answers.empty() ? nullptr : &m_answers.back();
}

QuizSummary QuizSession::summary() const {
    QuizSummary s;
    s.score = m_score;
    s.total = questionCount();
    s.answered = static_cast<int>(m_answers.size());
    s.finished = finished();
    s.answers = m_answers;
    for (const auto& a : m_answers) {
        if (a.correct) ++s.correctCount;
        if (a.timedOut) ++s.timedOutCount;
        if (a.tooFast) ++s.tooFastCount;
        s.bestStreak = std::max(s.bestStreak, a.streak);
        if (!a.timedOut && (s.fastestAnswerMs < 0 || a.responseMs < s.fastestAnswerMs))
            s.fastestAnswerMs = a.responseMs;
    }
    return s;
}

// ---- TeamSession -------------------------------------------------------------------------------

const std::vector<TeamPreset>& teamPresets() {
    static const std::vector<TeamPreset> presets = {
        {"red", {"红队", "Red team"}, 0xD7263D},
        {"blue", {"蓝队", "Blue team"}, 0x1B6CA8},
        {"green", {"绿队", "Green team"}, 0x2E9E4F},
        {"yellow", {"黄队", "Yellow team"}, 0xE8A900},
        {"purple", {"紫队", "Purple team"}, 0x7B4FA0},
        {"orange", {"橙队", "Orange team"}, 0xF07A1A},
        {"teal", {"青队", "Teal team"}, 0x12A4A4},
        {"pink", {"粉队", "Pink team"}, 0xE0609A},
    };
    return presets;
}

const TeamPreset* findTeamPreset(std::string_view id) {
    for (const auto& p : teamPresets())
        if (p.id == id) return &p;
    return nullptr;
}

const char* teamSessionErrorName(TeamSessionError error) {
    switch (error) {
    case TeamSessionError::None:
        return "none";
    case TeamSessionError::TeamCount:
        return "team_count";
    case TeamSessionError::UnknownTeam:
        return "unknown_team";
    case TeamSessionError::DuplicateTeam:
        return "duplicate_team";
    case TeamSessionError::NoQuestions:
        return "no_questions";
    }
    return "none";
}

TeamSession::TeamSession(std::vector<Team> teams, int perTeam, QuizConfig config)
    : m_teams(std::move(teams)), m_perTeam(perTeam), m_config(std::move(config)) {}

std::optional<TeamSession> TeamSession::create(const TeamSessionSetup& setup,
                                               std::vector<DrawnQuestion> questions,
                                               TeamSessionError* error) {
    auto fail = [&](TeamSessionError e) {
        if (error) *error = e;
        return std::nullopt;
    };
    const int n = static_cast<int>(setup.teams.size());
    if (n < kMinTeams || n > kMaxTeams) return fail(TeamSessionError::TeamCount);
    std::vector<const TeamPreset*> presets;
    for (const auto& id : setup.teams) {
        const TeamPreset* p = findTeamPreset(id);
        if (!p) return fail(TeamSessionError::UnknownTeam);
        if (std::find(presets.begin(), presets.end(), p) != presets.end())
            return fail(TeamSessionError::DuplicateTeam);
        presets.push_back(p);
    }
    const int perTeam =
        std::min(std::max(0, setup.questionsPerTeam), static_cast<int>(questions.size()) / n);
    if (perTeam == 0) return fail(TeamSessionError::NoQuestions);

    // Deal round-robin: team t gets questions t, t + n, t + 2n, …
    std::vector<Team> teams;
    for (int t = 0; t < n; ++t) {
        std::vector<DrawnQuestion> own;
        for (int k = 0; k < perTeam; ++k)
            own.push_back(std::move(questions[static_cast<std::size_t>(t + k * n)]));
        teams.push_back(
            {presets[static_cast<std::size_t>(t)], QuizSession(std::move(own), setup.quiz)});
    }
    if (error) *error = TeamSessionError::None;
    return TeamSession(std::move(teams), perTeam, setup.quiz);
}

std::optional<TeamSession> TeamSession::draw(const TeamSessionSetup& setup,
                                             const std::vector<QuizBank>& banks,
                                             const UsageHistory& usage, std::mt19937& rng,
                                             TeamSessionError* error) {
    const int n = static_cast<int>(setup.teams.size());
    const int count = std::max(0, setup.questionsPerTeam) * std::clamp(n, 0, kMaxTeams);
    return create(
        setup,
        drawQuestions(banks, setup.quiz.filter, count, usage, rng, setup.quiz.shuffleOptions),
        error);
}

bool TeamSession::start(TimePoint now) {
    if (m_started) return false;
    m_started = true;
    m_turn = 0;
    return currentQuiz().start(now);
}

std::optional<AnswerResult> TeamSession::answer(const std::vector<int>& displayed, TimePoint now) {
    if (!m_started || m_finished) return std::nullopt;
    return currentQuiz().answer(displayed, now);
}

std::optional<AnswerResult> TeamSession::timeout(TimePoint now) {
    if (!m_started || m_finished) return std::nullopt;
    return currentQuiz().timeout(now);
}

bool TeamSession::next(TimePoint now) {
    if (!m_started || m_finished || currentQuiz().phase() != QuizPhase::Answered) return false;
    ++m_turn;
    if (m_turn >= teamCount() * m_perTeam) {
        for (auto& t : m_teams)
            t.quiz.next(now); // each team: Answered -> Finished
        m_finished = true;
        return false;
    }
    QuizSession& quiz = currentQuiz();
    return quiz.phase() == QuizPhase::NotStarted ? quiz.start(now) : quiz.next(now);
}

QuizPhase TeamSession::phase() const {
    if (m_finished) return QuizPhase::Finished;
    if (!m_started) return QuizPhase::NotStarted;
    return m_teams[static_cast<std::size_t>(currentTeam())].quiz.phase();
}

const DrawnQuestion* TeamSession::currentQuestion() const {
    if (!m_started || m_finished) return nullptr;
    return m_teams[static_cast<std::size_t>(currentTeam())].quiz.currentQuestion();
}

double TeamSession::secondsUntilNextEvent(TimePoint now) const {
    if (!m_started || m_finished) return std::numeric_limits<double>::infinity();
    return m_teams[static_cast<std::size_t>(currentTeam())].quiz.secondsUntilNextEvent(now);
}

std::vector<TeamStanding> TeamSession::standings() const {
    std::vector<TeamStanding> out;
    for (int i = 0; i < teamCount(); ++i) {
        const Team& t = m_teams[static_cast<std::size_t>(i)];
        const QuizSummary s = t.quiz.summary();
        out.push_back({i, t.preset, s.score, s.correctCount, s.answered, s.total, 1});
    }
    for (auto& a : out)
        a.rank =
            1 + static_cast<int>(std::count_if(out.begin(), out.end(), [&](const TeamStanding& b) {
                return b.score > a.score;
            }));
    return out;
}

std::vector<TeamStanding> TeamSession::scoreboard() const {
    auto out = standings();
    std::stable_sort(out.begin(), out.end(),
                     [](const TeamStanding& a, const TeamStanding& b) { return a.rank < b.rank; });
    return out;
}

std::vector<TeamStanding> TeamSession::podium() const {
    auto out = scoreboard();
    out.erase(
        std::remove_if(out.begin(), out.end(), [](const TeamStanding& s) { return s.rank > 3; }),
        out.end());
    return out;
}

// ---- preset nicknames
// ----------------------------------------------------------------------------

const std::vector<PresetNickname>& presetNicknames() {
    static const std::vector<PresetNickname> names = {
        {"little-archivist", {"小档案员", "Little Archivist"}},
        {"young-bookworm", {"书香少年", "Young Bookworm"}},
        {"history-explorer", {"历史探索者", "History Explorer"}},
        {"time-traveller", {"时光旅人", "Time Traveller"}},
        {"seal-keeper", {"印章守护者", "Seal Keeper"}},
        {"scroll-reader", {"读卷人", "Scroll Reader"}},
        {"inky-panda", {"墨墨熊猫", "Inky Panda"}},
        {"paper-crane", {"纸鹤", "Paper Crane"}},
        {"little-lantern", {"小灯笼", "Little Lantern"}},
        {"bamboo-slip", {"竹简", "Bamboo Slip"}},
        {"clever-owl", {"聪明猫头鹰", "Clever Owl"}},
        {"curious-cat", {"好奇猫", "Curious Cat"}},
        {"star-catcher", {"摘星人", "Star Catcher"}},
        {"map-maker", {"小绘图师", "Map Maker"}},
        {"storyteller", {"讲故事的人", "Storyteller"}},
        {"memory-keeper", {"记忆守护者", "Memory Keeper"}},
        {"clue-hunter", {"线索猎人", "Clue Hunter"}},
        {"treasure-seeker", {"寻宝人", "Treasure Seeker"}},
        {"little-calligrapher", {"小书法家", "Little Calligrapher"}},
        {"old-photo", {"老照片", "Old Photo"}},
        {"postmark", {"邮戳", "Postmark"}},
        {"compass", {"指南针", "Compass"}},
        {"abacus", {"小算盘", "Abacus"}},
        {"inkstone", {"砚台", "Inkstone"}},
        {"writing-brush", {"毛笔", "Writing Brush"}},
        {"moon-rabbit", {"玉兔", "Moon Rabbit"}},
        {"little-dragon", {"小龙", "Little Dragon"}},
        {"lucky-koi", {"锦鲤", "Lucky Koi"}},
        {"swift-swallow", {"小燕子", "Swift Swallow"}},
        {"red-kite", {"红风筝", "Red Kite"}},
        {"page-turner", {"翻页高手", "Page Turner"}},
        {"quiz-star", {"答题之星", "Quiz Star"}},
        {"wise-turtle", {"智慧龟", "Wise Turtle"}},
        {"archive-detective", {"档案侦探", "Archive Detective"}},
        {"catalogue-wizard", {"编目小能手", "Catalogue Wizard"}},
        {"book-mender", {"古籍修复师", "Book Mender"}},
        {"library-cat", {"图书馆猫", "Library Cat"}},
        {"sunflower", {"向日葵", "Sunflower"}},
        {"plum-blossom", {"梅花", "Plum Blossom"}},
        {"green-pine", {"青松", "Green Pine"}},
    };
    return names;
}

const PresetNickname* findNickname(std::string_view id) {
    for (const auto& n : presetNicknames())
        if (n.id == id) return &n;
    return nullptr;
}

} // namespace lantai::core
