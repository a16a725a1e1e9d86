// core/visit: visitor session state machine (idle timeout, "still there?" countdown, reset)
#include "core/visit/visitor_session.h"

#include "core/base/steady_duration.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lantai::core {

namespace {

using Clock = VisitorSession::Clock;
using TimePoint = VisitorSession::TimePoint;

Clock::duration toDuration(double seconds) {
    return steadyDuration(seconds);
}

double toSeconds(Clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

// Whole seconds shown for `remaining` seconds: 9.3 -> 10, 9.0 -> 9, 0.2 -> 1. The tolerance keeps
// a remaining time a few nanoseconds above a whole second (clock rounding) on that second.
int wholeSecondsLeft(double remaining) {
    if (remaining <= 0.0) return 0;
    return std::max(1, static_cast<int>(std::ceil(remaining - 1e-6)));
}

} // namespace

VisitorSession::VisitorSession(VisitorSessionConfig config) : m_config(config) {}

double VisitorSession::idleTimeout() const {
    return m_longTimeout ? m_config.longIdleTimeoutSeconds : m_config.idleTimeoutSeconds;
}

TimePoint VisitorSession::idleSince() const {
    return std::max(m_lastInput, m_blockingEnded);
}

TimePoint VisitorSession::stillThereDeadline() const {
    return idleSince() + toDuration(idleTimeout());
}

TimePoint VisitorSession::resetDeadline() const {
    return m_stillThereStart + toDuration(m_config.stillThereSeconds);
}

bool VisitorSession::onInput(TimePoint now) {
    switch (m_state) {
    case SessionState::Attract:
        m_lastInput = now;
        m_state = SessionState::Active;
        m_pending.push_back({SessionEventType::EnterActive, 0});
        return false;
    case SessionState::Active:
        m_lastInput = std::max(m_lastInput, now);
        return false;
    case SessionState::StillThere:
        m_lastInput = std::max(m_lastInput, now);
        m_state = SessionState::Active;
        m_shownSecondsLeft = 0;
        m_pending.push_back({SessionEventType::HideStillThere, 0});
        return true;
    case SessionState::Resetting:
        return true;
    }
    return false;
}

void VisitorSession::setBlockingActivity(bool blocking, TimePoint now) {
    if (blocking == m_blocking) return;
    m_blocking = blocking;
    if (blocking) {
        if (m_state == SessionState::StillThere) {
            m_state = SessionState::Active;
            m_shownSecondsLeft = 0;
            m_pending.push_back({SessionEventType::HideStillThere, 0});
        }
    } else {
        m_blockingEnded = now;
    }
}

void VisitorSession::requestReset(TimePoint now) {
    if (m_state == SessionState::Active || m_state == SessionState::StillThere) enterResetting(now);
}

void VisitorSession::enterResetting(TimePoint now) {
    m_state = SessionState::Resetting;
    m_resetStart = now;
    m_shownSecondsLeft = 0;
    m_pending.push_back({SessionEventType::ResetToAttract, 0});
}

std::vector<SessionEvent> VisitorSession::update(TimePoint now) {
    // Each pass makes at most one transition; a late call may need several (Active -> Attract).
    for (int pass = 0; pass < 4; ++pass) {
        if (m_state == SessionState::Active) {
            if (m_blocking || now < stillThereDeadline()) break;
            m_stillThereStart = stillThereDeadline();
            m_state = SessionState::StillThere;
            m_shownSecondsLeft = 0;
            continue;
        }
        if (m_state == SessionState::StillThere) {
            if (now >= resetDeadline()) {
                enterResetting(now);
                continue;
            }
            const int left = wholeSecondsLeft(toSeconds(resetDeadline() - now));
            if (left != m_shownSecondsLeft) {
                m_shownSecondsLeft = left;
                m_pending.push_back({SessionEventType::ShowStillThere, left});
            }
            break;
        }
        if (m_state == SessionState::Resetting) {
            if (now < m_resetStart + toDuration(m_config.resetSeconds)) break;
            m_state = SessionState::Attract;
            m_pending.push_back({SessionEventType::EnterAttract, 0});
        }
        break; // Attract: nothing scheduled
    }
    std::vector<SessionEvent> out;
    out.swap(m_pending);
    return out;
}

double VisitorSession::secondsUntilNextEvent(TimePoint now) const {
    constexpr double kNever = std::numeric_limits<double>::infinity();
    if (!m_pending.empty()) return 0.0;
    switch (m_state) {
    case SessionState::Attract:
        return kNever;
    case SessionState::Active:
        if (m_blocking) return kNever;
        return std::max(0.0, toSeconds(stillThereDeadline() - now));
    case SessionState::StillThere: {
        const double remaining = toSeconds(resetDeadline() - now);
        if (remaining <= 0.0) return 0.0;
        // Wake when the shown whole-second value changes (or at the reset itself).
        const int left = wholeSecondsLeft(remaining);
        if (left != m_shownSecondsLeft) return 0.0;
        return std::max(0.0, remaining - static_cast<double>(left - 1));
    }
    case SessionState::Resetting:
        return std::max(0.0, toSeconds(m_resetStart + toDuration(m_config.resetSeconds) - now));
    }
    return kNever;
}

double VisitorSession::idleSeconds(TimePoint now) const {
    if (m_blocking || m_state == SessionState::Attract || m_state == SessionState::Resetting)
        return 0.0;
    return std::max(0.0, toSeconds(now - idleSince()));
}

int VisitorSession::stillThereSecondsLeft(TimePoint now) const {
    if (m_state != SessionState::StillThere) return 0;
    return wholeSecondsLeft(toSeconds(resetDeadline() - now));
}

} // namespace lantai::core
