// core/base: the back-off after wrong PINs on a kiosk number pad — a growing wait (pure logic)
#include "core/base/pin_backoff.h"

#include <algorithm>
#include <cmath>

namespace lantai::core {

double PinBackoff::failed(double now) {
    ++m_failures;
    const int over = m_failures - m_config.freeAttempts;
    if (over <= 0) return 0;
    const double wait =
        std::min(m_config.maxDelaySeconds,
                 m_config.firstDelaySeconds * std::pow(2.0, std::min(over - 1, 30)));
    m_lockedUntil = now + wait;
    return wait;
}

void PinBackoff::succeeded() {
    m_failures = 0;
    m_lockedUntil = -1e300;
}

} // namespace lantai::core
