// kiosk/app: what lantai-kiosk tells systemd — READY=1 (with MAINPID) after the first frame is on
// screen, and WATCHDOG=1 from the main loop while it progresses
#pragma once

#include <chrono>
#include <string>
#include <sys/types.h>

namespace lantai::kiosk {

// The service protocol (sd_notify(3)) as the kiosk speaks it
// -----------------------------------------------------------
// Nothing is sent without $NOTIFY_SOCKET (started by hand, by a test, by the editor).
//
// READY=1 goes once, after the first frame was swapped to the screen, together with
// MAINPID=<the kiosk's pid>: under cage (deploy/systemd/lantai-kiosk.service) the unit's main
// process is cage, so systemd would otherwise watch the compositor and not the kiosk. The unit
// needs NotifyAccess=all, because the kiosk is not the process systemd started.
//
// WATCHDOG=1 goes from the main loop, at most every half of $WATCHDOG_USEC, and only when the
// loop ran since the last one (the caller calls loopProgressed() from the loop and nothing else).
// A stuck loop — a hang in a frame, a blocked GL call, an endless script step — sends nothing,
// and systemd kills and restarts the unit after WatchdogSec. $WATCHDOG_PID (set by systemd to the
// main pid it started) is checked leniently: the kiosk accepts the watchdog when it names the
// kiosk itself or its parent (cage), and ignores it when it names any other process (the
// variable was inherited from elsewhere). sd_watchdog_enabled(3) would require the kiosk's own
// pid, which under cage is never true.
//
// Threading: main thread only.
class ServiceNotifier {
  public:
    using Clock = std::chrono::steady_clock;

    // Reads $NOTIFY_SOCKET, $WATCHDOG_USEC and $WATCHDOG_PID of this process.
    ServiceNotifier();

    bool enabled() const { return m_socket; }
    // The interval between watchdog messages (half of WATCHDOG_USEC); zero: no watchdog.
    Clock::duration watchdogInterval() const { return m_interval; }
    // Why the watchdog is off, or how it runs, for the log.
    const std::string& description() const { return m_description; }

    // After the first frame is presented: READY=1, MAINPID and a status line.
    void ready(const std::string& status);
    // From the main loop, once per turn: WATCHDOG=1 when the interval has passed.
    void loopProgressed(Clock::time_point now);
    // How long the loop may sleep before the next watchdog message is due (max() when none).
    Clock::duration untilNextPing(Clock::time_point now) const;
    // STOPPING=1 when the kiosk ends cleanly (systemd then does not count it as a crash).
    void stopping();

  private:
    bool m_socket = false;
    Clock::duration m_interval{0};
    Clock::time_point m_lastPing{};
    bool m_ready = false;
    std::string m_description;
};

// The watchdog interval for these environment values (half of `watchdogUsec`), zero when the
// watchdog is off or belongs to another process: `watchdogPid` empty, or naming `self` or
// `parent`, is accepted. `why` says which (for the log). Pure, for the unit tests.
std::chrono::microseconds watchdogIntervalFor(const char* watchdogUsec, const char* watchdogPid,
                                              pid_t self, pid_t parent, std::string& why);

} // namespace lantai::kiosk
