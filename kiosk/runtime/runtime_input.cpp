// kiosk/runtime: input and time — pointers into gestures and taps, the visitor session, the end of
// a visit, timers and fast-forward
#include "core/base/log.h"
#include "kiosk/runtime/imgui_context_scope.h"
#include "kiosk/runtime/kiosk_runtime.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lantai::kiosk {

namespace {

constexpr double kOutOfServiceRetrySeconds = 60.0;

} // namespace

void KioskRuntime::handleInput(const InputEvent& e, double now) {
    ImGuiContextScope scope(m_imgui);
    m_now = now;
    using T = InputEvent::Type;
    const double t = e.time >= 0 ? std::min(e.time, now) : now;
    feedStaffGesture(e, t);
    if (m_staff.isOpen()) {
        // The staff screen takes every touch as taps on its buttons; keys, the wheel and the
        // visitor session are left alone.
        m_redraw = true;
        if (e.type == T::PointerDown) {
            m_staffLastTouch = now;
            m_pressPosition = e.position;
            if (!m_swallowPointer) m_gestures.pointerDown(e.pointer, e.position, t);
        } else if (e.type == T::PointerMove) {
            if (!m_swallowPointer) m_gestures.pointerMove(e.pointer, e.position, t);
        } else if (e.type == T::PointerUp) {
            if (!m_swallowPointer) m_gestures.pointerUp(e.pointer, e.position, t);
            if (m_gestures.pointerCount() == 0) {
                m_swallowPointer = false;
                m_pressPosition.reset();
            }
        }
        return;
    }
    switch (e.type) {
    case T::PointerDown:
    case T::Wheel: {
        m_redraw = true;
        if (!m_state.pack) return; // out of service: nothing to touch
        const auto before = m_session.state();
        const bool overlay = m_state.stillThere;
        const bool ignore = m_session.onInput(at(now));
        if (e.type == T::Wheel) {
            if (before == core::SessionState::Active && !overlay)
                m_gestures.wheel(e.position, e.wheel, t);
            return;
        }
        // The touch that wakes the kiosk or answers the overlay does nothing else.
        if (ignore || before != core::SessionState::Active || overlay) m_swallowPointer = true;
        if (!m_swallowPointer) m_gestures.pointerDown(e.pointer, e.position, t);
        m_pressPosition = e.position;
        return;
    }
    case T::PointerMove:
        if (m_pressPosition) {
            m_pressPosition = e.position;
            m_redraw = true;
        }
        if (!m_swallowPointer) m_gestures.pointerMove(e.pointer, e.position, t);
        if (m_pressPosition) m_session.onInput(at(now));
        return;
    case T::PointerUp:
        m_redraw = true;
        if (!m_swallowPointer) m_gestures.pointerUp(e.pointer, e.position, t);
        if (m_gestures.pointerCount() == 0) {
            m_swallowPointer = false;
            m_pressPosition.reset();
        }
        return;
    case T::Key:
        if (m_state.pack) m_session.onInput(at(now));
        return;
    }
}

void KioskRuntime::update(double now) {
    ImGuiContextScope scope(m_imgui);
    m_now = now;
    installPreviewFonts();
    applySessionEvents(); // a visit that ends here lets a waiting reload through at once
    if (m_pendingReload && atIdleMoment()) applyReload();
    if (m_nextRetry < 0) m_nextRetry = now + kOutOfServiceRetrySeconds;
    if (!m_state.pack && now >= m_nextRetry) {
        m_nextRetry = now + kOutOfServiceRetrySeconds;
        applyContent(loadKioskContent(m_options.config.packPath, m_options.config.lastGoodPackPath,
                                      packTrustSettings(m_options.config)));
        if (m_state.pack) {
            configureQuiz();
            configureNarration();
            configureVideo();
            if (m_imgui) rebuildFonts();
            m_redraw = true;
        }
    }
    handleGestures();
    updateStaff(now);
    if (m_state.pack) {
        if (m_quiz.update(at(now))) m_redraw = true; // a question's timer ran out
        // A class contest keeps the kiosk for a lesson: the longer, separate idle timeout.
        updatePhones(now);
        const bool classSession = (m_quiz.teamMode() || m_quiz.stage() == QuizStage::Phones) &&
                                  m_state.nav.screen() == core::KioskScreen::Quiz;
        if (classSession != m_session.longTimeout()) m_session.setLongTimeout(classSession);
    }
    updateVideo();
    if (m_textures && m_textures->hasPendingUploads()) m_redraw = true;
    recordVisit();
}

