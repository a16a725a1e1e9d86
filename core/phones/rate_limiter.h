// core/phones: a token bucket per phone connection — how many messages a phone may send (pure)
#pragma once

#include <algorithm>

namespace lantai::core {

// `burst` messages at once, refilled at `perSecond`. Time is passed in (seconds on the host's
// monotonic clock); the bucket never reads a clock.
class RateLimiter {
  public:
    RateLimiter(double perSecond, double burst)
        : m_rate(perSecond), m_burst(burst), m_tokens(burst) {}

    // True when a message arriving at `now` may pass (and takes a token).
    bool allow(double now) {
        if (m_last >= 0 && now > m_last)
            m_tokens = std::min(m_burst, m_tokens + (now - m_last) * m_rate);
        m_last = std::max(m_last, now);
        if (m_tokens < 1.0) return false;
        m_tokens -= 1.0;
        return true;
    }

  private:
    double m_rate;
    double m_burst;
    double m_tokens;
    double m_last = -1;
};

} // namespace lantai::core
