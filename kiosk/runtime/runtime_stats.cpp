// kiosk/runtime: the visitor statistics — what the kiosk shows, sampled after each update and
// frame, and the quiz's happenings, as interaction events for the host's event writer
#include "kiosk/runtime/kiosk_runtime.h"

#include <chrono>

namespace lantai::kiosk {

namespace {

const char* stringOr(const std::string* s) {
    return s ? s->c_str() : "";
}

} // namespace

core::EventClock KioskRuntime::eventClock() const {
    return {m_now, m_options.unixTime ? m_options.unixTime(m_now) : 0.0};
}

core::VisitSnapshot KioskRuntime::visitSnapshot() const {
    core::VisitSnapshot s;
    const core::SessionState session = m_session.state();
    s.active = m_state.pack &&
               (session == core::SessionState::Active || session == core::SessionState::StillThere);
    s.lastActivity =
        std::chrono::duration<double>(m_session.activeUntil().time_since_epoch()).count();
    if (!s.active) return s;
    const core::KioskNavigation& nav = m_state.nav;
    const core::KioskScreen screen = nav.screen();
    s.screen = core::kioskScreenName(screen);
    s.language = core::languageCode(m_state.language);
    if (screen == core::KioskScreen::Exhibition)
        s.exhibition = stringOr(nav.currentExhibition() ? &nav.currentExhibition()->id : nullptr);
    if (screen == core::KioskScreen::Chapter)
        s.chapter = stringOr(nav.currentChapter() ? &nav.currentChapter()->id : nullptr);
    const bool videoFromItem =
        screen == core::KioskScreen::Video && nav.videoReturnScreen() == core::KioskScreen::Item;
    if (screen == core::KioskScreen::Item || videoFromItem)
        s.item = stringOr(nav.currentItem() ? &nav.currentItem()->id : nullptr);
    // The viewport and the QR code belong to the item once the item screen has drawn it.
    if (screen == core::KioskScreen::Item && !s.item.empty() &&
        m_state.viewportKey.starts_with(s.item + "#")) {
        s.zoomed = m_state.viewport.zoomLevelFraction() > 0.01;
        s.qrShown = !m_state.qrUrl.empty();
    }
    if (m_video.available() && !m_video.videoId().empty() && !m_video.inAttract()) {
        const MediaStatus& status = m_video.status();
        s.video = m_video.videoId();
        s.videoPosition = status.position;
        s.videoDuration = status.duration;
        s.videoEnded = status.state == MediaState::Ended;
    }
    return s;
}

void KioskRuntime::recordVisit() {
    core::EventWriter* events = m_options.events;
    if (!events || !m_options.unixTime) return;
    const core::EventClock clock = eventClock();
    for (const QuizHappening& h : m_quiz.takeHappenings()) {
        const std::string band = core::ageBandName(h.ageBand);
        switch (h.type) {
        case QuizHappening::Type::Started:
            m_recorder.quizStarted(h.team ? "team" : "solo", band, clock);
            break;
        case QuizHappening::Type::Answered:
            m_recorder.quizAnswered(h.questionId, h.correct, band, clock);
            break;
        case QuizHappening::Type::Finished:
            m_recorder.quizFinished(h.score, band, clock);
            break;
        case QuizHappening::Type::ContestFinished:
            m_recorder.contestFinished(h.teams, h.winner, clock);
            break;
        }
    }
    if (m_phones) { // class on phones: each answer as the kiosk's own (by stable question id)
        if (m_phoneGameStarted && m_phones->game()) {
            m_recorder.quizStarted("phones", core::ageBandName(m_quiz.ageBand()), clock);
            m_phoneGameStarted = false;
        }
        for (const core::PhoneAnswerRecord& a : m_phones->takeAnswers())
            m_recorder.quizAnswered(a.questionId, a.correct, core::ageBandName(m_quiz.ageBand()),
                                    clock);
    }
    m_recorder.observe(visitSnapshot(), clock);
    for (core::StatsEvent& e : m_recorder.takeEvents())
        events->record(std::move(e));
}

// The shown pack's id, version and booth on every event, and the names of what events name.
void KioskRuntime::describePack() {
    if (!m_options.events || !m_state.pack) return;
    const core::Pack& pack = *m_state.pack;
    m_recorder.setContext({m_options.config.boothId, pack.id, m_content.packVersion});
    std::vector<core::SubjectName> names;
    const auto add = [&](const char* kind, const std::string& id, const core::LocalizedText& t) {
        names.push_back({pack.id, kind, id, t.zh, t.en});
    };
    for (const auto& exhibition : pack.exhibitions) {
        add("exhibition", exhibition.id, exhibition.title);
        for (const auto& chapter : exhibition.chapters) {
            add("chapter", chapter.id, chapter.title);
            for (const auto& item : chapter.items)
                add("item", item.id, item.title);
        }
    }
    for (const auto& video : pack.videos)
        add("video", video.id, video.title);
    for (const auto& bank : pack.quizBanks)
        for (const auto& question : bank.questions)
            add("question", question.id, question.prompt);
    m_options.events->describe(std::move(names));
}

} // namespace lantai::kiosk
