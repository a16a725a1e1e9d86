// kiosk/runtime: "class on phones" in the runtime — the booth's server started with the kiosk (and
// restarted by a reload that changed [phones]), a game opened from the teacher's setup, its network
// drained each update, closed with the visit
#include "core/base/log.h"
#include "core/phones/class_results_files.h"
#include "core/quiz/engine.h"
#include "kiosk/runtime/kiosk_runtime.h"

#include <ctime>
#include <limits>
#include <random>

namespace lantai::kiosk {

void KioskRuntime::configurePhones() {
    m_phones =
        std::make_unique<PhoneBooth>(m_options.config, m_options.phonePageDirs, m_options.wake);
    PhonesView& view = m_phones->view();
    view.open = [this] { openPhoneGame(0); };
    view.openTeams = [this] { openPhoneGame(m_quiz.teamCount()); };
    view.start = [this] {
        if (auto* game = m_phones->game(); game && game->start(m_now)) {
            m_phoneGameStarted = true;
            m_redraw = true;
        }
    };
    view.next = [this] {
        if (auto* game = m_phones->game(); game && game->next(m_now)) m_redraw = true;
    };
    view.exportCsv = [this] {
        m_phones->exportCsv(m_options.config.stateDir / core::kClassResultsFolder,
                            static_cast<std::int64_t>(std::time(nullptr)));
        m_redraw = true;
    };
    view.finish = [this] {
        m_phones->close();
        m_quiz.reset();
        m_state.nav.showHome();
        m_redraw = true;
    };
    m_state.phones = &view;
}

void KioskRuntime::reconfigurePhones(const core::KioskConfig& before) {
    const core::KioskConfig& now = m_options.config;
    if (before.phonesEnabled == now.phonesEnabled && before.phonesListen == now.phonesListen &&
        before.phonesPort == now.phonesPort && before.phonesWifiSsid == now.phonesWifiSsid &&
        before.phonesWifiPassword == now.phonesWifiPassword)
        return;
    // The old server stops first (its port may be the new one's).
    m_state.phones = nullptr;
    m_phones.reset();
    m_phoneGameStarted = false;
    if (!now.phonesEnabled) {
        core::logInfo(
            "phones: [phones] enabled = false after the reload: the phone server stopped");
        return;
    }
    configurePhones();
    core::logInfo("phones: [phones] changed: the phone server restarted on " +
                  (now.phonesListen.empty() ? std::string("*") : now.phonesListen) + ":" +
                  std::to_string(now.phonesPort) +
                  (m_phones->serving() ? std::string() : " — " + m_phones->view().problem));
}

void KioskRuntime::openPhoneGame(int teams) {
    if (!m_phones || !m_phones->serving() || !m_state.pack) return;
    const core::KioskConfig& config = m_options.config;
    core::QuizConfig quiz;
    quiz.questionCount = m_quiz.perTeam();
    quiz.shuffleOptions = true;
    std::random_device device;
    std::mt19937 rng(device());
    auto questions = core::drawQuestions(m_state.pack->quizBanks, quiz, core::UsageHistory{}, rng);
    if (questions.empty()) return;
    core::PhoneGameSettings settings;
    core::parseScoringMode(config.quizScoring, settings.scoring.mode);
    settings.scoring.streakBonus = config.quizStreakBonus;
    settings.timerSeconds = config.quizTimerS > 0 ? config.quizTimerS : 20;
    // Team play: the class contest's first `teams` presets, in this theme's team colours.
    if (teams > 0) settings.teams = core::classContestTeams(teams, m_theme);
    const std::uint64_t seed = (std::uint64_t{device()} << 32) ^ device();
    m_phones->open(std::move(questions), settings, seed);
    m_phoneGameStarted = false;
    m_quiz.showPhones();
    m_redraw = true;
}

void KioskRuntime::updatePhones(double now) {
    if (!m_phones) return;
    // The game lives on the quiz screen's "phones" stage: home, a reset or a reload closes it.
    if (m_phones->gameOpen() &&
        (m_quiz.stage() != QuizStage::Phones || m_state.nav.screen() != core::KioskScreen::Quiz))
        m_phones->close();
    if (m_phones->update(now)) m_redraw = true;
}

double KioskRuntime::phonesDeadline(double now) const {
    return m_phones ? m_phones->secondsUntilNextEvent(now)
                    : std::numeric_limits<double>::infinity();
}

} // namespace lantai::kiosk
