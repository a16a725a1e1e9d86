// core/visit: the hidden staff gesture — taps in one screen corner, the last one held (pure logic)
#include "core/visit/staff_gesture.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lantai::core {

bool StaffGestureRecognizer::inCorner(Vec2 p) const {
    return p.x >= 0 && p.y >= 0 && p.x < m_config.cornerSize && p.y < m_config.cornerSize;
}

void StaffGestureRecognizer::reset() {
    m_taps.clear();
    m_pressing = false;
}

void StaffGestureRecognizer::dropOldTaps(double now) {
    // Only taps that leave time for the whole sequence within the window count.
    std::erase_if(m_taps, [&](double t) { return now - t > m_config.windowSeconds; });
}

void StaffGestureRecognizer::pointerDown(PointerId id, Vec2 position, double time) {
    ++m_down;
    if (m_down > 1 || !inCorner(position)) { // a second finger, or a touch elsewhere
        reset();
        return;
    }
    dropOldTaps(time);
    m_pressing = true;
    m_pointer = id;
    m_pressAt = position;
    m_pressTime = time;
}

void StaffGestureRecognizer::pointerMove(PointerId id, Vec2 position, double /*time*/) {
    if (!m_pressing || id != m_pointer) return;
    const Vec2 d = position - m_pressAt;
    if (std::hypot(d.x, d.y) > m_config.slop) reset();
}

void StaffGestureRecognizer::pointerUp(PointerId id, Vec2 position, double time) {
    m_down = std::max(0, m_down - 1);
    if (!m_pressing || id != m_pointer) return;
    m_pressing = false;
    const Vec2 d = position - m_pressAt;
    if (std::hypot(d.x, d.y) > m_config.slop || time - m_pressTime > m_config.tapMaxSeconds) {
        reset(); // a slow tap or a released hold that came too early
        return;
    }
    m_taps.push_back(m_pressTime);
}

bool StaffGestureRecognizer::update(double now) {
    if (!m_pressing || now - m_pressTime < m_config.holdSeconds) return false;
    dropOldTaps(m_pressTime);
    const bool enough = static_cast<int>(m_taps.size()) >= m_config.touches - 1;
    reset();
    m_pressing = false;
    return enough;
}

double StaffGestureRecognizer::nextDeadline() const {
    if (!m_pressing || static_cast<int>(m_taps.size()) < m_config.touches - 1)
        return std::numeric_limits<double>::infinity();
    return m_pressTime + m_config.holdSeconds;
}

} // namespace lantai::core
