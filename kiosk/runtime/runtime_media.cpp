// kiosk/runtime: wiring the quiz, video and narration controllers — settings from the
// configuration, the video backend's late start, what plays when the visitor moves on
#include "core/base/log.h"
#include "kiosk/runtime/kiosk_runtime.h"

#include <algorithm>

namespace lantai::kiosk {

void KioskRuntime::configureQuiz() {
    const core::KioskConfig& config = m_options.config;
    QuizSettings settings;
    core::parseScoringMode(config.quizScoring, settings.scoring);
    settings.questions = config.quizQuestions;
    settings.timerSeconds = config.quizTimerS;
    settings.streakBonus = config.quizStreakBonus;
    settings.minAnswerMs = config.quizMinAnswerMs;
    settings.cooldownMinutes = config.quizCooldownMin;
    settings.dailyCap = config.quizDailyCap;
    settings.teacherPinHash = config.teacherPinHash;
    m_quiz.configure(m_state.pack, m_options.stats, settings);
}

void KioskRuntime::configureVideo() {
    const core::KioskConfig& config = m_options.config;
    VideoSettings settings;
    settings.volume = config.videoVolume;
    settings.maxVolume = config.videoMaxVolume;
    settings.attractMuted = config.attractMuted;
    settings.subtitles = config.videoSubtitles;
    m_video.configure(m_state.pack, m_media.get(), settings);
}

void KioskRuntime::configureNarration() {
    const core::KioskConfig& config = m_options.config;
    m_narration.configure(
        m_state.pack, m_options.narrationPlayer,
        std::clamp(config.videoVolume, 0, std::clamp(config.videoMaxVolume, 0, 100)));
}

std::string KioskRuntime::narrationTargetOnScreen() const {
    switch (m_state.nav.screen()) {
    case core::KioskScreen::Item:
        if (const auto* item = m_state.nav.currentItem()) return "item:" + item->id;
        return {};
    case core::KioskScreen::Chapter:
        if (const auto* chapter = m_state.nav.currentChapter()) return "chapter:" + chapter->id;
        return {};
    case core::KioskScreen::Quiz:
        if (const auto* drawn = m_quiz.question(); drawn && m_quiz.stage() == QuizStage::Playing)
            return "question:" + drawn->question.id;
        return {};
    default:
        return {};
    }
}

void KioskRuntime::updateNarration() {
    if (m_narration.update()) m_redraw = true;
    if (m_narration.target().empty()) return;
    // Navigation (Back, Home, the next question, the idle reset) and a language switch end it.
    const std::string onScreen = m_staff.isOpen() ? std::string() : narrationTargetOnScreen();
    if (m_narration.target() != onScreen) {
        m_narration.stop();
        m_redraw = true;
    }
}

// The video backend starts after the first frame is on screen (libmpv takes tens of
// milliseconds), so it does not delay the kiosk becoming interactive.
void KioskRuntime::startVideoBackend() {
    if (m_media) return;
    if (!m_options.config.videoEnabled) {
        m_media = createNullMediaPlayer(
            "video playback is disabled in the kiosk configuration ([video] enabled = false)");
    } else if (m_state.pack && m_state.pack->videos.empty()) {
        return; // nothing to play: start the backend only if a pack with videos arrives
    } else if (m_options.mediaPlayer) {
        m_media = m_options.mediaPlayer();
    }
    if (!m_media) m_media = createNullMediaPlayer("this kiosk has no video player");
    configureVideo();
    m_redraw = true;
}

void KioskRuntime::updateVideo() {
    updateNarration();
    if (!m_media && m_frames > 0 && m_state.pack) startVideoBackend();
    if (m_video.update()) m_redraw = true;
    if (!m_video.videoId().empty()) {
        const auto screen = m_state.nav.screen();
        const bool onPlayer = screen == core::KioskScreen::Video &&
                              m_state.nav.video() == m_video.videoId() && !m_video.inAttract();
        const bool inAttract = screen == core::KioskScreen::Attract && m_video.inAttract();
        if (!onPlayer && !inAttract) {
            // The visitor left the player (Back, Home, the idle reset) or the attract loop.
            m_video.stop();
            m_redraw = true;
        } else if (onPlayer && m_video.hasEnded()) {
            recordVisit(); // the statistics see the end before the player closes
            core::logInfo("video " + m_video.videoId() + " ended");
            m_video.stop();
            m_state.nav.closeVideo();
            m_redraw = true;
        }
    }
    // The idle timeout waits while a visitor watches a video or listens to a reading; it starts
    // counting at pause or end.
    const bool busy = m_video.visitorWatching() || m_narration.playing();
    if (busy != m_session.blockingActivity() && (m_state.pack || !busy))
        m_session.setBlockingActivity(busy, at(m_now));
}

} // namespace lantai::kiosk