double KioskRuntime::secondsUntilDeadline(double now) const {
    if (m_pendingReload && atIdleMoment()) return 0;
    double wait = std::numeric_limits<double>::infinity();
    if (m_state.pack) wait = std::max(0.0, m_session.secondsUntilNextEvent(at(now)));
    if (const double deadline = m_gestures.nextDeadline(); std::isfinite(deadline) && deadline > 0)
        wait = std::min(wait, std::max(0.0, deadline - now));
    if (const double quiz = m_quiz.secondsUntilNextEvent(at(now)); quiz >= 0)
        wait = std::min(wait, quiz);
    if (!m_state.pack && m_nextRetry >= 0) wait = std::min(wait, std::max(0.0, m_nextRetry - now));
    wait = std::min(wait, phonesDeadline(now));
    if (const double staff = staffDeadline(); std::isfinite(staff))
        wait = std::min(wait, std::max(0.0, staff - now));
    return wait;
}

void KioskRuntime::fastForward(double from, double to) {
    // Each deadline in (from, to] gets its own update() at its own time. At least 1 ms per step:
    // a deadline that is due now (0) has been handled by the update() before it.
    double t = from;
    for (int step = 0; step < 100000; ++step) {
        const double next = secondsUntilDeadline(t);
        if (!(t + next < to)) break;
        t += std::max(next, 1e-3);
        update(t);
    }
    update(to);
}

void KioskRuntime::resetVisit() {
    m_state.nav.showAttract();
    m_state.language = m_options.config.defaultLanguage;
    m_state.largeText = false;
    forgetVisit();
    core::logInfo("visit ended: reset to the attract loop");
}

void KioskRuntime::forgetVisit() {
    m_state.stillThere = false;
    m_state.viewport.resetToFit();
    m_state.viewportKey.clear();
    m_state.returnToQuiz = false;
    m_quiz.reset();
    m_video.stop();
    m_narration.stop();
    m_session.setLongTimeout(false);
    m_screens.resetVisit();
    m_gestures.cancelAll(m_now);
}

void KioskRuntime::applySessionEvents() {
    if (!m_state.pack) return;
    for (const auto& ev : m_session.update(at(m_now))) {
        m_redraw = true;
        switch (ev.type) {
        case core::SessionEventType::EnterActive:
            if (m_state.nav.screen() == core::KioskScreen::Attract) m_state.nav.showHome();
            core::logInfo("visit started");
            break;
        case core::SessionEventType::ShowStillThere:
            m_state.stillThere = true;
            m_state.stillThereSeconds = ev.secondsLeft;
            break;
        case core::SessionEventType::HideStillThere:
            m_state.stillThere = false;
            break;
        case core::SessionEventType::ResetToAttract:
            resetVisit();
            break;
        case core::SessionEventType::EnterAttract:
            break;
        }
    }
}

void KioskRuntime::handleGestures() {
    m_gestures.update(m_now);
    UiContext ui; // gestures only need geometry the screens kept from their last draw
    ui.width = static_cast<float>(m_width);
    ui.height = static_cast<float>(m_height);
    for (const auto& g : m_gestures.takeGestures()) {
        m_redraw = true;
        if (m_staff.isOpen()) { // only the staff screen's buttons
            if (g.type != core::GestureType::Tap) continue;
            if (const TapTarget* target = hitTest(m_targets, g.position); target && target->action)
                target->action();
            continue;
        }
        if (m_state.stillThere || !m_state.pack) continue;
        if (g.type == core::GestureType::Tap) {
            if (const TapTarget* target = hitTest(m_targets, g.position)) {
                m_state.tapPosition = g.position;
                if (target->action) target->action();
                continue;
            }
        }
        if (g.type == core::GestureType::SingleTap) continue;
        currentScreen().onGesture(g, ui, m_state);
    }
}

} // namespace lantai::kiosk
