// kiosk/app: script replay — turns script commands into timed synthetic input
#include "kiosk/app/script_runner.h"

#include <SDL.h>
#include <algorithm>
#include <cmath>

namespace lantai::kiosk {

namespace {

constexpr std::int64_t kFingerA = 1001; // scripted fingers: ids no real device uses
constexpr std::int64_t kFingerB = 1002;
constexpr double kSettleAfterInput = 0.35; // s: longer than the double-tap window
constexpr SDL_FingerID kSdlFinger = 7;     // sdl-tap's finger (the runtime sees pointer 8)
constexpr SDL_TouchID kSdlTouchDevice = 1;

int keyFromName(const std::string& name) {
    if (name == "escape" || name == "esc") return SDLK_ESCAPE;
    if (name == "f4") return SDLK_F4;
    if (name == "return" || name == "enter") return SDLK_RETURN;
    if (name == "left") return SDLK_LEFT;
    if (name == "right") return SDLK_RIGHT;
    if (name == "up") return SDLK_UP;
    if (name == "down") return SDLK_DOWN;
    if (name.size() == 1) return static_cast<unsigned char>(name[0]);
    return SDL_GetKeyFromName(name.c_str());
}

} // namespace

void ScriptRunner::pointer(double at, InputEvent::Type type, std::int64_t id, core::Vec2 position) {
    PlatformEvent e;
    e.type = PlatformEvent::Type::Input;
    e.input.type = type;
    e.input.pointer = id;
    e.input.position = position;
    e.input.time = at; // the gesture recogniser sees the scripted pace even if delivery is late
    m_events.push_back({at, e, {}, {}});
}

// An event a real touch screen or mouse would put in SDL's queue: a finger's position is a
// fraction of the physical window, a mouse's is in its pixels.
void ScriptRunner::pushSdlPointer(const SdlPointer& p, const core::DisplayRotation& display) {
    SDL_Event e{};
    if (p.finger) {
        e.type = p.down ? SDL_FINGERDOWN : SDL_FINGERUP;
        e.tfinger.touchId = kSdlTouchDevice;
        e.tfinger.fingerId = kSdlFinger;
        e.tfinger.x = static_cast<float>(p.physical.x / display.physicalWidth());
        e.tfinger.y = static_cast<float>(p.physical.y / display.physicalHeight());
        e.tfinger.pressure = p.down ? 1.0f : 0.0f;
    } else {
        e.type = p.down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = p.down ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        e.button.x = static_cast<Sint32>(std::lround(p.physical.x));
        e.button.y = static_cast<Sint32>(std::lround(p.physical.y));
    }
    SDL_PushEvent(&e);
}

std::optional<core::Vec2> ScriptRunner::resolve(const core::ScriptPoint& point, int line) {
    if (!point.target.empty() && point.target.back() == '?') // optional: skipped when not on screen
        return m_host.targetCenter(point.target.substr(0, point.target.size() - 1));
    if (!point.target.empty()) {
        auto centre = m_host.targetCenter(point.target);
        if (!centre) {
            ++m_errors;
            m_host.scriptError("script line " + std::to_string(line) + ": no tap target \"" +
                               point.target + "\" on this screen");
        }
        return centre;
    }
    const core::Vec2 size = m_host.windowSize();
    return core::Vec2{point.x.resolve(size.x), point.y.resolve(size.y)};
}

bool ScriptRunner::start(const core::ScriptCommand& c, double now) {
    using T = core::ScriptCommandType;
    using P = InputEvent::Type;
    m_commandStart = now;
    m_doneAt = now;
    const core::Vec2 size = m_host.windowSize();
    switch (c.type) {
    case T::Wait:
        m_doneAt = now + c.number / 1000.0;
        return true;
    case T::WaitIdle:
        m_doneAt = now + c.number / 1000.0;
        return true;
    case T::Tap:
    case T::DoubleTap:
    case T::LongPress: {
        const auto p = resolve(c.points[0], c.line);
        if (!p) return false;
        pointer(now, P::PointerDown, kFingerA, *p);
        const double hold = c.type == T::LongPress ? c.number / 1000.0 : 0.06;
        pointer(now + hold, P::PointerUp, kFingerA, *p);
        if (c.type == T::DoubleTap) {
            pointer(now + 0.16, P::PointerDown, kFingerA, *p);
            pointer(now + 0.22, P::PointerUp, kFingerA, *p);
        }
        return true;
    }
    case T::Drag:
    case T::Swipe: {
        core::Vec2 from, to;
        double duration = c.number / 1000.0;
        if (c.type == T::Drag) {
            const auto a = resolve(c.points[0], c.line);
            const auto b = resolve(c.points[1], c.line);
            if (!a || !b) return false;
            from = *a;
            to = *b;
        } else {
            from = c.points.empty() ? core::Vec2{size.x / 2, size.y / 2}
                                    : resolve(c.points[0], c.line).value_or(core::Vec2{});
            const double dx = size.x * 0.3, dy = size.y * 0.3;
            to = from + (c.text == "left"    ? core::Vec2{-dx, 0}
                         : c.text == "right" ? core::Vec2{dx, 0}
                         : c.text == "up"    ? core::Vec2{0, -dy}
                                             : core::Vec2{0, dy});
            duration = 0.12;
        }
        duration = std::max(duration, 0.05);
        const int steps = std::max(4, static_cast<int>(duration / 0.016));
        pointer(now, P::PointerDown, kFingerA, from);
        for (int i = 1; i <= steps; ++i) {
            const double t = double(i) / steps;
            pointer(now + duration * t, P::PointerMove, kFingerA, from + (to - from) * t);
        }
        pointer(now + duration + 0.001, P::PointerUp, kFingerA, to);
        return true;
    }
    case T::Pinch: {
        const auto centre = resolve(c.points[0], c.line);
        if (!centre) return false;
        const double duration = std::max(0.05, c.number2 / 1000.0);
        const double d0 = std::min(size.x, size.y) * 0.08;
        const double d1 = d0 * c.number;
        const int steps = std::max(6, static_cast<int>(duration / 0.016));
        pointer(now, P::PointerDown, kFingerA, *centre - core::Vec2{d0, 0});
        pointer(now + 0.001, P::PointerDown, kFingerB, *centre + core::Vec2{d0, 0});
        for (int i = 1; i <= steps; ++i) {
            const double d = d0 + (d1 - d0) * double(i) / steps;
            const double at = now + 0.002 + duration * double(i) / steps;
            pointer(at, P::PointerMove, kFingerA, *centre - core::Vec2{d, 0});
            pointer(at, P::PointerMove, kFingerB, *centre + core::Vec2{d, 0});
        }
        pointer(now + duration + 0.01, P::PointerUp, kFingerB, *centre + core::Vec2{d1, 0});
        pointer(now + duration + 0.02, P::PointerUp, kFingerA, *centre - core::Vec2{d1, 0});
        return true;
    }
    case T::Fingers: {
        // N fingers down 12 px apart, a 150 ms fling over 30 % of the window, all up.
        const core::Vec2 from = c.points.empty()
                                    ? core::Vec2{size.x / 2, size.y / 2}
                                    : resolve(c.points[0], c.line).value_or(core::Vec2{});
        const double dx = size.x * 0.3, dy = size.y * 0.3;
        const core::Vec2 by = c.text == "left"    ? core::Vec2{-dx, 0}
                              : c.text == "right" ? core::Vec2{dx, 0}
                              : c.text == "up"    ? core::Vec2{0, -dy}
                                                  : core::Vec2{0, dy};
        const int n = static_cast<int>(c.number);
        auto finger = [&](int k) { return from + core::Vec2{48.0 * k, 0}; };
        for (int k = 0; k < n; ++k)
            pointer(now + 0.001 * k, P::PointerDown, kFingerA + k, finger(k));
        const int steps = 10;
        for (int i = 1; i <= steps; ++i)
            for (int k = 0; k < n; ++k)
                pointer(now + 0.01 + 0.15 * i / steps, P::PointerMove, kFingerA + k,
                        finger(k) + by * (double(i) / steps));
        for (int k = 0; k < n; ++k)
            pointer(now + 0.17 + 0.001 * k, P::PointerUp, kFingerA + k, finger(k) + by);
        return true;
    }
    case T::SdlTap: {
        // Physical coordinates: pixels or percentages of the window as it is on the screen; a
        // tap target's centre is turned there by display.rotation.
        const core::DisplayRotation display = m_host.display();
        const core::ScriptPoint& point = c.points[0];
        core::Vec2 physical{point.x.resolve(display.physicalWidth()),
                            point.y.resolve(display.physicalHeight())};
        if (!point.target.empty()) {
            const auto logical = resolve(point, c.line);
            if (!logical) return false;
            physical = display.toPhysical(*logical);
        }
        const bool finger = c.text == "finger";
        m_events.push_back({now, {}, {}, SdlPointer{finger, true, physical}});
        m_events.push_back({now + 0.06, {}, {}, SdlPointer{finger, false, physical}});
        return true;
    }
    case T::RightClick: {
        // Through SDL's own queue, so the platform's filter of buttons is what is tested.
        const auto logical = resolve(c.points[0], c.line);
        if (!logical) return false;
        const auto p = m_host.display().toPhysical(*logical); // SDL's events are physical
        for (Uint32 type : {SDL_MOUSEBUTTONDOWN, SDL_MOUSEBUTTONUP}) {
            SDL_Event e{};
            e.type = type;
            e.button.button = SDL_BUTTON_RIGHT;
            e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
            e.button.clicks = 1;
            e.button.x = static_cast<Sint32>(p.x);
            e.button.y = static_cast<Sint32>(p.y);
            SDL_PushEvent(&e);
        }
        return true;
    }
    case T::CloseWindow: {
        SDL_Event e{};
        e.type = SDL_QUIT; // what SDL sends when the window manager closes the last window
        SDL_PushEvent(&e);
        return true;
    }
    case T::Wheel: {
        const auto p = resolve(c.points[0], c.line);
        if (!p) return false;
        PlatformEvent e;
        e.type = PlatformEvent::Type::Input;
        e.input.type = P::Wheel;
        e.input.position = *p;
        e.input.wheel = c.number;
        m_events.push_back({now, e, {}, {}});
        return true;
    }
    case T::Key: {
        PlatformEvent e;
        e.type = PlatformEvent::Type::Input;
        e.input.type = P::Key;
        e.input.key = keyFromName(c.text);
        e.input.ctrl = c.ctrl;
        e.input.alt = c.alt;
        e.input.shift = c.shift;
        m_events.push_back({now, e, {}, {}});
        return true;
    }
    case T::Screenshot:
        m_host.requestScreenshot(c.text);
        return true;
    case T::Advance:
        m_host.advanceClock(c.number);
        return true;
    case T::Resize:
        m_host.resizeWindow(static_cast<int>(c.number), static_cast<int>(c.number2));
        return true;
    case T::Quit:
        m_quit = true;
        return true;
    case T::Type:
    case T::Drop:
        ++m_errors;
        m_host.scriptError("script line " + std::to_string(c.line) + ": \"" +
                           core::scriptCommandName(c.type) +
                           "\" is for the editor; the kiosk has no text fields and takes no drops");
        return false;
    case T::QuizAnswer: {
        const auto targets = m_host.quizAnswerTargets(c.text == "correct");
        if (targets.empty()) {
            ++m_errors;
            m_host.scriptError("script line " + std::to_string(c.line) +
                               ": no quiz question waiting for an answer");
            return false;
        }
        double at = now;
        for (const auto& target : targets) {
            pointer(at, P::PointerDown, kFingerA, {});
            m_events.back().target = target;
            pointer(at + 0.06, P::PointerUp, kFingerA, {});
            m_events.back().target = target;
            at += 0.4; // longer than the double-tap window: separate taps
        }
        return true;
    }
    }
    return true;
}

void ScriptRunner::finishCommand(double now) {
    (void)now;
    m_host.stepCompleted(static_cast<int>(m_index), m_script.commands[m_index]);
    ++m_index;
    m_started = false;
    m_settleUntil = -1;
}

double ScriptRunner::update() {
    while (!finished() && !m_quit) {
        const double now = m_host.clockNow(); // re-read: `advance` moves the clock
        const auto& c = m_script.commands[m_index];
        if (!m_started) {
            m_started = true;
            if (!start(c, now)) {
                finishCommand(now); // the error is reported; carry on with the next command
                continue;
            }
        }
        // Deliver due synthetic events.
        while (!m_events.empty() && m_events.front().at <= now) {
            Timed& timed = m_events.front();
            if (timed.sdl) {
                pushSdlPointer(*timed.sdl, m_host.display());
                m_events.pop_front();
                continue;
            }
            if (!timed.target.empty()) {
                const auto centre = m_host.targetCenter(timed.target);
                if (!centre) {
                    ++m_errors;
                    m_host.scriptError("script line " + std::to_string(c.line) +
                                       ": no tap target \"" + timed.target + "\"");
                    m_events.clear();
                    break;
                }
                timed.event.input.position = *centre;
            }
            m_host.injectEvent(timed.event);
            m_events.pop_front();
        }
        if (!m_events.empty()) return std::max(0.0, m_events.front().at - now);
        using T = core::ScriptCommandType;
        switch (c.type) {
        case T::Wait:
            if (now < m_doneAt) return m_doneAt - now;
            break;
        case T::WaitIdle:
            if (!m_host.isIdle() && now < m_doneAt) return 0.01;
            break;
        case T::Screenshot:
            if (m_host.screenshotPending()) return 0;
            break;
        case T::Tap:
        case T::DoubleTap:
        case T::LongPress:
        case T::Drag:
        case T::Swipe:
        case T::Pinch:
        case T::Fingers:
        case T::RightClick:
        case T::SdlTap:
        case T::CloseWindow:
        case T::Wheel:
        case T::Key:
        case T::Resize:
        case T::QuizAnswer:
            if (m_settleUntil < 0) m_settleUntil = now + kSettleAfterInput;
            if (now < m_settleUntil) return m_settleUntil - now;
            break;
        default:
            break;
        }
        finishCommand(now);
    }
    return -1;
}

} // namespace lantai::kiosk
