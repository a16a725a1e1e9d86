// core/visit: gesture recognition state machine, release-velocity tracking and kinetic scrolling
#include "core/visit/gesture_recognizer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lantai::core {

namespace {

constexpr std::size_t kMaxSamples = 64;
constexpr double kMinPinchDistance = 1.0; // px: fingers closer than this count as this far apart

double distance(Vec2 a, Vec2 b) {
    return (a - b).length();
}

} // namespace

GestureConfig GestureConfig::forScreenHeight(double heightPx) {
    GestureConfig c;
    c.pixelScale = heightPx > 0.0 ? heightPx / 1080.0 : 1.0;
    return c;
}

// ---- VelocityTracker ---------------------------------------------------------------------------

void VelocityTracker::add(double time, Vec2 position) {
    // Time going backwards (clock mix-up): start over rather than divide by a negative dt.
    if (!m_samples.empty() && time < m_samples.back().time) m_samples.clear();
    m_samples.push_back({time, position});
    while (m_samples.size() > kMaxSamples ||
           (m_samples.size() > 1 && m_samples.front().time < time - m_window - m_stopGap)) {
        m_samples.pop_front();
    }
}

Vec2 VelocityTracker::velocity(double now) const {
    if (m_samples.size() < 2) return {};
    const Sample& newest = m_samples.back();
    if (now - newest.time > m_stopGap) return {}; // resting since the last movement
    std::size_t oldest = m_samples.size() - 1;
    while (oldest > 0) {
        const Sample& before = m_samples[oldest - 1];
        if (m_samples[oldest].time - before.time > m_stopGap) break; // a pause: older is stale
        if (before.time < now - m_window) break;
        --oldest;
    }
    const double dt = newest.time - m_samples[oldest].time;
    if (!(dt > 1e-6)) return {};
    return (newest.position - m_samples[oldest].position) / dt;
}

// ---- GestureRecognizer -------------------------------------------------------------------------

GestureRecognizer::GestureRecognizer(GestureConfig config)
    : m_config(config), m_tracker(config.velocityWindow) {}

GestureRecognizer::Pointer* GestureRecognizer::find(PointerId id) {
    for (Pointer& p : m_pointers) {
        if (p.id == id) return &p;
    }
    return nullptr;
}

void GestureRecognizer::emitSimple(GestureType type, Vec2 position, double time) {
    Gesture g;
    g.type = type;
    g.position = position;
    g.time = time;
    emit(g);
}

void GestureRecognizer::confirmPendingTap(double time) {
    if (!m_pending.active) return;
    emitSimple(GestureType::SingleTap, m_pending.position, time);
    m_pending = {};
}

void GestureRecognizer::expirePendingTap(double now) {
    if (m_pending.active && !m_pending.secondPressDown &&
        now - m_pending.upTime >= m_config.doubleTapWindow) {
        confirmPendingTap(m_pending.upTime + m_config.doubleTapWindow);
    }
}

void GestureRecognizer::checkLongPress(double now) {
    if (m_mode != Mode::Press || m_pointers.size() != 1) return;
    const double due = m_pressTime + m_config.longPressTime;
    if (now < due) return;
    confirmPendingTap(due); // a second press held down: the first tap was a single tap after all
    m_mode = Mode::LongPressed;
    emitSimple(GestureType::LongPress, m_anchor, due);
}

Vec2 GestureRecognizer::pinchCenter() const {
    return (m_pointers[0].position + m_pointers[1].position) * 0.5;
}

double GestureRecognizer::pinchDistance() const {
    return std::max(kMinPinchDistance, distance(m_pointers[0].position, m_pointers[1].position));
}

void GestureRecognizer::startPinch(double time) {
    m_mode = Mode::Pinching;
    m_pinchCenter = pinchCenter();
    m_pinchDistance = pinchDistance();
    m_tracker.reset();
    m_tracker.add(time, m_pinchCenter);
    emitSimple(GestureType::PinchStart, m_pinchCenter, time);
}

