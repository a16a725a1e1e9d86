// core/visit: visitor session state machine — attract, active, "still there?" countdown, reset
#pragma once

#include <chrono>
#include <vector>

namespace lantai::core {

enum class SessionState {
    Attract,    // nobody there: the attract loop runs; the first touch starts a visit
    Active,     // a visitor is using the kiosk
    StillThere, // idle too long: the "still there?" overlay counts down
    Resetting,  // countdown ran out: the kiosk is going back to its start (input swallowed)
};

enum class SessionEventType {
    EnterActive,    // Attract -> Active: leave the attract loop, show the home screen
    ShowStillThere, // show or update the overlay; secondsLeft = whole seconds until the reset
    HideStillThere, // the visitor is back (input, or blocking activity started): hide the overlay
    ResetToAttract, // start the reset: close screens, stop media, forget the visit (hides the
                    // overlay)
    EnterAttract,   // Resetting -> Attract: the reset is over, show the attract loop
};

struct SessionEvent {
    SessionEventType type = SessionEventType::EnterActive;
    int secondsLeft = 0; // ShowStillThere only
    bool operator==(const SessionEvent&) const = default;
};

struct VisitorSessionConfig {
    double idleTimeoutSeconds = 90.0;       // no input for this long -> StillThere
    double longIdleTimeoutSeconds = 1200.0; // the same while setLongTimeout(true) (a class session)
    double stillThereSeconds = 10.0;        // countdown length; 0 resets without asking
    double resetSeconds = 1.0;              // Resetting lasts this long (the kiosk's fade-out)
};

// The idle clock runs from the later of the last input and the moment blocking activity ended
// (a video that finished playing). While blocking activity is on, the idle clock does not run.
// Deadlines are absolute: if update() is called late (the machine was busy), the session moves
// on to where it should be, skipping the overlay when its countdown already ran out.
//
// Events are queued by every call and returned, in order, by update(); call update(now) once per
// loop iteration after feeding input, and sleep at most secondsUntilNextEvent(now) afterwards.
//
// Threading/ownership: not thread-safe; use from one thread. Never reads a clock: every time is
// passed in (steady_clock, so wall-clock changes on the booth PC do not matter).
class VisitorSession {
  public:
    using Clock = std::chrono::steady_clock;
    using TimePoint = Clock::time_point;

    explicit VisitorSession(VisitorSessionConfig config = {});

    // Any touch, click, key or wheel. Returns true when the session consumed the input and the
    // UI should not act on it: the touch that dismisses the "still there?" overlay, and input
    // during Resetting. The touch that wakes the kiosk from Attract is not consumed (the attract
    // screen may react to where it landed); the kiosk decides.
    bool onInput(TimePoint now);

    // A video or other activity the visitor watches without touching. `now` marks when it ended
    // (the idle clock starts there). Turning it on during the countdown hides the overlay.
    void setBlockingActivity(bool blocking, TimePoint now);

    // Teacher-run class session: use longIdleTimeoutSeconds instead of idleTimeoutSeconds.
    void setLongTimeout(bool enabled) { m_longTimeout = enabled; }

    // "End visit" button, or staff action: reset now, from any state but Attract / Resetting.
    void requestReset(TimePoint now);

    // Advances the timers to `now` and returns the queued events, oldest first.
    std::vector<SessionEvent> update(TimePoint now);

    // Seconds until update() has something to report: 0 when events are queued or a deadline
    // has passed, +infinity when nothing is scheduled (Attract, or blocking activity on).
    double secondsUntilNextEvent(TimePoint now) const;

    SessionState state() const { return m_state; }
    bool blockingActivity() const { return m_blocking; }
    bool longTimeout() const { return m_longTimeout; }
    const VisitorSessionConfig& config() const { return m_config; }
    // The visitor's last activity: the later of the last input and the end of blocking activity
    // (the idle clock's start). Kept through the reset, so a visit's statistics can end there.
    TimePoint activeUntil() const { return idleSince(); }
    // Seconds the visitor has been idle (0 in Attract / Resetting and while blocking activity).
    double idleSeconds(TimePoint now) const;
    // Whole seconds left on the countdown (StillThere only, else 0).
    int stillThereSecondsLeft(TimePoint now) const;

  private:
    double idleTimeout() const;
    TimePoint idleSince() const;
    TimePoint stillThereDeadline() const; // Active -> StillThere
    TimePoint resetDeadline() const;      // StillThere -> Resetting
    void enterResetting(TimePoint now);

    VisitorSessionConfig m_config;
    SessionState m_state = SessionState::Attract;
    bool m_blocking = false;
    bool m_longTimeout = false;
    TimePoint m_lastInput{};
    TimePoint m_blockingEnded{};
    TimePoint m_stillThereStart{}; // when the countdown started (a deadline, not a call time)
    TimePoint m_resetStart{};
    int m_shownSecondsLeft = 0; // last ShowStillThere value, 0 when the overlay is hidden
    std::vector<SessionEvent> m_pending;
};

} // namespace lantai::core
