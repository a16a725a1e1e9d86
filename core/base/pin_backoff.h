// core/base: the back-off after wrong PINs on a kiosk number pad — a growing wait (pure logic)
#pragma once

namespace lantai::core {

// The first `freeAttempts` wrong PINs cost nothing; each one after makes the pad wait, twice as
// long as the time before (firstDelaySeconds, 2x, 4x, … at most maxDelaySeconds). A right PIN
// starts over. A 4-digit PIN then takes years to guess at the pad, while a member of staff who
// mistypes twice loses nothing.
struct PinBackoffConfig {
    int freeAttempts = 3;
    double firstDelaySeconds = 30.0;
    double maxDelaySeconds = 15.0 * 60.0;
};

// Threading/ownership: a value type; time is an argument (seconds on the host's clock).
class PinBackoff {
  public:
    explicit PinBackoff(PinBackoffConfig config = {}) : m_config(config) {}

    // A PIN may be tried now (no wait running).
    bool canTry(double now) const { return now >= m_lockedUntil; }
    // Seconds of the running wait left (0 when none), rounded up to whole seconds by callers.
    double secondsLeft(double now) const { return now < m_lockedUntil ? m_lockedUntil - now : 0; }
    // When the running wait ends (host clock); in the past when none.
    double lockedUntil() const { return m_lockedUntil; }
    // A wrong PIN at `now`; returns the wait it starts (0 for a free attempt).
    double failed(double now);
    void succeeded();
    int failures() const { return m_failures; }

  private:
    PinBackoffConfig m_config;
    int m_failures = 0;
    double m_lockedUntil = -1e300;
};

} // namespace lantai::core