void GestureRecognizer::endDrag(Vec2 position, double time, Vec2 velocity, bool allowSwipe) {
    Gesture end;
    end.type = GestureType::DragEnd;
    end.position = position;
    end.velocity = velocity;
    end.time = time;
    emit(end);
    if (!allowSwipe) return;

    const Vec2 travel = position - m_anchor;
    const bool horizontal = std::abs(velocity.x) >= std::abs(velocity.y);
    const double speed = horizontal ? velocity.x : velocity.y;
    const double along = horizontal ? travel.x : travel.y;
    if (std::abs(speed) < px(m_config.swipeMinVelocity)) return;
    if (std::abs(along) < px(m_config.swipeMinDistance)) return;
    if ((speed > 0.0) != (along > 0.0)) return; // flicked back against the drag
    Gesture swipe = end;
    swipe.type = GestureType::Swipe;
    if (horizontal) {
        swipe.direction = speed < 0.0 ? SwipeDirection::Left : SwipeDirection::Right;
    } else {
        swipe.direction = speed < 0.0 ? SwipeDirection::Up : SwipeDirection::Down;
    }
    emit(swipe);
}

void GestureRecognizer::singleMove(Pointer& p, double time) {
    m_tracker.add(time, p.position);
    if (m_mode == Mode::Press || m_mode == Mode::Resting) {
        if (distance(p.position, m_anchor) <= px(m_config.tapSlop)) return;
        if (m_mode == Mode::Press) {
            confirmPendingTap(time); // a second press that drags: the first tap was single
            m_swipeAllowed = true;
        } else {
            m_swipeAllowed = false; // the finger left over from a pinch
        }
        m_mode = Mode::Dragging;
        emitSimple(GestureType::DragStart, m_anchor, time);
        m_lastDrag = m_anchor;
    }
    if (m_mode == Mode::Dragging) {
        Gesture g;
        g.type = GestureType::Drag;
        g.position = p.position;
        g.delta = p.position - m_lastDrag;
        g.time = time;
        emit(g);
        m_lastDrag = p.position;
    }
}

void GestureRecognizer::pointerDown(PointerId id, Vec2 position, double time) {
    expirePendingTap(time);
    checkLongPress(time);
    if (find(id)) { // a down we already know (lost up event): treat as a move
        pointerMove(id, position, time);
        return;
    }
    m_pointers.push_back({id, position, position});
    if (m_pointers.size() == 1) {
        if (m_pending.active) {
            if (time - m_pending.upTime < m_config.doubleTapWindow &&
                distance(position, m_pending.position) <= px(m_config.doubleTapSlop)) {
                m_pending.secondPressDown = true;
            } else {
                confirmPendingTap(time);
            }
        }
        m_mode = Mode::Press;
        m_pressTime = time;
        m_anchor = position;
        m_swipeAllowed = true;
        m_tracker.reset();
        m_tracker.add(time, position);
    } else if (m_pointers.size() == 2) {
        if (m_mode == Mode::Dragging) endDrag(m_pointers[0].position, time, {}, false);
        confirmPendingTap(time); // the second press of a double tap became a pinch
        startPinch(time);
    }
    // A third finger or more: tracked so its up is recognised, otherwise ignored.
}

void GestureRecognizer::pointerMove(PointerId id, Vec2 position, double time) {
    Pointer* p = find(id);
    if (!p) return;
    checkLongPress(time);
    if (p->position == position) return;
    p->position = position;
    switch (m_mode) {
    case Mode::Press:
    case Mode::Resting:
    case Mode::Dragging:
        singleMove(*p, time);
        break;
    case Mode::Pinching: {
        if (p != &m_pointers[0] && p != &m_pointers[1]) break;
        const Vec2 c = pinchCenter();
        const double d = pinchDistance();
        Gesture g;
        g.type = GestureType::Pinch;
        g.position = c;
        g.delta = c - m_pinchCenter;
        g.scale = d / m_pinchDistance;
        g.time = time;
        emit(g);
        m_pinchCenter = c;
        m_pinchDistance = d;
        m_tracker.add(time, c);
        break;
    }
    case Mode::Idle:
    case Mode::LongPressed:
        break;
    }
}

void GestureRecognizer::pointerUp(PointerId id, Vec2 position, double time) {
    if (!find(id)) return;
    pointerMove(id, position, time); // the last stretch of movement, and a due long press
    const auto it = std::find_if(m_pointers.begin(), m_pointers.end(),
                                 [id](const Pointer& p) { return p.id == id; });
    const bool inPinch = (it - m_pointers.begin()) < 2;

    switch (m_mode) {
    case Mode::Press: {
        Gesture tap;
        tap.type = GestureType::Tap;
        tap.position = m_anchor;
        tap.time = time;
        if (m_pending.active && m_pending.secondPressDown) {
            tap.tapCount = 2;
            emit(tap);
            emitSimple(GestureType::DoubleTap, m_pending.position, time);
            m_pending = {};
        } else {
            tap.tapCount = 1;
            emit(tap);
            m_pending = {true, false, m_anchor, time};
        }
        break;
    }
    case Mode::Dragging:
        endDrag(position, time, m_tracker.velocity(time), m_swipeAllowed);
        break;
    case Mode::Pinching:
        if (!inPinch) break;
        {
            Gesture end;
            end.type = GestureType::PinchEnd;
            end.position = pinchCenter();
            end.velocity = m_tracker.velocity(time);
            end.time = time;
            emit(end);
        }
        m_pointers.erase(it);
        if (m_pointers.size() >= 2) {
            startPinch(time);
        } else if (m_pointers.size() == 1) {
            m_mode = Mode::Resting;
            m_anchor = m_pointers[0].position;
            m_tracker.reset();
            m_tracker.add(time, m_anchor);
        } else {
            m_mode = Mode::Idle;
        }
        return;
    case Mode::Idle:
    case Mode::LongPressed:
    case Mode::Resting:
        break;
    }
    m_pointers.erase(it);
    if (m_pointers.empty()) m_mode = Mode::Idle;
}

void GestureRecognizer::wheel(Vec2 position, double notches, double time) {
    Gesture g;
    g.type = GestureType::WheelZoom;
    g.position = position;
    g.scale = std::pow(m_config.wheelZoomStep, notches);
    g.time = time;
    emit(g);
}

void GestureRecognizer::cancelAll(double time) {
    if (m_mode == Mode::Dragging && !m_pointers.empty()) {
        endDrag(m_pointers[0].position, time, {}, false);
    } else if (m_mode == Mode::Pinching && m_pointers.size() >= 2) {
        emitSimple(GestureType::PinchEnd, pinchCenter(), time);
    }
    m_pointers.clear();
    m_mode = Mode::Idle;
    m_pending = {};
    m_tracker.reset();
}

void GestureRecognizer::update(double now) {
    checkLongPress(now);
    expirePendingTap(now);
}

std::vector<Gesture> GestureRecognizer::takeGestures() {
    std::vector<Gesture> out;
    out.swap(m_out);
    return out;
}

bool GestureRecognizer::wantsFrames() const {
    return !m_pointers.empty() || m_pending.active;
}

double GestureRecognizer::nextDeadline() const {
    double due = std::numeric_limits<double>::infinity();
    if (m_mode == Mode::Press && m_pointers.size() == 1)
        due = std::min(due, m_pressTime + m_config.longPressTime);
    if (m_pending.active && !m_pending.secondPressDown)
        due = std::min(due, m_pending.upTime + m_config.doubleTapWindow);
    return due;
}

// ---- InertiaScroller ---------------------------------------------------------------------------

InertiaScroller::InertiaScroller(InertiaConfig config)
    : m_config(config), m_tracker(config.velocityWindow) {}

void InertiaScroller::grab(double time, Vec2 position) {
    stop();
    m_tracker.reset();
    m_tracker.add(time, position);
}

void InertiaScroller::track(double time, Vec2 position) {
    m_tracker.add(time, position);
}

void InertiaScroller::release(double time) {
    fling(m_tracker.velocity(time));
    m_tracker.reset();
}

void InertiaScroller::fling(Vec2 velocity) {
    const double speed = velocity.length();
    if (!(speed >= m_config.stopSpeed) || !std::isfinite(speed)) {
        stop();
        return;
    }
    m_velocity = speed > m_config.maxSpeed ? velocity * (m_config.maxSpeed / speed) : velocity;
    m_moving = true;
}

Vec2 InertiaScroller::update(double dt) {
    if (!m_moving || !(dt > 0.0)) return {};
    const double k = m_config.decayRate;
    Vec2 offset;
    if (k > 0.0) {
        const double decay = std::exp(-k * dt);
        offset = m_velocity * ((1.0 - decay) / k);
        m_velocity = m_velocity * decay;
    } else {
        offset = m_velocity * dt;
    }
    if (m_velocity.length() < m_config.stopSpeed) stop();
    return offset;
}

void InertiaScroller::stop() {
    m_velocity = {};
    m_moving = false;
}

void InertiaScroller::stopAxis(bool x, bool y) {
    if (x) m_velocity.x = 0.0;
    if (y) m_velocity.y = 0.0;
    if (m_velocity.length() < m_config.stopSpeed) stop();
}

} // namespace lantai::core
